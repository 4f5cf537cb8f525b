import { parsePageValue, parseShareValue, renderLookup } from '../../src/blocks';
import { ActionIds } from '../../src/blocks/ids';
import { admin, ext, HUGE_QUERY, num, numbers, prefix, regular, whoOwns } from './fixtures';
import { buttonByAction, buttons, shownText } from './helpers';

const share = { shareable: true };

describe('who owns a number', () => {
  test('shows the number, its types, features and owner', () => {
    const reply = renderLookup(whoOwns(), share);
    const text = shownText(reply);
    for (const part of [
      '+1 650 331 6252',
      'DirectNumber',
      'VoiceFax',
      'Local',
      'CallerId, SmsSender',
      'ext 104',
      'Ana Ruiz',
      'User',
    ]) {
      expect(text).toContain(part);
    }
    expect(reply.text).toBe('+1 650 331 6252 belongs to ext 104 Ana Ruiz');
  });

  test('features are "not shown for your role" when RingCentral hid them from a regular user', () => {
    const reply = renderLookup(
      whoOwns({ viewer: regular, number: num({ features: null }) }),
      share,
    );
    expect(shownText(reply)).toContain('not shown for your role');
    expect(shownText(reply)).not.toContain('CallerId');
    expect(shownText(renderLookup(whoOwns(), share))).not.toContain('not shown for your role');
  });

  test('mentions the owner only when Slack matched them, and only a real user id', () => {
    expect(shownText(renderLookup(whoOwns(), share))).not.toContain('<@');
    const matched = whoOwns({ number: num({ owner: ext({ slackUserId: 'U0ANA' }) }) });
    expect(shownText(renderLookup(matched, share))).toContain('<@U0ANA>');
    const forged = whoOwns({ number: num({ owner: ext({ slackUserId: 'U1> <!channel' }) }) });
    expect(shownText(renderLookup(forged, share))).not.toMatch(/<[@!]/);
  });

  test('no match: says so, with the regular-user caveat only for non-admins', () => {
    const regularReply = renderLookup(whoOwns({ number: null, viewer: regular }), share);
    expect(regularReply.text).toBe('No number visible to you matches +1 650 331 6252.');
    expect(shownText(regularReply)).toContain('only the direct numbers of other people');
    expect(buttons(regularReply)).toEqual([]);
    const adminReply = renderLookup(whoOwns({ number: null, viewer: admin }), share);
    expect(shownText(adminReply)).not.toContain('direct numbers');
  });

  test('a company number without owner says so and offers no extension buttons', () => {
    const reply = renderLookup(whoOwns({ number: num({ owner: null }) }), share);
    expect(shownText(reply)).toContain('not assigned to an extension');
    expect(buttonByAction(reply, ActionIds.showNumbers)).toEqual([]);
  });

  test('share button only when shareable, with what is needed to ask again', () => {
    expect(buttonByAction(renderLookup(whoOwns(), { shareable: false }), ActionIds.share)).toEqual(
      [],
    );
    const [shareButton] = buttonByAction(renderLookup(whoOwns(), share), ActionIds.share);
    expect(parseShareValue(shareButton?.value)).toEqual({
      c: 'lookup',
      q: '+1 650 331 6252',
      o: 0,
    });
  });
});

describe('numbers starting with digits', () => {
  const page = (offset: number, total: number, count = 20) =>
    prefix({ page: { offset, total, limit: 20, items: numbers(count) } });

  test('one compact line per number with owner, and the range shown', () => {
    const reply = renderLookup(page(0, 134), share);
    const text = shownText(reply);
    expect(text).toContain('showing 1–20 of 134');
    expect(text).toContain('*+1 650 331 0000* · DirectNumber · ext 104 · Ana Ruiz · User');
    expect(reply.text).toContain('showing 1–20 of 134');
  });

  test('first page: Next only; its value round-trips to the next offset', () => {
    const reply = renderLookup(page(0, 134), share);
    expect(buttonByAction(reply, ActionIds.pagePrevious)).toEqual([]);
    const [next] = buttonByAction(reply, ActionIds.pageNext);
    // The query as typed, so the next page reads the digits the same way as the first.
    expect(JSON.parse(next?.value ?? '')).toEqual({ c: 'lookup', q: '1650*', o: 20 });
    expect(parsePageValue(next?.value)).toEqual({ c: 'lookup', q: '1650*', o: 20 });
  });

  test('middle page: both; last page: Previous only', () => {
    const middle = renderLookup(page(40, 134), share);
    expect(parsePageValue(buttonByAction(middle, ActionIds.pagePrevious)[0]?.value)?.o).toBe(20);
    expect(parsePageValue(buttonByAction(middle, ActionIds.pageNext)[0]?.value)?.o).toBe(60);
    const last = renderLookup(page(120, 134, 14), share);
    expect(shownText(last)).toContain('showing 121–134 of 134');
    expect(buttonByAction(last, ActionIds.pageNext)).toEqual([]);
    expect(parsePageValue(buttonByAction(last, ActionIds.pagePrevious)[0]?.value)?.o).toBe(100);
  });

  test('a single page has no paging buttons', () => {
    const reply = renderLookup(page(0, 5, 5), share);
    expect(buttonByAction(reply, ActionIds.pageNext)).toEqual([]);
    expect(buttonByAction(reply, ActionIds.pagePrevious)).toEqual([]);
  });

  test('a page too long for one message shows what fits and pages on from there', () => {
    const reply = renderLookup(
      prefix({
        page: {
          offset: 0,
          total: 5000,
          limit: 1000,
          items: numbers(1000, () => ({
            label: 'y'.repeat(300),
            owner: ext({ name: 'x'.repeat(300) }),
          })),
        },
      }),
      share,
    );
    const next = parsePageValue(buttonByAction(reply, ActionIds.pageNext)[0]?.value);
    expect(next?.o).toBeGreaterThan(0);
    expect(next?.o).toBeLessThan(1000);
    expect(shownText(reply)).toContain(`showing 1–${next?.o} of 5000`);
  });

  test('the extension with that number, when there is one', () => {
    const reply = renderLookup(prefix({ digits: '104', query: '104', extension: ext() }), share);
    expect(shownText(reply)).toContain('*Extension 104:* ext 104 · Ana Ruiz');
    expect(buttonByAction(reply, ActionIds.showNumbers)[0]?.value).toBe('104');
  });

  test('nothing found: no list, no paging, regular users get the caveat', () => {
    const reply = renderLookup(
      prefix({ viewer: regular, page: { offset: 0, total: 0, limit: 20, items: [] } }),
      share,
    );
    expect(reply.text).toBe('No number visible to you starts with 1650.');
    expect(shownText(reply)).toContain('only the direct numbers');
    expect(buttons(reply)).toEqual([]);
  });

  test('buttons whose value would be too long for Slack are left out', () => {
    const reply = renderLookup(prefix({ query: HUGE_QUERY, digits: HUGE_QUERY }), share);
    expect(buttonByAction(reply, ActionIds.pageNext)).toEqual([]);
    expect(buttonByAction(reply, ActionIds.share)).toEqual([]);
  });
});
