/**
 * Property-based tests of every action and view handler, and of the slash command, through the
 * real app over signed HTTP: random and mutated payloads (tampered button values, wrong types,
 * huge strings, foreign channels and views, unlinked clickers). No exception escapes a
 * listener, every reply stays within Block Kit's limits (the Slack stand-in refuses any that
 * does not), and the app stays healthy.
 */
import fc from 'fast-check';
import { ActionIds, CallbackIds } from '../../src/blocks';
import {
  blockActionPayload,
  postBlockAction,
  postSlashCommand,
  postViewSubmission,
  viewSubmissionPayload,
} from '../../src/slack-stand-in';
import { type Harness, PEOPLE, SIGNING_SECRET, startHarness, TEAM_ID } from '../support/harness';
import { report, SEED } from './figures';

const RUNS_PER_HANDLER = 40;
const COMMAND_RUNS = 100;
const USERS = [PEOPLE.john.id, PEOPLE.ana.id, PEOPLE.stranger.id];
const CHANNELS = ['C0001', 'CITOPS', 'D0000001', 'CUNKNOWN'];

const user = fc.constantFrom(...USERS);
/** Unlink last: it ends the links the other handlers' runs are answered under. */
const ACTIONS = [
  ...Object.values(ActionIds).filter((id) => id !== ActionIds.unlink),
  ActionIds.unlink,
];
const channel = fc.constantFrom(...CHANNELS);

/** Button values as the app writes them, then tampered with. */
const mutatedValue = fc
  .record(
    {
      c: fc.constantFrom('lookup', 'find', 'ext', 'numbers', 'company', 'forwarding', 'x', ''),
      q: fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^\+?[0-9]{1,16}\*?$/)),
      o: fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.double(), fc.string()),
      id: fc.oneof(fc.string({ maxLength: 12 }), fc.integer()),
      p: fc.integer({ min: -1, max: 50 }),
    },
    { requiredKeys: [] },
  )
  .chain((value) =>
    fc.oneof(
      fc.constant(JSON.stringify(value)),
      // Cut short, or one character changed.
      fc.nat().map((n) => JSON.stringify(value).slice(0, n % (JSON.stringify(value).length + 1))),
      fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([n, ch]) => {
        const text = JSON.stringify(value);
        const at = n % Math.max(1, text.length);
        return `${text.slice(0, at)}${ch}${text.slice(at + 1)}`;
      }),
    ),
  );

const value = fc.oneof(
  mutatedValue,
  fc.string({ maxLength: 100 }),
  fc.json(),
  fc.stringMatching(/^[0-9]{1,12}$/),
  fc.string({ minLength: 1990, maxLength: 2100 }),
);

/** Where the button was: a message in a channel, a modal, or the Home tab. */
const place = fc.oneof(
  fc.constant(null),
  fc.record({
    id: fc.stringMatching(/^V[A-Z0-9]{2,10}$/),
    type: fc.constantFrom('modal', 'home'),
    callback_id: fc.constantFrom('lookup_modal', 'confirm_share', 'x'),
    private_metadata: fc.oneof(fc.string({ maxLength: 50 }), mutatedValue),
    hash: fc.string({ maxLength: 20 }),
  }),
);

describe('every handler, fed random and mutated payloads', () => {
  let h: Harness;
  let sequence = 0;
  const tally: Record<string, number> = {};

  beforeAll(async () => {
    h = await startHarness();
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    h.slack.addChannel({ id: 'CITOPS', name: 'it-ops', members: [PEOPLE.john.id, PEOPLE.ana.id] });
  });
  afterAll(async () => {
    await h.close();
  });

  const settle = () => h.app.services.background.idle();
  const params = (runs: number) => ({ seed: SEED, numRuns: runs, endOnFailure: true });

  it.each(ACTIONS)('action %s', async (actionId) => {
    await fc.assert(
      fc.asyncProperty(user, value, place, channel, async (userId, raw, view, channelId) => {
        const payload = blockActionPayload({
          userId,
          teamId: TEAM_ID,
          actionId,
          value: raw,
          channelId,
          actionType: actionId === ActionIds.searchInput ? 'plain_text_input' : 'button',
          responseUrl: h.slack.responseUrl(`prop-${++sequence}`),
          ...(view ? { view } : {}),
        });
        expect((await postBlockAction(h.appUrl, SIGNING_SECRET, payload)).status).toBe(200);
      }),
      params(RUNS_PER_HANDLER),
    );
    await settle();
    tally[actionId] = RUNS_PER_HANDLER;
    report(`action ${actionId}`, RUNS_PER_HANDLER);
  });

  it.each(Object.values(CallbackIds))('view submission %s', async (callbackId) => {
    await fc.assert(
      fc.asyncProperty(
        user,
        fc.oneof(fc.string({ maxLength: 600 }), mutatedValue),
        fc.oneof(fc.string({ maxLength: 3000 }), mutatedValue),
        async (userId, typed, metadata) => {
          const payload = viewSubmissionPayload({
            userId,
            teamId: TEAM_ID,
            callbackId,
            values: { search_block: { search_input: typed } },
            privateMetadata: metadata,
          });
          expect((await postViewSubmission(h.appUrl, SIGNING_SECRET, payload)).status).toBe(200);
        },
      ),
      params(RUNS_PER_HANDLER),
    );
    await settle();
    tally[callbackId] = RUNS_PER_HANDLER;
    report(`view ${callbackId}`, RUNS_PER_HANDLER);
  });

  it('the slash command', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc
        .tuple(
          fc.constantFrom('ext', 'find', 'numbers', 'fwd', 'company', 'onboard', 'me', ''),
          fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[0-9 +*()-]{0,20}$/)),
        )
        .map(([keyword, rest]) => `${keyword} ${rest}`),
      fc.string({ minLength: 490, maxLength: 700 }),
    );
    await fc.assert(
      fc.asyncProperty(user, channel, text, async (userId, channelId, typed) => {
        const sent = await postSlashCommand(h.appUrl, SIGNING_SECRET, {
          text: typed,
          user_id: userId,
          team_id: TEAM_ID,
          channel_id: channelId,
          response_url: h.slack.responseUrl(`prop-cmd-${++sequence}`),
        });
        expect(sent.status).toBe(200);
      }),
      params(COMMAND_RUNS),
    );
    await settle();
    tally['/rcnumber'] = COMMAND_RUNS;
    report('slash command', COMMAND_RUNS);
  });

  it('left nothing unhandled, every reply within Block Kit’s limits, and the app healthy', async () => {
    await settle();
    const escaped = h.logs.filter((line) =>
      /unhandled listener error|command failed|"level":50/.test(line),
    );
    expect(escaped).toEqual([]);
    const refusedBlocks = h.slack.refusedResponses.filter((r) => r.status === 400);
    expect(refusedBlocks).toEqual([]);
    const badCalls = h.slack.calls.filter((call) =>
      /invalid_blocks|invalid_arguments|invalid_blocks_format/.test(call.error ?? ''),
    );
    expect(badCalls.map((call) => `${call.method}: ${call.error}`)).toEqual([]);
    expect((await fetch(`${h.appUrl}/healthz`)).status).toBe(200);
    const total = Object.values(tally).reduce((a, b) => a + b, 0);
    console.log(
      `handler properties: ${total} random payloads over ${Object.keys(tally).length} handlers ` +
        `(seed ${SEED}); ${h.slack.responses().length} replies, all within Block Kit's limits; ` +
        `0 escaped exceptions; /healthz 200`,
    );
  });
});
