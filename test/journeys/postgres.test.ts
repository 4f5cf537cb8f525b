import { Client } from 'pg';
import { PEOPLE, shown, startHarness, TEAM_ID } from '../support/harness';

describe('the app on PostgreSQL (DATABASE_URL=postgres://…)', () => {
  it('links, answers, refreshes and unlinks with the store in PostgreSQL, holding no plain token', async () => {
    const url = process.env.TEST_POSTGRES_URL;
    if (!url) throw new Error('TEST_POSTGRES_URL is set by the jest global setup');
    // A database of its own, so this run starts from an empty schema.
    const admin = new Client({ connectionString: url });
    await admin.connect();
    const name = `rcnumber_flow_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const databaseUrl = url.replace(/\/[^/]*$/, `/${name}`);
    // No answer cache: the command below must reach RingCentral to meet the expired token.
    const h = await startHarness({ databaseUrl, deps: { cache: { maxBytes: 1 } } });
    try {
      await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
      // Linking publishes the Home tab in the background, reading RingCentral with the new
      // token; it must be done before the token expires, or it may be what refreshes it.
      await h.slack.waitFor('views.publish', (args) => args.user_id === PEOPLE.ana.id);
      h.sandbox.expireAccessTokens();
      expect(shown(await h.command(PEOPLE.ana.id, 'numbers'))).toContain('+1 650 331 6252');
      expect(h.sandbox.refreshCount()).toBe(1);

      const link = await h.links.getLink({ teamId: TEAM_ID, userId: PEOPLE.ana.id });
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      const dump = JSON.stringify((await db.query('SELECT * FROM links')).rows);
      await db.end();
      expect(dump).toContain(PEOPLE.ana.id);
      expect(dump).not.toContain(link?.tokens.accessToken ?? 'x');
      expect(dump).not.toContain(link?.tokens.refreshToken ?? 'x');

      expect(shown(await h.command(PEOPLE.ana.id, 'unlink'))).toMatch(/unlinked|disconnected/i);
      expect(await h.links.getLink({ teamId: TEAM_ID, userId: PEOPLE.ana.id })).toBeNull();
    } finally {
      await h.close();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
