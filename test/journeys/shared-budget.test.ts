/**
 * Two instances behind one database share each person's RingCentral budget. Two real app
 * processes on one SQLite file take one member's concurrent lookups, half each, with
 * RingCentral's published limits in the sandbox: together they never go over the member's
 * minute, so RingCentral never starts its penalty window (no 429), and the lookups past the
 * budget are told how long to wait. The control proves the test can fail: the same two
 * processes on separate copies of the database (each with its own record of what it sent) do
 * push the member into the penalty window.
 */

import fs from 'node:fs';
import Database from 'better-sqlite3';
import { postSlashCommand } from '../../src/slack-stand-in';
import {
  type Harness,
  isProgress,
  PEOPLE,
  SIGNING_SECRET,
  shown,
  startHarness,
  TEAM_ID,
} from '../support/harness';
import { type AppProcess, removeAppBundle, spawnApp } from '../support/spawn-app';

/** Lookups per instance: together more than the member's Light minute (50) allows. */
const PER_INSTANCE = 35;

interface Round {
  answered: number;
  toldToWait: number;
  /** 429s RingCentral gave this member. */
  refused: number;
  /** Requests of the member that RingCentral let through. */
  sent: number;
}

let sequence = 0;

/** Every lookup at once, half on each instance; resolves when each has its final answer. */
async function burst(h: Harness, instances: AppProcess[]): Promise<Round> {
  h.sandbox.resetRequests();
  const ids: string[] = [];
  const posts: Promise<unknown>[] = [];
  for (const instance of instances) {
    for (let i = 0; i < PER_INSTANCE; i++) {
      const id = `budget-${++sequence}`;
      ids.push(id);
      posts.push(
        postSlashCommand(instance.url, SIGNING_SECRET, {
          text: 'forwarding',
          user_id: PEOPLE.ana.id,
          team_id: TEAM_ID,
          response_url: h.slack.responseUrl(id),
        }),
      );
    }
  }
  await Promise.all(posts);
  let answered = 0;
  let toldToWait = 0;
  for (const id of ids) {
    const { body } = await h.slack.waitForResponse(id, (reply) => !isProgress(reply), 30_000);
    const text = shown(body);
    if (/slow down; try again in \d+ seconds?/.test(text)) toldToWait++;
    else if (text.includes('+1 650 555 0123')) answered++;
  }
  // Only Ana asks, so every API request the sandbox saw is hers.
  const ana = h.sandbox.requests.filter((r) => r.group !== null && r.group !== 'Auth');
  return {
    answered,
    toldToWait,
    refused: ana.filter((r) => r.status === 429).length,
    sent: ana.filter((r) => r.status !== 429 && r.group === 'Light').length,
  };
}

async function linkedHarness(): Promise<Harness> {
  const h = await startHarness({ sandbox: { rateLimits: {} } });
  await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
  await h.slack.waitFor('views.publish', (args) => args.user_id === PEOPLE.ana.id);
  await h.app.stop();
  return h;
}

describe('one rate budget per person across instances', () => {
  afterAll(() => removeAppBundle());

  it('two instances on one database keep one member out of the penalty window', async () => {
    const h = await linkedHarness();
    const instances: AppProcess[] = [];
    try {
      // No answer cache: every lookup reaches RingCentral, so the budget alone decides.
      for (let i = 0; i < 2; i++) instances.push(await spawnApp(h, { TEST_NO_CACHE: '1' }));
      const round = await burst(h, instances);
      console.log(
        `shared budget, one database: ${round.sent} Light requests sent, ${round.refused} 429s; ` +
          `${round.answered} answered, ${round.toldToWait} told to wait`,
      );
      expect(round.refused).toBe(0);
      expect(round.sent).toBeLessThanOrEqual(50);
      expect(round.answered + round.toldToWait).toBe(2 * PER_INSTANCE);
      // The budget was really reached (else the test would prove nothing) and spent in full.
      expect(round.toldToWait).toBeGreaterThan(0);
      expect(round.answered).toBeGreaterThan(PER_INSTANCE / 2);
    } finally {
      for (const instance of instances) await instance.kill();
      await h.close();
    }
  }, 60_000);

  it('control: on separate copies of the database the same load meets 429s', async () => {
    const h = await linkedHarness();
    const copy = `${h.databasePath}.copy`;
    const instances: AppProcess[] = [];
    try {
      const db = new Database(h.databasePath, { readonly: true });
      await db.backup(copy);
      db.close();
      instances.push(await spawnApp(h, { TEST_NO_CACHE: '1' }));
      instances.push(await spawnApp(h, { TEST_NO_CACHE: '1', DATABASE_URL: `sqlite:${copy}` }));
      const round = await burst(h, instances);
      console.log(`separate databases: ${round.sent} Light requests sent, ${round.refused} 429s`);
      expect(round.refused).toBeGreaterThan(0);
    } finally {
      for (const instance of instances) await instance.kill();
      await h.close();
      fs.rmSync(copy, { force: true });
    }
  }, 60_000);
});
