// Presence in answers, through the real app: read under the asker's own token in one batched
// request, shown where RingCentral tells it, and never shown where it refuses or the person
// hides it.
import { ActionIds } from '../../src/blocks/ids';
import { buttonValue } from '../support/buttons';
import { type Harness, PEOPLE, shown, startHarness } from '../support/harness';

const PRESENCE = /\/extension\/[^/]+\/presence$/;
const presenceRequests = (h: Harness) => h.sandbox.countRequests({ path: PRESENCE });

describe('presence in answers', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
  });
  afterEach(() => h.close());

  it('shows who is available, busy, on a call or on Do not disturb, where RingCentral says so', async () => {
    expect(shown(await h.command(PEOPLE.ana.id, '+1 650 331 6253'))).toContain('_Do not disturb_');
    expect(shown(await h.command(PEOPLE.john.id, '+1 650 331 6252'))).toContain(
      '_Busy, on a call_',
    );
    const ext = shown(await h.command(PEOPLE.ana.id, 'ext 101'));
    expect(ext).toContain('*Presence*\\nAvailable');
    // One's own presence, in one's own numbers.
    expect(shown(await h.command(PEOPLE.ana.id, 'numbers'))).toContain('_Busy, on a call_');
  });

  it('shows nothing for a person who hides their presence, to a regular user or an admin', async () => {
    for (const who of [PEOPLE.ana.id, PEOPLE.john.id]) {
      const reply = shown(await h.command(who, 'ext 107'));
      expect(reply).toContain('Dev Patel');
      expect(reply).not.toMatch(/Presence|Available|Busy|Offline|Do not disturb/);
    }
  });

  it('asks RingCentral once per answer, for everyone it names, under the asker’s own token', async () => {
    h.sandbox.resetRequests();
    const reply = shown(await h.command(PEOPLE.ana.id, 'find o'));
    expect(reply).toContain('Ben Okafor · User · _Do not disturb_');
    expect(reply).toContain('John Smith · User · _Available_');
    expect(presenceRequests(h)).toBe(1);
    const [request] = h.sandbox.requests.filter((r) => PRESENCE.test(r.path));
    // Users only (no department, announcement…), all in one batch, as Ana.
    expect(request?.path.split('/')[6]?.split(',').length).toBe(6);
    expect(request?.extensionId).toBe('435068008');
    expect(request?.status).toBe(207);
  });

  it('reuses an answer briefly for the same person only', async () => {
    h.sandbox.resetRequests();
    await h.command(PEOPLE.ana.id, '+1 650 331 6253');
    await h.command(PEOPLE.ana.id, '+1 650 331 6253');
    expect(presenceRequests(h)).toBe(1);
    // John's answer is read with John's token, never taken from Ana's.
    await h.command(PEOPLE.john.id, '+1 650 331 6253');
    expect(presenceRequests(h)).toBe(2);
    expect(
      h.sandbox.requests.filter((r) => PRESENCE.test(r.path)).map((r) => r.extensionId),
    ).toEqual(['435068008', '159048008']);
  });

  it('shows none, and still answers, when the app lacks the ReadPresence permission', async () => {
    h.sandbox.setAppPermissions(['ReadAccounts']);
    const reply = await h.command(PEOPLE.ana.id, '+1 650 331 6253');
    expect(shown(reply)).toContain('Ben Okafor');
    expect(shown(reply)).not.toMatch(/Do not disturb|Available|Busy/);
    expect(h.logs.join('')).toContain('RingCentral refused to tell presence');
    // The refusal is remembered briefly: the next answer does not ask again.
    const before = presenceRequests(h);
    expect(shown(await h.command(PEOPLE.ana.id, 'ext 101'))).not.toContain('Presence');
    expect(presenceRequests(h)).toBe(before);
  });

  it('leaves presence out of answers shared in a channel', async () => {
    const answer = await h.command(PEOPLE.ana.id, '+1 650 331 6253');
    await h.press(PEOPLE.ana.id, ActionIds.share, buttonValue(answer.blocks, ActionIds.share));
    const posted = await h.slack.waitFor('chat.postMessage', (args) => args.channel === 'C0001');
    expect(JSON.stringify(posted.args.blocks)).toContain('Ben Okafor');
    expect(JSON.stringify(posted.args.blocks)).not.toContain('Do not disturb');
  });
});

describe('presence and the cache metrics', () => {
  let h: Harness;
  let offset = 0;
  beforeAll(async () => {
    h = await startHarness({ deps: { now: () => Date.now() + offset } });
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    await h.slack.waitFor('views.publish', (args) => args.user_id === PEOPLE.ana.id);
  });
  afterAll(() => h.close());

  async function lookups() {
    const text = await (await fetch(`${h.appUrl}/metrics`)).text();
    const count = (result: string) => {
      const line = `rcnumber_cache_lookups_total{result="${result}"} `;
      return Number(
        text
          .split('\n')
          .find((l) => l.startsWith(line))
          ?.slice(line.length) ?? NaN,
      );
    };
    return { hit: count('hit'), miss: count('miss') };
  }

  it('counts no cache miss for the presence it reads and keeps', async () => {
    expect(shown(await h.command(PEOPLE.ana.id, 'find o'))).toContain('_Do not disturb_');
    const before = await lookups();
    // Presence has aged out; the listing the answer comes from is still fresh.
    offset += 21_000;
    h.sandbox.resetRequests();
    expect(shown(await h.command(PEOPLE.ana.id, 'find o'))).toContain('_Do not disturb_');
    expect(presenceRequests(h)).toBe(1);
    const after = await lookups();
    // Six people's presence read again and kept: no miss; the listing itself: a hit.
    expect(after.miss).toBe(before.miss);
    expect(after.hit).toBeGreaterThan(before.hit);
  });
});
