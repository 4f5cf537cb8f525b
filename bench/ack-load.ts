/**
 * "Ack under cold load": the real app in its own process, regular users asking cold (each
 * one's first question reads the whole company directory), and a bare Bolt app of the same
 * version acking the same signed commands in the same run. While the cold listings are read,
 * probes go to both apps at a steady pace; what differs between their ack times is what
 * rcnumber's own work costs other people's acks. Every command must also get its answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { driveSignIn } from '../src/sandbox/approve';
import {
  postSlashCommand,
  type ResponseBody,
  type SlackStandIn,
  startSlackStandIn,
} from '../src/slack-stand-in';
import { TokenCipher } from '../src/store';
import { startClientSide, TEAM_ID } from './bench-stack';
import { type ChildServer, forkServer } from './fork-server';
import { readMetric } from './metrics-scrape';
import type { RemoteSandbox } from './remote-sandbox';
import { percentile } from './stats';

export interface AckLoadOptions {
  /** Cold users per round, each starting at once with a lookup of their own. */
  users: number;
  rounds: number;
  /** One probe to each app this often while a round's answers are outstanding. */
  probeIntervalMs: number;
  answerTimeoutMs: number;
}

export interface AckSummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface AckLoadResult {
  users: number;
  rounds: number;
  product: AckSummary;
  bare: AckSummary;
  /** Product p99 over bare p99. */
  ratio: number;
  /** Commands to rcnumber that got their final answer, of all sent. */
  answered: number;
  commands: number;
  /** Time from a cold user's first command to its answer. */
  coldAnswer: AckSummary;
  /** rcnumber's own event-loop delay over the measured rounds, from its /metrics. */
  eventLoop: { p99Ms: number; maxMs: number };
  failures: string[];
}

const SIGNING_SECRET = 'bench-signing-secret';
const PROGRESS = /… \d{1,3}%$/;

