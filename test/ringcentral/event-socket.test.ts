// One identity's event socket against the sandbox's WebSocket gateway, over real sockets: a
// stop that lands mid-attempt leaves nothing open, each reconnection asks for a new WebSocket
// token with the link as it is then, a refused handshake waits as a refusal does, and a
// gateway that accepts and drops at once is met with a growing wait, not a loop.
import {
  EventSocket,
  type SocketTiming,
  type SocketTrouble,
} from '../../src/ringcentral/event-socket';
import { EVENT_FILTERS } from '../../src/ringcentral/subscription-api';
import type { SessionOpener } from '../../src/ringcentral/ws-token-bridge';
import { type Sandbox, startSandbox } from '../../src/sandbox';
import { signIn, sleep } from '../sandbox/helpers';
import { within } from '../support/wait';

const WSTOKEN = /\/restapi\/oauth\/wstoken$/;

describe('an event socket', () => {
  let sb: Sandbox;
  let token: string;
  let sessionsOpened: number;
  let troubles: SocketTrouble[];
  let opens: number[];
  const sockets: EventSocket[] = [];

  /** Ana's session, as the app's own would send the token request (status on refusal). */
  const openSession: SessionOpener = async () => {
    sessionsOpened += 1;
    return {
      async send<T>(method: string, path: string) {
        const res = await fetch(`${sb.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}` },
        });
        if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { response: res });
        return (await res.json()) as T;
      },
    } as Awaited<ReturnType<SessionOpener>>;
  };

  const socket = (timing: SocketTiming = {}) => {
    const made = new EventSocket({
      eventFilters: EVENT_FILTERS,
      openSession,
      onEvent: () => undefined,
      onTrouble: (trouble) => troubles.push(trouble),
      onOpen: () => opens.push(Date.now()),
      timing: { firstRetryMs: 100, refusedRetryMs: 2_000, ...timing },
    });
    sockets.push(made);
    return made;
  };

  beforeEach(async () => {
    sb = await startSandbox({ rateLimits: false });
    token = (await signIn(sb, 'ana.ruiz@example.com')).access_token;
    sessionsOpened = 0;
    troubles = [];
    opens = [];
  });
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.stop()));
    await sb.close();
  });

  it('stopped while its WebSocket token is on the way, leaves no connection open', async () => {
    sb.faults.next({ kind: 'slow', delayMs: 300, path: WSTOKEN });
    const s = socket();
    s.start();
    await sleep(100);
    await s.stop();
    // The token arrives after the stop: no socket may be opened with it, nor kept.
    await sleep(1_500);
    expect(sb.openEventSockets()).toBe(0);
    expect(sb.countRequests({ path: WSTOKEN })).toBe(1);
    expect(s.connected).toBe(false);
  });

  it('asks for a new WebSocket token, with the link as it is then, at each reconnection', async () => {
    const s = socket();
    s.start();
    expect(await within(() => s.connected, 5_000)).toBe(true);
    const asked = sb.countRequests({ path: WSTOKEN });
    const sessions = sessionsOpened;
    expect(sb.dropEventSockets('104')).toBe(1);
    expect(await within(() => opens.length === 2 && s.connected, 5_000)).toBe(true);
    // Within the token's lifetime still, yet asked for anew through the member's link.
    expect(sb.countRequests({ path: WSTOKEN })).toBe(asked + 1);
    expect(sessionsOpened).toBe(sessions + 1);
  });

  it('takes a refused handshake (401) as a refusal, and waits long before trying again', async () => {
    const s = socket();
    s.start();
    expect(await within(() => s.connected, 5_000)).toBe(true);
    sb.faults.next({ status: 401, path: /^\/ws$/ });
    sb.dropEventSockets('104');
    expect(await within(() => troubles.length > 0, 5_000)).toBe(true);
    expect(troubles[0]?.status).toBe(401);
    expect(troubles[0]?.retryInMs).toBeGreaterThanOrEqual(1_600);
    await sleep(500);
    expect(troubles).toHaveLength(1);
  });

  it('meets a gateway that drops each connection at once with a growing wait', async () => {
    const s = socket({ firstRetryMs: 50, stableMs: 60_000 });
    const dropping = setInterval(() => sb.dropEventSockets(), 5);
    try {
      s.start();
      await sleep(2_500);
    } finally {
      clearInterval(dropping);
    }
    // Every attempt asks a token first: counted at the sandbox, whether or not the connection
    // lived long enough to be called open (on a busy machine the drop can come first).
    const attempts = sb.requests.filter((r) => WSTOKEN.test(r.path)).map((r) => r.at);
    // A handful of attempts, not one every 50 ms (43 in this time before the waits grew)…
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts.length).toBeLessThanOrEqual(7);
    // …because each drop waits longer than the last (50, 100, 200 ms…); a busy machine only
    // makes the gaps longer.
    const gaps = attempts.slice(1).map((at, i) => at - (attempts[i] as number));
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(150);
  });

  it('counts a drop afresh once the socket had stayed up', async () => {
    const s = socket({ firstRetryMs: 150, stableMs: 300 });
    s.start();
    for (let round = 0; round < 3; round += 1) {
      expect(await within(() => s.connected, 5_000)).toBe(true);
      await sleep(400);
      const before = opens.length;
      const dropped = Date.now();
      sb.dropEventSockets();
      expect(await within(() => opens.length > before, 5_000)).toBe(true);
      // Up longer than stableMs each time: the first wait again, never a doubled one.
      expect(Date.now() - dropped).toBeLessThan(450);
    }
  });
});
