// Runs every renderer on typical and on hostile/huge inputs: each reply must stay within Block
// Kit limits, carry a meaningful fallback text, and never turn data into mentions or links.
import { beyondHostileCases, beyondTypicalCases } from './beyond-cases';
import { checkBlockKitLimits, renderedStrings } from './block-kit-limits';
import type { Rendered } from './fixtures';
import { hostileCases } from './hostile-cases';
import { typicalCases } from './typical-cases';

// The only markup a reply may contain: mentions of real ids from the data, Slack date tokens
// and the app's own channel references. Anything else in `<…>` came from data.
const ALLOWED_TOKEN =
  /^<(@U0OWNER|@U0SHARER|#C0GENERAL|!date\^\d+\^\{date_short_pretty\}, \{time\}\|[^<>]*)>$/;

function expectSafe(rendered: Rendered) {
  for (const text of renderedStrings(rendered)) {
    for (const token of text.match(/<[^>]*>?/g) ?? []) expect(token).toMatch(ALLOWED_TOKEN);
    expect(text).not.toMatch(/undefined|NaN|\[object/);
  }
}

describe.each([
  ['typical', typicalCases],
  ['huge and hostile', hostileCases],
  ['typical, beyond typed lookups', beyondTypicalCases],
  ['huge and hostile, beyond typed lookups', beyondHostileCases],
])('every renderer, %s input', (_kind, cases) => {
  test.each(cases)('%s', (_name, render) => {
    const rendered = render();
    expect(checkBlockKitLimits(rendered)).toEqual([]);
    expectSafe(rendered);
    if ('text' in rendered) {
      expect(rendered.text.trim().length).toBeGreaterThan(8);
      expect(rendered.text).toMatch(/[A-Za-z]{3}/);
    }
  });
});

test('the limits checker itself catches violations', () => {
  const bad = {
    text: '',
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) }, block_id: 'a' },
      { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) }, block_id: 'a' },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'x'.repeat(76) },
            value: 'v'.repeat(2001),
            action_id: 'b',
          },
          { type: 'button', text: { type: 'plain_text', text: 'ok' }, action_id: 'b' },
        ],
      },
      {
        type: 'section',
        fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'y' })),
      },
      ...Array.from({ length: 50 }, () => ({ type: 'divider' })),
    ],
  };
  const problems = checkBlockKitLimits(bad).join('\n');
  for (const expected of [
    '/text',
    '3001',
    '151',
    '76',
    '2001',
    'duplicate block_id',
    'duplicate action_id',
    '11 fields',
    '54 blocks',
  ]) {
    expect(problems).toContain(expected);
  }
  const modal = {
    type: 'modal',
    title: { type: 'plain_text', text: 'x'.repeat(25) },
    blocks: [
      {
        type: 'input',
        label: { type: 'plain_text', text: 'l' },
        element: { type: 'plain_text_input', action_id: 'a' },
      },
    ],
    private_metadata: 'm'.repeat(3001),
  };
  const modalProblems = checkBlockKitLimits(modal).join('\n');
  for (const expected of ['/title', '/submit', '/private_metadata'])
    expect(modalProblems).toContain(expected);
});
