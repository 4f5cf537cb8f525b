import { parsePageValue, parseShareValue } from '../../src/blocks';
import { clip, clipMrkdwn, escapeText, mention, safe } from '../../src/blocks/escape';
import { formatNumber, formatUtc } from '../../src/blocks/format';
import { packLines } from '../../src/blocks/kit';

describe('escaping', () => {
  test('& < > become entities, so no mention, broadcast or link can form', () => {
    expect(escapeText('<!channel> & <@U1> <http://x|y>')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U1&gt; &lt;http://x|y&gt;',
    );
  });

  test('paired formatting markers are broken up; a lone underscore is kept', () => {
    expect(escapeText('*bold*')).not.toMatch(/^\*bold\*$/);
    expect(escapeText('*bold*').replace(/\u200B/g, '')).toBe('*bold*');
    expect(escapeText('ana_ruiz@example.com')).toBe('ana_ruiz@example.com');
  });

  test('safe() flattens lines and cuts before escaping', () => {
    expect(safe('a\nb\tc')).toBe('a b c');
    expect(safe('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(safe(null)).toBe('');
  });

  test('clipping never leaves half an entity, an open `<` or half a surrogate pair', () => {
    expect(clipMrkdwn('abc &amp; def', 7)).toBe('abc …');
    expect(clipMrkdwn('ab <@U123> cd', 7)).toBe('ab …');
    expect(clip('ab😀cd', 4)).toBe('ab…');
  });

  test('mentions only for well-formed user ids', () => {
    expect(mention('U0ANA')).toBe('<@U0ANA>');
    expect(mention('W123')).toBe('<@W123>');
    for (const bad of ['', null, undefined, 'u0ana', 'U1> <!channel', 'C123']) {
      expect(mention(bad)).toBeNull();
    }
  });
});

describe('formatting', () => {
  test('numbers in international form, unreadable ones as given', () => {
    expect(formatNumber('+16503316252')).toBe('+1 650 331 6252');
    expect(formatNumber('+442079460958')).toBe('+44 20 7946 0958');
    expect(formatNumber('*67')).toBe('*67');
  });

  test('dates in UTC regardless of the machine', () => {
    expect(formatUtc(new Date(Date.UTC(2026, 10, 27, 14, 5)))).toBe('27 Nov 2026, 14:05 UTC');
  });

  test('packLines fills sections up to the limit and reports what fit', () => {
    const lines = Array.from({ length: 100 }, () => 'x'.repeat(999));
    const packed = packLines(lines, 3);
    expect(packed.blocks).toHaveLength(3);
    // Three 999-character lines and two newlines fill a 3000-character section.
    expect(packed.shown).toBe(9);
    for (const block of packed.blocks) expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    expect(packLines(['a', 'b'], 0)).toEqual({ blocks: [], shown: 0 });
  });
});

describe('button values', () => {
  test('page values parse back, and anything else is refused', () => {
    expect(parsePageValue('{"c":"lookup","q":"1650","o":20}')).toEqual({
      c: 'lookup',
      q: '1650',
      o: 20,
    });
    for (const bad of [
      undefined,
      '',
      'nope',
      '[]',
      '{"c":"x","q":"1","o":0}',
      '{"c":"find","q":1,"o":0}',
      '{"c":"find","q":"a","o":-1}',
      '{"c":"find","q":"a","o":1.5}',
    ]) {
      expect(parsePageValue(bad)).toBeNull();
    }
  });

  test('share values parse back, and anything else is refused', () => {
    expect(parseShareValue('{"c":"company"}')).toEqual({ c: 'company' });
    expect(parseShareValue('{"c":"ext","q":"104","id":"104","extra":1}')).toEqual({
      c: 'ext',
      q: '104',
      id: '104',
    });
    for (const bad of [
      '{"c":"drop"}',
      '{"c":"ext","q":5}',
      '{"c":"ext","id":5}',
      '{"c":"find","o":"1"}',
      'null',
    ]) {
      expect(parseShareValue(bad)).toBeNull();
    }
  });
});
