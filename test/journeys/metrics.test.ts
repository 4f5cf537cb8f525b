// GET /metrics serves every family in Prometheus text after real commands, and with
// METRICS_TOKEN set refuses whoever does not present exactly that bearer token.
import { type Harness, PEOPLE, startHarness, TEAM_ID } from '../support/harness';

const TOKEN = 'metrics-token-0123456789abcdef';

async function scrape(h: Harness, authorization?: string) {
  const response = await fetch(`${h.appUrl}/metrics`, {
    headers: authorization ? { authorization } : {},
  });
  return { status: response.status, text: await response.text(), type: response.headers };
}

/** The value of one sample line (`name{labels} value`), or null when it is missing. */
function sample(text: string, line: string): number | null {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : null;
}

describe('/metrics', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { METRICS_TOKEN: TOKEN } });
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
  });
  afterAll(async () => {
    await h.close();
  });

  it('serves each family after commands', async () => {
    await h.command(PEOPLE.ana.id, '+1 650 331 6252');
    await h.command(PEOPLE.ana.id, '+1 650 331 6252');
    await h.command(PEOPLE.ana.id, 'ext 999');
    const { status, text, type } = await scrape(h, `Bearer ${TOKEN}`);
    expect(status).toBe(200);
    expect(type.get('content-type')).toContain('text/plain');
    expect(sample(text, 'rcnumber_commands_total{kind="lookup",outcome="ok"}')).toBe(2);
    expect(sample(text, 'rcnumber_commands_total{kind="extension",outcome="not_found"}')).toBe(1);
    expect(sample(text, 'rcnumber_answer_seconds_count{kind="lookup"}')).toBe(2);
    // Every command and every link's Home tab event went through the ack timer.
    expect(sample(text, 'rcnumber_slack_ack_seconds_count')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'rcnumber_cache_lookups_total{result="hit"}')).toBeGreaterThan(0);
    expect(sample(text, 'rcnumber_cache_lookups_total{result="miss"}')).toBeGreaterThan(0);
    expect(sample(text, 'rcnumber_cache_bytes')).toBeGreaterThan(1000);
    expect(sample(text, 'rcnumber_cache_entries')).toBeGreaterThan(0);
    expect(sample(text, 'rcnumber_linked_members{status="active"}')).toBe(2);
    expect(sample(text, 'rcnumber_linked_members{status="broken"}')).toBe(0);
    expect(
      sample(text, 'rcnumber_ringcentral_requests_total{group="Heavy",status="200"}'),
    ).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_eventloop_lag_p99_seconds')).toEqual(expect.any(Number));
    expect(sample(text, 'nodejs_eventloop_lag_max_seconds')).toEqual(expect.any(Number));
  });

  it('counts token refreshes and 429s from RingCentral', async () => {
    const member = { teamId: TEAM_ID, userId: PEOPLE.john.id };
    const link = await h.links.getLink(member);
    if (!link) throw new Error('John is not linked');
    const expired = { ...link.tokens, accessTokenExpiresAt: Date.now() - 1000 };
    await h.links.updateTokens(link, link.version, expired);
    await h.command(PEOPLE.john.id, 'ext 105');
    h.sandbox.faults.next({ status: 429, path: /\/phone-number$/, count: 1 });
    await h.command(PEOPLE.john.id, 'numbers ext 107');
    const { text } = await scrape(h, `Bearer ${TOKEN}`);
    expect(sample(text, 'rcnumber_token_refreshes_total{outcome="ok"}')).toBe(1);
    expect(sample(text, 'rcnumber_ringcentral_rate_limited_total{group="Light"}')).toBe(1);
    expect(sample(text, 'rcnumber_ringcentral_requests_total{group="Light",status="429"}')).toBe(1);
  });

  it('refuses a missing, wrong or partial bearer token, and says nothing more', async () => {
    for (const authorization of [
      undefined,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Basic ${TOKEN}`,
      TOKEN,
      'Bearer ',
    ]) {
      const { status, text } = await scrape(h, authorization);
      expect(status).toBe(401);
      expect(text).not.toContain('rcnumber_');
    }
    expect(h.logs.join('')).toContain('metrics refused');
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  it('is open, for scrapers inside a private network', async () => {
    const h = await startHarness();
    try {
      const { status, text } = await scrape(h);
      expect(status).toBe(200);
      expect(text).toContain('rcnumber_linked_members');
    } finally {
      await h.close();
    }
  });
});
