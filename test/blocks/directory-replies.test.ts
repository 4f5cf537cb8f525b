import {
  parsePageValue,
  parseShareValue,
  renderCompany,
  renderExtension,
  renderFind,
  renderForwarding,
  renderNumbers,
} from '../../src/blocks';
import { ActionIds } from '../../src/blocks/ids';
import {
  company,
  ext,
  extensionResult,
  extensions,
  find,
  forwarding,
  fwd,
  numbers,
  numbersResult,
} from './fixtures';
import { buttonByAction, buttons, shownText } from './helpers';

const share = { shareable: true };

describe('ext <n>', () => {
  test('name, type, status, email and numbers', () => {
    const reply = renderExtension(extensionResult(), share);
    const text = shownText(reply);
    for (const part of [
      'ext 104 · Ana Ruiz',
      'User',
      'Enabled',
      'ana_ruiz@example.com',
      '+1 650 331 0001',
    ]) {
      expect(text).toContain(part);
    }
    expect(reply.text).toBe('ext 104 Ana Ruiz: User, 2 numbers');
  });

  test('Slack user only when matched; limited view noted', () => {
    expect(shownText(renderExtension(extensionResult(), share))).not.toContain('<@');
    const matched = extensionResult({
      extension: ext({ slackUserId: 'U0ANA' }),
      limitedView: true,
    });
    const text = shownText(renderExtension(matched, share));
    expect(text).toContain('<@U0ANA>');
    expect(text).toContain('RingCentral shows you only direct numbers of other extensions.');
  });

  test('Forwarding only for user extensions; share value names the extension', () => {
    const user = renderExtension(extensionResult(), share);
    expect(buttonByAction(user, ActionIds.showForwarding)[0]?.value).toBe('104');
    expect(parseShareValue(buttonByAction(user, ActionIds.share)[0]?.value)).toEqual({
      c: 'ext',
      q: '104',
      id: '104',
    });
    const queue = renderExtension(
      extensionResult({ extension: ext({ type: 'Department' }) }),
      share,
    );
    expect(buttonByAction(queue, ActionIds.showForwarding)).toEqual([]);
  });
});

describe('numbers', () => {
  test('lists details, notes a limited view, and says when there are none', () => {
    const limited = renderNumbers(numbersResult({ isSelf: false, limitedView: true }), share);
    expect(shownText(limited)).toContain(
      'RingCentral shows you only direct numbers of other extensions.',
    );
    expect(shownText(limited)).toContain('VoiceFax · Local · CallerId, SmsSender');
    const own = renderNumbers(numbersResult(), share);
    expect(shownText(own)).not.toContain('only direct numbers');
    const none = renderNumbers(numbersResult({ numbers: [] }), share);
    expect(shownText(none)).toContain('No numbers visible to you.');
    expect(none.text).toBe('Numbers of ext 104 Ana Ruiz: 0 numbers');
  });

  test('features hidden from a regular user are simply not listed', () => {
    const reply = renderNumbers(
      numbersResult({ numbers: numbers(1, () => ({ features: null })) }),
      share,
    );
    expect(shownText(reply)).not.toContain('CallerId');
  });
});

describe('find', () => {
  test('each extension has Numbers, and Forwarding when it is a user', () => {
    const items = [
      ext(),
      ext({ id: '9', extensionNumber: '300', name: 'Sales', type: 'Department' }),
    ];
    const reply = renderFind(find({ page: { total: 2, offset: 0, limit: 20, items } }), share);
    expect(buttonByAction(reply, ActionIds.showNumbers).map((b) => b.value)).toEqual([
      '104',
      '300',
    ]);
    expect(buttonByAction(reply, ActionIds.showForwarding).map((b) => b.value)).toEqual(['104']);
    expect(buttonByAction(reply, ActionIds.pageNext)).toEqual([]);
    expect(shownText(reply)).toContain('Extensions matching “ana”: showing 1–2 of 2');
  });

  test('pages by text, and fits big pages under the block limit', () => {
    const reply = renderFind(
      find({ page: { total: 500, offset: 0, limit: 100, items: extensions(100) } }),
      share,
    );
    expect(reply.blocks.length).toBeLessThanOrEqual(50);
    const next = parsePageValue(buttonByAction(reply, ActionIds.pageNext)[0]?.value);
    expect(next?.c).toBe('find');
    expect(next?.q).toBe('ana');
    expect(shownText(reply)).toContain(`showing 1–${next?.o} of 500`);
    const second = renderFind(
      find({ page: { total: 45, offset: 20, limit: 20, items: extensions(20) } }),
      share,
    );
    expect(parsePageValue(buttonByAction(second, ActionIds.pagePrevious)[0]?.value)).toEqual({
      c: 'find',
      q: 'ana',
      o: 0,
    });
  });

  test('no match', () => {
    const reply = renderFind(find({ page: { total: 0, offset: 0, limit: 20, items: [] } }), share);
    expect(reply.text).toBe('No extension visible to you matches "ana".');
    expect(buttons(reply)).toEqual([]);
  });
});

describe('company', () => {
  test('main number, plan, status and numbers', () => {
    const text = shownText(renderCompany(company(), share));
    for (const part of [
      'Example Corp',
      '+1 650 555 0100',
      'RingEX Premium',
      'Confirmed',
      'CompanyNumber',
      '5 numbers',
    ]) {
      expect(text).toContain(part);
    }
  });

  test('a role that cannot list company numbers gets a note, not an empty list', () => {
    const text = shownText(renderCompany(company({ numbers: null }), share));
    expect(text).toContain('Your RingCentral role cannot list the company numbers.');
  });

  test('many numbers: what fits, and "showing N of M"', () => {
    const many = numbers(1000, () => ({
      label: 'x'.repeat(60),
      owner: ext({ name: 'n'.repeat(90) }),
    }));
    expect(shownText(renderCompany(company({ numbers: many }), share))).toMatch(
      /showing \d+ of 1000/,
    );
  });
});

describe('forwarding', () => {
  test('ordered by flip number, with label, number, type, features; personal marked', () => {
    const reply = renderForwarding(forwarding(), share);
    const text = shownText(reply);
    const order = ['Flip 1 ·', 'Flip 2 ·', 'Flip 10 ·'].map((flip) => text.indexOf(flip));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain(
      'Flip 1 · *+1 650 555 0199* · Mobile · “Mobile” · CallFlip, CallForwarding · _personal_',
    );
    expect(text).toMatch(/Flip 10 · [^\n]*Desk[^\n]*CallForwarding$/m);
    expect(text).toContain('2 personal numbers');
  });

  test('numbers RingCentral gave in another form are shown as given', () => {
    const reply = renderForwarding(
      forwarding({ entries: [fwd({ e164: null, raw: '*67 555' })] }),
      share,
    );
    expect(shownText(reply)).toContain('*67 555');
  });

  test('empty list, and the share button for forwarding', () => {
    const none = renderForwarding(forwarding({ entries: [] }), share);
    expect(shownText(none)).toContain('No forwarding numbers');
    expect(buttons(none)).toEqual([]);
    const reply = renderForwarding(forwarding(), share);
    expect(buttonByAction(reply, ActionIds.share)).toEqual([]);
    expect(parseShareValue(buttonByAction(reply, ActionIds.shareForwarding)[0]?.value)).toEqual({
      c: 'forwarding',
      q: '104',
      id: '104',
    });
    expect(buttons(renderForwarding(forwarding(), { shareable: false }))).toEqual([]);
  });
});