function summary(values: number[]): AckSummary {
  const round = (ms: number) => Number(ms.toFixed(1));
  return {
    count: values.length,
    p50Ms: round(percentile(values, 50)),
    p99Ms: round(percentile(values, 99)),
    maxMs: round(Math.max(0, ...values)),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureAckLoad(
  sandbox: RemoteSandbox,
  options: AckLoadOptions,
): Promise<AckLoadResult> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'rcnumber-ack-'));
  const where = {
    databaseUrl: `sqlite:${path.join(folder, 'bench.sqlite')}`,
    encryptionKey: TokenCipher.generateKey(),
  };
  const regular = sandbox.sample.people.filter((person) => !person.isAdmin);
  const needed = options.users * (options.rounds + 1);
  if (regular.length < needed) throw new Error(`the ack bench needs ${needed} regular users`);
  const approve = (url: string, who: string) => driveSignIn(sandbox.url, url, who, false);
  const client = await startClientSide({ ...sandbox, approve }, where);
  const members: string[] = [];
  try {
    for (const person of regular.slice(0, needed)) {
      members.push((await client.link(person.email)).member.userId);
    }
  } finally {
    await client.close();
  }

  const slack = await startSlackStandIn({ teamId: TEAM_ID, responseUrlMaxUses: 1000 });
  const servers: ChildServer[] = [];
  try {
    const product = await forkServer('app-process.ts', {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: slack.url,
      RC_CLIENT_ID: sandbox.clientId,
      RC_CLIENT_SECRET: sandbox.clientSecret,
      RC_SERVER_URL: sandbox.url,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: where.databaseUrl,
      TOKEN_ENCRYPTION_KEY: where.encryptionKey,
      LOG_LEVEL: 'silent',
    });
    servers.push(product);
    const bare = await forkServer('bare-bolt-process.ts', { SLACK_SIGNING_SECRET: SIGNING_SECRET });
    servers.push(bare);
    const run = new LoadRun(slack, product.url, bare.url, sandbox.sample.ownedNumbers);

    // An unmeasured round first: code paths compiled, as in a process that has been running.
    await run.round(members.slice(0, options.users), options, false);
    await readMetric(product.url, 'nodejs_eventloop_lag_max_seconds'); // starts its window anew
    for (let r = 1; r <= options.rounds; r++) {
      const users = members.slice(r * options.users, (r + 1) * options.users);
      await run.round(users, options, true);
    }
    const p99 = await readMetric(product.url, 'nodejs_eventloop_lag_p99_seconds');
    const max = await readMetric(product.url, 'nodejs_eventloop_lag_max_seconds');
    const productAcks = summary(run.productAcks);
    const bareAcks = summary(run.bareAcks);
    return {
      users: options.users,
      rounds: options.rounds,
      product: productAcks,
      bare: bareAcks,
      ratio: Number((productAcks.p99Ms / Math.max(0.1, bareAcks.p99Ms)).toFixed(2)),
      answered: run.answered,
      commands: run.commands,
      coldAnswer: summary(run.coldAnswers),
      eventLoop: { p99Ms: Math.round(p99 * 1000), maxMs: Math.round(max * 1000) },
      failures: run.failures.slice(0, 10),
    };
  } finally {
    for (const server of servers) await server.stop();
    await slack.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Sends signed commands to both apps and records their ack times and rcnumber's answers. */
class LoadRun {
  readonly productAcks: number[] = [];
  readonly bareAcks: number[] = [];
  readonly coldAnswers: number[] = [];
  readonly failures: string[] = [];
  answered = 0;
  commands = 0;
  private sequence = 0;
  private measuring = false;

  constructor(
    private readonly slack: SlackStandIn,
    private readonly productUrl: string,
    private readonly bareUrl: string,
    private readonly numbers: string[],
  ) {}

  async round(users: string[], options: AckLoadOptions, measure: boolean): Promise<void> {
    this.measuring = measure;
    const answers = users.map((userId) => this.ask(userId, true));
    let outstanding = answers.length;
    const done = Promise.all(answers.map((answer) => answer.finally(() => outstanding--)));
    let probe = 0;
    const probes: Promise<void>[] = [];
    while (outstanding > 0) {
      await sleep(options.probeIntervalMs);
      const userId = users[probe++ % users.length] as string;
      probes.push(this.ask(userId, false), this.probeBare(userId));
    }
    await Promise.race([done, sleep(options.answerTimeoutMs)]);
    await Promise.all(probes);
  }

  /** One command to rcnumber: its ack time, then (within the timeout) its final answer. */
  private async ask(userId: string, cold: boolean): Promise<void> {
    const id = `ack-${++this.sequence}`;
    const text = this.numbers[this.sequence % this.numbers.length] ?? '+16503316252';
    const started = performance.now();
    const reply = await postSlashCommand(this.productUrl, SIGNING_SECRET, {
      text,
      user_id: userId,
      team_id: TEAM_ID,
      channel_id: 'C0001',
      response_url: this.slack.responseUrl(id),
    }).catch((error: unknown) => ({ status: 0, body: String(error) }));
    const ackMs = performance.now() - started;
    if (!this.measuring) return;
    this.commands++;
    this.productAcks.push(ackMs);
    if (reply.status !== 200) {
      this.failures.push(`rcnumber ack ${reply.status}`);
      return;
    }
    try {
      const final = (body: ResponseBody) => !PROGRESS.test(body.text ?? '');
      await this.slack.waitForResponse(id, final, 60_000);
      this.answered++;
      if (cold) this.coldAnswers.push(performance.now() - started);
    } catch {
      this.failures.push(`no answer to ${text}`);
    }
  }

  private async probeBare(userId: string): Promise<void> {
    const started = performance.now();
    const reply = await postSlashCommand(this.bareUrl, SIGNING_SECRET, {
      text: 'help',
      user_id: userId,
      team_id: TEAM_ID,
      response_url: this.slack.responseUrl(`bare-${++this.sequence}`),
    }).catch((error: unknown) => ({ status: 0, body: String(error) }));
    if (!this.measuring) return;
    this.bareAcks.push(performance.now() - started);
    if (reply.status !== 200) this.failures.push(`bare Bolt ack ${reply.status}`);
  }
}
