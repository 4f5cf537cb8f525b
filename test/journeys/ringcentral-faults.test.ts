/**
 * Every way RingCentral can fail an answer, through the real app: a member always gets an answer
 * or "RingCentral did not answer; try again in N s", quickly, never a stack trace, and the app
 * stays healthy. RingCentral requests time out (shortened here to 400 ms from 15 s).
 */
import { type Harness, PEOPLE, shown, startHarness, TEAM_ID } from '../support/harness';

const TIMEOUT_MS = 400;
const FORWARDING = /forwarding-number/;
const DID_NOT_ANSWER = /RingCentral did not answer; try again in 30 seconds/;

describe('RingCentral faults, answered', () => {
  let h: Harness;
  beforeAll(async () => {
    // No answer cache: every command must meet the fault.
    h = await startHarness({ deps: { ringcentralTimeoutMs: TIMEOUT_MS, cache: { maxBytes: 1 } } });
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    await h.slack.waitFor('views.publish', (args) => args.user_id === PEOPLE.ana.id);
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(async () => {
    h.sandbox.faults.clear();
    // After each fault the app is healthy and answers normally again.
    expect((await fetch(`${h.appUrl}/healthz`)).status).toBe(200);
    expect(shown(await h.command(PEOPLE.ana.id, 'forwarding'))).toContain('+1 650 555 0123');
  });

  async function replyTo(fault: Parameters<Harness['sandbox']['faults']['next']>[0]) {
    h.sandbox.faults.next(fault);
    const started = Date.now();
    const reply = shown(await h.command(PEOPLE.ana.id, 'forwarding'));
    expect(reply).not.toMatch(/Error:|at .*\.[jt]s:\d+|stack/);
    return { reply, tookMs: Date.now() - started };
  }

  it('a 30-second hang: timed out, and the member is told to try again', async () => {
    const { reply, tookMs } = await replyTo({ kind: 'hang', delayMs: 30_000, path: FORWARDING });
    expect(reply).toMatch(DID_NOT_ANSWER);
    expect(tookMs).toBeLessThan(TIMEOUT_MS + 2_000);
  });

  it('a reset connection', async () => {
    expect((await replyTo({ kind: 'reset', path: FORWARDING })).reply).toMatch(DID_NOT_ANSWER);
  });

  it('a 200 whose body is not JSON', async () => {
    expect((await replyTo({ kind: 'malformed', path: FORWARDING })).reply).toMatch(DID_NOT_ANSWER);
  });

  it.each([
    ['records is not a list', { records: 'none' }],
    ['no records at all', { uri: 'x' }],
    ['a record of the wrong type', { records: [42] }],
    ['a field of the wrong type', { records: [{ phoneNumber: 16505550123, features: 'x' }] }],
    ['a list of numbers that are not strings', { records: [{ features: [1, 2] }] }],
    ['paging of the wrong type', { records: [], paging: { totalPages: {} } }],
  ])('a 200 that breaks the schema: %s', async (_name, body) => {
    expect((await replyTo({ kind: 'body', body, path: FORWARDING })).reply).toMatch(DID_NOT_ANSWER);
  });

  it('an extension record without its id, on a lookup by extension', async () => {
    h.sandbox.faults.next({ kind: 'body', body: { records: [{ name: 'x' }] }, path: /extension$/ });
    const reply = shown(await h.command(PEOPLE.ana.id, 'ext 101'));
    expect(reply).toMatch(DID_NOT_ANSWER);
  });

  it('the token endpoint hangs during a refresh: timed out, tried once more, the link kept', async () => {
    h.sandbox.expireAccessTokens();
    const { reply, tookMs } = await replyTo({
      kind: 'hang',
      delayMs: 30_000,
      path: /oauth\/token$/,
      count: 2,
    });
    expect(reply).toMatch(DID_NOT_ANSWER);
    expect(tookMs).toBeLessThan(2 * TIMEOUT_MS + 2_000);
    const link = await h.links.getLink({ teamId: TEAM_ID, userId: PEOPLE.ana.id });
    expect(link?.status).toBe('active');
  });
});
