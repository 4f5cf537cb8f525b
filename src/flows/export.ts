import {
  auditTable,
  type CsvFile,
  type CsvTable,
  csvFiles,
  forwardingTable,
  type Message,
  numbersTable,
  renderNotice,
} from '../blocks';
import { formatUtc, plural } from '../blocks/format';
import { exportForwarding, exportNumbers, type ProgressFn } from '../directory';
import type { Command } from '../grammar';
import type { MemberKey, ShareRecord } from '../model';
import type { Services } from '../services';
import { sendDirectMessage } from '../slack/direct-message';
import { uploadToDirectMessage } from '../slack/upload-files';
import { auditDays } from './audit';
import { memberContext } from './member-context';
import { requireAdmin } from './require-admin';

type ExportCommand = Extract<Command, { kind: 'export' }>;

interface Collected {
  baseName: string;
  title: string;
  table: CsvTable;
  /** One line saying what the file holds and whose view it is. */
  about: string;
}

const DAY_MS = 24 * 60 * 60_000;
const AUDIT_PAGE = 1000;

/**
 * `/rcnumber export numbers | forwarding | audit [days]`: a spreadsheet of what the asker's own
 * token may see, uploaded to their DM (never to the channel the command came from). The audit
 * trail is for RingCentral admins, checked afresh. Too many rows for one file are split into
 * parts; too many for the parts allowed are refused with the reason, before anything is sent.
 */
export async function runExport(
  services: Services,
  member: MemberKey,
  command: ExportCommand,
  progress: { onProgress: ProgressFn; finish: (message: Message) => Promise<void> },
): Promise<void> {
  const collected = await collect(services, member, command, progress.onProgress);
  const split = csvFiles(
    collected.baseName,
    collected.title,
    collected.table,
    services.exportLimits,
  );
  if ('tooLarge' in split) {
    const { rows, maxRows, maxFiles } = split.tooLarge;
    return progress.finish(
      renderNotice(
        `:warning: This export has ${rows.toLocaleString('en-US')} rows, more than the ${maxRows.toLocaleString('en-US')} that fit in ${plural(maxFiles, 'file')}, so nothing was sent. Ask your RingCentral admin to export from RingCentral's admin portal instead.`,
      ),
    );
  }
  const comment = `${collected.about} ${filesLine(split.files)} Collected ${formatUtc(new Date(services.now()))}.`;
  await uploadToDirectMessage(services, member.userId, split.files, comment);
  const done = renderNotice(`Sent to your DM: ${filesLine(split.files)}`);
  try {
    await progress.finish(done);
  } catch {
    // A long export can outlive the command's response_url (30 minutes): say it in the DM.
    await sendDirectMessage(services, member.userId, done);
  }
}

async function collect(
  services: Services,
  member: MemberKey,
  command: ExportCommand,
  onProgress: ProgressFn,
): Promise<Collected> {
  if (command.what === 'audit') return collectAudit(services, member, command.days);
  const ctx = await memberContext(services, member, onProgress);
  const role = ctx.api.http.identity.isAdmin
    ? 'as RingCentral shows an administrator'
    : "as RingCentral shows a regular user (other people's direct numbers only, no features)";
  if (command.what === 'numbers') {
    const data = await exportNumbers(ctx);
    return {
      baseName: 'rcnumber-numbers',
      title: 'Phone numbers',
      table: numbersTable(data),
      about: [`${plural(data.numbers.length, 'phone number')}, ${role}.`, data.featuresLeftOut]
        .filter(Boolean)
        .join(' '),
    };
  }
  const data = await exportForwarding(ctx);
  const whose = data.viewer.isAdmin
    ? `${plural(data.items.length, 'user extension')}, as RingCentral shows an administrator.`
    : 'your own extension: RingCentral shows regular users only their own forwarding list.';
  return {
    baseName: 'rcnumber-forwarding',
    title: 'Forwarding numbers',
    table: forwardingTable(data),
    about: `Forwarding and call-flip numbers of ${whose}`,
  };
}

async function collectAudit(
  services: Services,
  member: MemberKey,
  days: number | null,
): Promise<Collected> {
  const identity = await requireAdmin(services, member, 'export audit');
  const span = auditDays(services, days);
  const shares: ShareRecord[] = [];
  for (let offset = 0; ; offset += AUDIT_PAGE) {
    const page = await services.audit.recentShares({
      teamId: member.teamId,
      accountId: identity.accountId,
      since: services.now() - span * DAY_MS,
      offset,
      limit: AUDIT_PAGE,
    });
    shares.push(...page.items);
    if (page.items.length < AUDIT_PAGE || shares.length >= page.total) break;
  }
  return {
    baseName: 'rcnumber-audit',
    title: 'Shares to channels',
    table: auditTable(shares),
    about: `${plural(shares.length, 'share')} to channels in the last ${plural(span, 'day')} (kept for ${plural(services.config.auditRetentionDays, 'day')}).`,
  };
}

function filesLine(files: CsvFile[]): string {
  const rows = files.reduce((sum, file) => sum + file.rows, 0);
  const names = files.map((file) => file.filename).join(', ');
  return `${names} (${plural(rows, 'row')}).`;
}
