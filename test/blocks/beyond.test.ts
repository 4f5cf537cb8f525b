// What the new surfaces say: presence in plain words, Call links that carry only a number, and
// the message shortcut's answer in the very words of typed lookups.
import {
  callUrl,
  NO_NUMBERS_FOUND,
  presenceText,
  renderLookup,
  renderMessageNumbers,
} from '../../src/blocks';
import type { MessageNumbersResult } from '../../src/model';
import { ext, num, regular, whoOwns } from './fixtures';

const BASE = 'https://app.ringcentral.com/r/call';

test('presence reads as words, and nothing is made up', () => {
  expect(presenceText({ status: 'Available', onCall: false })).toBe('Available');
  expect(presenceText({ status: 'Busy', onCall: true })).toBe('Busy, on a call');
  expect(presenceText({ status: 'DoNotDisturb', onCall: false })).toBe('Do not disturb');
  expect(presenceText({ status: 'Offline', onCall: false })).toBe('Offline');
  expect(presenceText(null)).toBeNull();
  expect(presenceText(undefined)).toBeNull();
  expect(presenceText({ status: 'Away' as 'Busy', onCall: false })).toBeNull();
});

test('a Call link carries the number and nothing else', () => {
  expect(callUrl(BASE, '+16503316252')).toBe(`${BASE}?number=%2B16503316252`);
  expect(callUrl(`${BASE}?via=slack`, '101')).toBe(`${BASE}?via=slack&number=101`);
  for (const bad of ['101&number=911', '+1 650', 'javascript:1', '', '1'.repeat(16)]) {
    expect(callUrl(BASE, bad)).toBeNull();
  }
  expect(callUrl(null, '+16503316252')).toBeNull();
});

describe('the answer to "Who owns these numbers?"', () => {
  const three: MessageNumbersResult = {
    results: [
      whoOwns({
        e164: '+16503316253',
        number: num({
          e164: '+16503316253',
          owner: ext({ name: 'Ben Okafor', extensionNumber: '105' }),
        }),
        viewer: regular,
      }),
      whoOwns({
        e164: '+16503316299',
        number: num({ e164: '+16503316299', usageType: 'CompanyNumber', owner: null }),
        viewer: regular,
      }),
      whoOwns({ e164: '+14155550100', number: null, viewer: regular }),
    ],
    more: 0,
    viewer: regular,
  };

  it('says of each number what a typed lookup says', () => {
    const answer = renderMessageNumbers(three, { shareable: false, callLinkUrl: BASE });
    for (const result of three.results) {
      const typed = renderLookup(result, { shareable: false }).text.replace(/\.$/, '');
      expect(answer.text).toContain(typed);
    }
    const blocks = JSON.stringify(answer.blocks);
    expect(blocks).toContain('No number visible to you matches *+1 415 555 0100*.');
    expect(blocks).toContain('*Owner:* not assigned to an extension (a company-level number)');
    expect(blocks).toContain('RingCentral shows regular users only the direct numbers');
  });

  it('says how many were left past the first twenty', () => {
    const many = {
      ...three,
      results: Array.from({ length: 20 }, () => three.results[2]),
      more: 230,
    };
    const answer = renderMessageNumbers(many as MessageNumbersResult, { shareable: false });
    expect(answer.text).toContain('250 phone numbers in that message');
    expect(answer.text).toContain('and 230 more');
    expect(answer.blocks.length).toBeLessThanOrEqual(50);
    // No Call button when calls are off.
    expect(JSON.stringify(answer.blocks)).not.toContain('call_number');
  });

  it('says so when there is none', () => {
    const none = renderMessageNumbers(
      { results: [], more: 0, viewer: regular },
      { shareable: false },
    );
    expect(none.text).toBe(NO_NUMBERS_FOUND);
    expect(none.text).toBe('No phone numbers found in that message.');
  });
});
