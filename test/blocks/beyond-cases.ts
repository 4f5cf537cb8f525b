// The surfaces beyond typed lookups: the message shortcut's answer, presence and Call buttons,
// on typical and on huge, hostile input.
import {
  lookupModal,
  renderExtension,
  renderFind,
  renderLinkPrompt,
  renderLookup,
  renderMessageNumbers,
  renderNumbers,
  renderShared,
} from '../../src/blocks';
import type { MessageNumbersResult, Presence } from '../../src/model';
import {
  AT,
  admin,
  type Case,
  CONNECT_URL,
  EVIL,
  ext,
  extensionResult,
  extensions,
  find,
  HUGE_NAME,
  num,
  numbersResult,
  regular,
  whoOwns,
} from './fixtures';

const CALL = { shareable: true, callLinkUrl: 'https://app.ringcentral.com/r/call' };
const BUSY: Presence = { status: 'Busy', onCall: true };
const DND: Presence = { status: 'DoNotDisturb', onCall: false };

function found(count: number, more = 0, hostile = false): MessageNumbersResult {
  const results = Array.from({ length: count }, (_, i) =>
    whoOwns({
      query: `+1650555${String(1000 + i)}`,
      e164: `+1650555${String(1000 + i)}`,
      viewer: i % 2 ? admin : regular,
      number:
        i % 3 === 2
          ? null
          : num({
              e164: `+1650555${String(1000 + i)}`,
              usageType: hostile ? EVIL : 'DirectNumber',
              owner:
                i % 3 === 1
                  ? null
                  : ext({
                      name: hostile ? HUGE_NAME : 'Ben Okafor',
                      site: hostile ? HUGE_NAME : null,
                      slackUserId: hostile ? 'U0OWNER' : null,
                      presence: i % 2 ? BUSY : DND,
                    }),
            }),
    }),
  );
  return { results, more, viewer: regular };
}

export const beyondTypicalCases: Case[] = [
  ['message numbers: three, one each kind', () => renderMessageNumbers(found(3), CALL)],
  ['message numbers: none found', () => renderMessageNumbers(found(0), CALL)],
  ['message numbers: twenty and more', () => renderMessageNumbers(found(20, 230), CALL)],
  [
    'lookup with presence and Call',
    () => renderLookup(whoOwns({ number: num({ owner: ext({ presence: DND }) }) }), CALL),
  ],
  ['lookup of an unknown number with Call', () => renderLookup(whoOwns({ number: null }), CALL)],
  [
    'extension with presence and Call',
    () => renderExtension(extensionResult({ extension: ext({ presence: BUSY }) }), CALL),
  ],
  [
    'numbers with presence',
    () => renderNumbers(numbersResult({ extension: ext({ presence: BUSY }) }), CALL),
  ],
  [
    'find with presence',
    () =>
      renderFind(
        find(
          {},
          extensions(20, (i) => ({ presence: i % 2 ? BUSY : DND })),
        ),
        CALL,
      ),
  ],
  [
    'broken link DM',
    () =>
      renderLinkPrompt({ url: CONNECT_URL, reason: 'RingCentral no longer accepts this link.' }),
  ],
];

export const beyondHostileCases: Case[] = [
  ['message numbers: twenty hostile', () => renderMessageNumbers(found(20, 10_000, true), CALL)],
  [
    'message numbers in the modal',
    () => lookupModal({ state: 'ready', results: renderMessageNumbers(found(20, 5, true), CALL) }),
  ],
  [
    'message numbers shared',
    () => renderShared(renderMessageNumbers(found(20, 5, true), CALL), 'U0SHARER', AT),
  ],
  [
    'Call with a base URL near the limit',
    () =>
      renderLookup(whoOwns(), {
        shareable: true,
        callLinkUrl: `https://x.test/${'a'.repeat(2990)}`,
      }),
  ],
  [
    'extension with a hostile name, presence and Call',
    () =>
      renderExtension(
        extensionResult({
          extension: ext({ name: HUGE_NAME, presence: DND, extensionNumber: EVIL }),
        }),
        CALL,
      ),
  ],
];
