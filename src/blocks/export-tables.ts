/** The columns of each export: what the asker's own token showed, one row per number or entry. */
import type { ForwardingExport, NumbersExport, ShareRecord } from '../model';
import { nationalForm } from '../phone';
import type { Cell, CsvTable } from './csv';

export function numbersTable(data: NumbersExport): CsvTable {
  const header = [
    'Number (E.164)',
    'Number (national)',
    'Country',
    'Usage type',
    'Call type',
    'Payment type',
    'Features',
    'Label',
    'Extension',
    'Owner',
    'Owner type',
    'Owner email',
    'Site',
    'Federated account',
  ];
  const rows = data.numbers.map((number): Cell[] => {
    const { national, country } = nationalForm(number.e164);
    const owner = number.owner;
    return [
      number.e164,
      national,
      country,
      number.usageType,
      number.callType,
      number.paymentType,
      // Null: RingCentral did not show this viewer the features (regular users).
      number.features === null ? null : number.features.join('; '),
      number.label,
      owner?.extensionNumber ?? null,
      owner?.name ?? null,
      owner?.type ?? null,
      owner?.email ?? null,
      owner?.site ?? null,
      owner?.accountName ?? null,
    ];
  });
  return { header, rows };
}

export function forwardingTable(data: ForwardingExport): CsvTable {
  const header = [
    'Extension',
    'Name',
    'Email',
    'Label',
    'Number (E.164)',
    'Number (national)',
    'Type',
    'Features',
    'Flip order',
    'Personal',
    'Note',
  ];
  const rows: Cell[][] = [];
  for (const item of data.items) {
    const ext = item.extension;
    const who: Cell[] = [ext.extensionNumber, ext.name, ext.email];
    if (item.entries.length === 0) {
      rows.push([
        ...who,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        item.problem ?? 'no forwarding numbers',
      ]);
      continue;
    }
    for (const entry of item.entries) {
      rows.push([
        ...who,
        entry.label,
        entry.e164 ?? entry.raw,
        entry.e164 ? nationalForm(entry.e164).national : null,
        entry.type,
        entry.features.join('; '),
        entry.flipNumber,
        entry.personal,
        null,
      ]);
    }
  }
  return { header, rows };
}

export function auditTable(shares: ShareRecord[]): CsvTable {
  const header = [
    'Shared at (UTC)',
    'Slack team',
    'Slack member',
    'RingCentral extension',
    'Command',
    'Channel id',
    'Channel',
    'Personal numbers',
    'Confirmed',
    'Shared with other organisations',
    'Channel members',
  ];
  const rows = shares.map((share): Cell[] => [
    new Date(share.sharedAt).toISOString(),
    share.teamId,
    share.userId,
    share.extensionNumber,
    share.command,
    share.channelId,
    share.channelName,
    share.personalCount,
    share.confirmed,
    share.sharedExternally,
    share.memberCount,
  ]);
  return { header, rows };
}
