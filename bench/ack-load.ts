/**
 * "Ack under cold load": the real app in its own process, regular users asking cold (each
 * one's first question makes the app read the whole company directory for them), and a bare
 * Bolt app of the same version in the same run. While the cold users' answers and directories
 * are under way, the same signed probe command (`help`, answered without RingCentral) goes to
 * both apps at a steady pace: what differs between their ack times is what rcnumber's cold
 * work costs other people's acks. Every command to rcnumber must also get its final answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProgressText } from '../src/blocks';
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
import { readMetrics } from './metrics-scrape';
import type { RemoteSandbox } from './remote-sandbox';
import { percentile } from './stats';

export interface AckLoadOptions {
  /** Cold users per round, each starting at once with a lookup of their own. */
  users: number;
  rounds: number;
  /** Between two cold users' first commands: a burst, but one the sender itself can keep up with. */
  coldSpacingMs: number;
  /** One probe to each app this often during a round… */
  probeIntervalMs: number;
  /** …which lasts this long, or until its cold users' answers are in if that is later. */
  roundMs: number;
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
  /** The acks of those first commands alone (all of a round's at once). */
  coldAcks: { product: AckSummary; bare: AckSummary };
  /** rcnumber's own event-loop delay over the measured rounds, from its /metrics. */
  eventLoop: { p99Ms: number; maxMs: number };
  failures: string[];
}

const SIGNING_SECRET = 'bench-signing-secret';

function summary(values: number[]): AckSummary {
  const round = (ms: number | undefined) => Number((ms ?? 0).toFixed(1));
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
    // From the end of the list: the other measurements link people from its start.
    for (const person of regular.slice(-needed)) {
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
    await readMetrics(product.url, []); // a scrape starts the event-loop window anew
    for (let r = 1; r <= options.rounds; r++) {
      const users = members.slice(r * options.users, (r + 1) * options.users);
      await run.round(users, options, true);
    }
    const [p99, max] = await readMetrics(product.url, [
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_eventloop_lag_max_seconds',
    ]);
    const productAcks = summary([...run.productAcks, ...run.productColdAcks]);
    const bareAcks = summary([...run.bareAcks, ...run.bareColdAcks]);
    return {
      users: options.users,
      rounds: options.rounds,
      product: productAcks,
      bare: bareAcks,
      ratio: Number((productAcks.p99Ms / Math.max(0.1, bareAcks.p99Ms)).toFixed(2)),
      answered: run.answered,
      commands: run.commands,
      coldAnswer: summary(run.coldAnswers),
      coldAcks: { product: summary(run.productColdAcks), bare: summary(run.bareColdAcks) },
      eventLoop: { p99Ms: Math.round((p99 ?? 0) * 1000), maxMs: Math.round((max ?? 0) * 1000) },
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
  /** Acks of the cold users' first commands, sent to both apps at once at a round's start. */
  readonly productColdAcks: number[] = [];
  readonly bareColdAcks: number[] = [];
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
    const probes: Promise<void>[] = [];
    const answers: Promise<void>[] = [];
    for (const userId of users) {
      const text = this.nextNumber();
      probes.push(this.probeBare(userId, text, true));
      answers.push(this.ask(userId, text));
      await sleep(options.coldSpacingMs);
    }
    let outstanding = answers.length;
    const done = Promise.all(answers.map((answer) => answer.finally(() => outstanding--)));
    let probe = 0;
    const until = performance.now() + options.roundMs;
    while (outstanding > 0 || performance.now() < until) {
      await sleep(options.probeIntervalMs);
      const userId = users[probe++ % users.length] as string;
      probes.push(this.ask(userId, 'help'), this.probeBare(userId, 'help', false));
    }
    await Promise.race([done, sleep(options.answerTimeoutMs)]);
    await Promise.all(probes);
  }

  private nextNumber(): string {
    return this.numbers[this.sequence % this.numbers.length] ?? '+16503316252';
  }

  /** One command to rcnumber: its ack time, then (within the timeout) its final answer. */
  private async ask(userId: string, text: string): Promise<void> {
    const id = `ack-${++this.sequence}`;
    const cold = text !== 'help';
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
    (cold ? this.productColdAcks : this.productAcks).push(ackMs);
    if (reply.status !== 200) {
      this.failures.push(`rcnumber ack ${reply.status}`);
      return;
    }
    try {
      const final = (body: ResponseBody) => !isProgressText(body.text);
      await this.slack.waitForResponse(id, final, 60_000);
      this.answered++;
      if (cold) this.coldAnswers.push(performance.now() - started);
    } catch {
      this.failures.push(`no answer to ${text}`);
    }
  }

  private async probeBare(userId: string, text: string, cold: boolean): Promise<void> {
    const started = performance.now();
    const reply = await postSlashCommand(this.bareUrl, SIGNING_SECRET, {
      text,
      user_id: userId,
      team_id: TEAM_ID,
      response_url: this.slack.responseUrl(`bare-${++this.sequence}`),
    }).catch((error: unknown) => ({ status: 0, body: String(error) }));
    if (!this.measuring) return;
    (cold ? this.bareColdAcks : this.bareAcks).push(performance.now() - started);
    if (reply.status !== 200) this.failures.push(`bare Bolt ack ${reply.status}`);
  }
}
