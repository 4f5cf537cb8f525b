import { parseAuditPageValue, renderAudit } from '../../src/blocks/audit';
import type { ShareRecord } from '../../src/model';
import { checkBlockKitLimits } from './block-kit-limits';
import { buttonByAction, shownText } from './helpers';

const AT = Date.UTC(2026, 10, 27, 14, 5);

function share(overrides: Partial<ShareRecord> = {}): ShareRecord {
  return {
    id: 'a1',
    teamId: 'T1',
    userId: 'UANA',
    accountId: '1',
    extensionId: '104',
    extensionNumber: '104',
    command: 'forwarding ext 104',
    channelId: 'CITOPS',
    channelName: 'it-ops',
    sharedAt: AT,
    personalCount: 2,
    confirmed: true,
    sharedExternally: true,
    memberCount: 12,
    ...overrides,
  };
}

const page = (items: ShareRecord[], offset = 0, total = items.length) =>
  renderAudit({ items, total, offset, limit: 10, days: 7, retentionDays: 90 });

describe('renderAudit', () => {
  it('says who shared what where, and what the channel was told', () => {
    const text = shownText(page([share()]));
    expect(text).toContain('<@UANA> (ext 104) shared `forwarding ext 104` in <#CITOPS>');
    expect(text).toContain('2 personal numbers · confirmed · 12 members');
    expect(text).toContain('shared with other organisations');
    expect(text).toContain('Shares are kept for 90 days');
  });

  it('shows a hostile command or channel name as text, never as markup', () => {
    const hostile = share({
      command: 'find <!channel> <@U999> *x*',
      channelId: 'not-an-id',
      channelName: '<!here>',
      userId: 'not a user',
    });
    const reply = page([hostile]);
    const json = JSON.stringify(reply);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<!here>');
    expect(json).not.toContain('<@U999>');
    expect(json).not.toContain('<@not a user>');
    expect(checkBlockKitLimits(reply)).toEqual([]);
  });

  it('stays within Block Kit with a full page of long entries, and pages with its buttons', () => {
    const long = Array.from({ length: 10 }, (_, i) =>
      share({ id: `s${i}`, command: 'x'.repeat(500), channelName: 'y'.repeat(200) }),
    );
    const reply = page(long, 10, 35);
    expect(checkBlockKitLimits(reply)).toEqual([]);
    expect(parseAuditPageValue(buttonByAction(reply, 'audit_next')[0]?.value ?? '')).toEqual({
      d: 7,
      o: 20,
    });
    expect(parseAuditPageValue(buttonByAction(reply, 'audit_previous')[0]?.value ?? '')).toEqual({
      d: 7,
      o: 0,
    });
    expect(shownText(page([], 0, 0))).toContain(
      'No answers were shared to channels in the last 7 days',
    );
  });

  it.each(['', 'nope', '{"d":0,"o":0}', '{"d":7,"o":-1}', '{"d":7}', '{"d":"7","o":0}'])(
    'reads no page from %j',
    (raw) => {
      expect(parseAuditPageValue(raw)).toBeNull();
    },
  );
});
