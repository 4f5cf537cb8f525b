import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { type AppDeps, createApp, type RcNumberApp } from '../../src/app';
import { isProgressText } from '../../src/blocks';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/server';
import {
  blockActionPayload,
  postBlockAction,
  postSlashCommand,
  type ResponseBody,
  type SlackStandIn,
  type SlackStandInOptions,
  startSlackStandIn,
} from '../../src/slack-stand-in';
import { openStore, TokenCipher } from '../../src/store';
import type { LinksStore, MembersStore, Store } from '../../src/store/types';
import { expectNoSpecViolations } from './check-request-log';

import { createBrowser, type LinkBrowser, linkUrlOf, pendingForm } from './link-pages';

export { browserPost, confirmForm, linkUrlOf, pendingForm } from './link-pages';

export const SIGNING_SECRET = 'test-signing-secret';
export const TEAM_ID = 'T0001';
/** The Slack app's credentials when the harness serves many workspaces. */
export const SLACK_APP = {
  clientId: '1111111111.2222222222',
  clientSecret: 'test-slack-client-secret',
  stateSecret: 'test-state-secret-of-at-least-32-chars',
};

/** Slack members of the test workspace, matched to the sandbox's seeded people by email. */
export const PEOPLE = {
  john: { id: 'UJOHN', email: 'john.smith@example.com', hint: '101', name: 'John Smith' },
  ana: { id: 'UANA', email: 'ana.ruiz@example.com', hint: '104', name: 'Ana Ruiz' },
  ben: { id: 'UBEN', email: 'ben.okafor@example.com', hint: '105', name: 'Ben Okafor' },
  dev: { id: 'UDEV', email: 'dev.patel@example.com', hint: '107', name: 'Dev Patel' },
  /** On RingCentral's new call-handling backend. */
  lena: { id: 'ULENA', email: 'lena.fischer@example.com', hint: '108', name: 'Lena Fischer' },
  stranger: { id: 'USTRANGER', email: 'nobody@elsewhere.example', hint: '', name: 'Sam Stranger' },
} as const;

export interface HarnessOptions {
  sandbox?: SandboxOptions;
  /** Share an existing sandbox (it is then not closed with the harness). */
  existingSandbox?: Sandbox;
  /** A database file to use (kept); default a fresh temp file. */
  databasePath?: string;
  /** Any DATABASE_URL instead (a PostgreSQL server, say); wins over databasePath. */
  databaseUrl?: string;
  env?: Record<string, string>;
  deps?: Partial<AppDeps>;
  /**
   * Serve many workspaces through Slack's install flow (no SLACK_BOT_TOKEN): the stand-in then
   * accepts only the bot tokens it issued, each in its own workspace.
   */
  manyWorkspaces?: boolean;
  /** More for the Slack stand-in (other workspaces, an organisation). */
  slack?: Partial<SlackStandInOptions>;
}

export interface Harness extends LinkBrowser {
  sandbox: Sandbox;
  slack: SlackStandIn;
  app: RcNumberApp;
  store: Store;
  links: LinksStore;
  members: MembersStore;
  appUrl: string;
  databasePath: string;
  encryptionKey: string;
  /** Every log line the app wrote. */
  logs: string[];
  /** Runs `/rcnumber <text>` as `userId` and resolves with the final reply. */
  command(userId: string, text: string, options?: { channelId?: string }): Promise<ResponseBody>;
  /** Every reply the command posted to its response_url (progress first, answer last). */
  commandReplies(
    userId: string,
    text: string,
    options?: { channelId?: string },
  ): Promise<ResponseBody[]>;
  /** Links a Slack member by the real OAuth flow: link prompt → sign-in → callback. */
  link(userId: string, who: string): Promise<{ status: number; html: string; headers: Headers }>;
  /** `link`, then confirms the second page if one is shown (LINK_EMAIL_MATCH=confirm). */
  linkConfirmed(
    userId: string,
    who: string,
  ): Promise<{ status: number; html: string; headers: Headers }>;
  /** Presses a button as `userId`; resolves with the ack's status and the response_url's id. */
  press(
    userId: string,
    actionId: string,
    value: string,
    extra?: Record<string, unknown>,
  ): Promise<{ status: number; responseId: string }>;
  close(): Promise<void>;
}

let sequence = 0;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Progress messages read like "Collecting numbers… 40%". */
export function isProgress(body: ResponseBody): boolean {
  return isProgressText(body.text);
}

/** The Slack member a Connect button's URL was made for (its token is opaque: the store knows). */
export async function memberOfConnectUrl(h: Harness, url: string): Promise<string | undefined> {
  const token = new URL(url).searchParams.get('t') ?? '';
  return (await h.app.services.connectTokens.resolve(token))?.userId;
}

/** Everything a reply shows: its fallback text and its blocks. */
export function shown(body: ResponseBody): string {
  return `${body.text ?? ''}\n${JSON.stringify(body.blocks ?? [])}`;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sandbox =
    options.existingSandbox ?? (await startSandbox({ rateLimits: false, ...options.sandbox }));
  const many = options.manyWorkspaces === true;
  const slack = await startSlackStandIn({
    teamId: TEAM_ID,
    users: Object.values(PEOPLE).map((person) => ({
      id: person.id,
      email: person.email,
      name: person.id.toLowerCase(),
      real_name: person.name,
    })),
    ...(many ? { oauthClient: SLACK_APP, strictTokens: true } : {}),
    ...options.slack,
  });
  const databasePath =
    options.databasePath ??
    path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rcnumber-test-')), 'rcnumber.sqlite');
  const encryptionKey = options.env?.TOKEN_ENCRYPTION_KEY ?? TokenCipher.generateKey();
  const env = {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    ...(many
      ? {
          SLACK_CLIENT_ID: SLACK_APP.clientId,
          SLACK_CLIENT_SECRET: SLACK_APP.clientSecret,
          SLACK_STATE_SECRET: SLACK_APP.stateSecret,
        }
      : { SLACK_BOT_TOKEN: 'xoxb-test-token' }),
    SLACK_API_URL: slack.url,
    RC_CLIENT_ID: sandbox.clientId,
    RC_CLIENT_SECRET: sandbox.clientSecret,
    RC_SERVER_URL: sandbox.url,
    PORT: '0',
    HOST: '127.0.0.1',
    PUBLIC_URL: 'http://127.0.0.1:1',
    DATABASE_URL: options.databaseUrl ?? `sqlite:${databasePath}`,
    TOKEN_ENCRYPTION_KEY: encryptionKey,
    LOG_LEVEL: 'debug',
    // Events only where a test asks for them: otherwise `auto` would open a WebSocket per link
    // (the harness's PUBLIC_URL is plain http).
    RC_EVENTS: 'off',
    ...options.env,
  };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  // The redirect URI names the app's own port, so the port is chosen before the app is built.
  const port = await freePort();
  const config = loadConfig({ ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
  const store = openStore(
    config.databaseUrl,
    TokenCipher.fromBase64Keys(config.tokenEncryptionKey),
  );
  await store.connect();
  const app = createApp({ config, store, logger: createLogger('debug', sink), ...options.deps });
  await app.start();
  const appUrl = `http://127.0.0.1:${port}`;

  const commandReplies = async (
    userId: string,
    text: string,
    opts: { channelId?: string } = {},
  ) => {
    const id = `cmd-${++sequence}`;
    const result = await postSlashCommand(appUrl, SIGNING_SECRET, {
      text,
      user_id: userId,
      team_id: TEAM_ID,
      channel_id: opts.channelId ?? 'C0001',
      response_url: slack.responseUrl(id),
    });
    if (result.status !== 200) throw new Error(`slash command answered ${result.status}`);
    await slack.waitForResponse(id, (body) => !isProgress(body), 40_000);
    return slack.responses(id).map((response) => response.body);
  };

  // The token is opaque; what it stands for is in the store.
  const browser = createBrowser(async (token) => {
    const userId = (await app.services.connectTokens.resolve(token))?.userId;
    return Object.values(PEOPLE).find((p) => p.id === userId)?.name ?? userId;
  });
  const harness: Harness = {
    sandbox,
    slack,
    app,
    store,
    links: store.links,
    members: store.members,
    appUrl,
    databasePath,
    encryptionKey,
    logs,
    commandReplies,
    async command(userId, text, opts) {
      const replies = await commandReplies(userId, text, opts);
      const final = replies.filter((body) => !isProgress(body)).pop();
      if (!final) throw new Error('no final reply');
      return final;
    },
    ...browser,
    async linkConfirmed(userId, who) {
      const page = await harness.link(userId, who);
      return pendingForm(page.html) ? harness.decide(page) : page;
    },
    async link(userId, who) {
      const prompt = await harness.command(userId, 'link');
      const url = linkUrlOf(prompt);
      if (!url) throw new Error(`no link button in ${JSON.stringify(prompt)}`);
      const callback = await sandbox.approve(await harness.authorizeUrl(url), who);
      return harness.openCallback(callback);
    },
    async press(userId, actionId, value, extra = {}) {
      const responseId = `press-${++sequence}`;
      const payload = blockActionPayload({
        userId,
        teamId: TEAM_ID,
        actionId,
        value,
        channelId: 'C0001',
        responseUrl: slack.responseUrl(responseId),
        ...extra,
      });
      const { status } = await postBlockAction(appUrl, SIGNING_SECRET, payload);
      return { status, responseId };
    },
    async close() {
      // Bolt checks its token (auth.test) when built and nobody awaits it; cut off by closing
      // the Slack stand-in, its retries would keep the test worker alive for minutes. With
      // many workspaces there is no one token to check.
      if (!many) await slack.waitFor('auth.test', undefined, 5_000).catch(() => undefined);
      await app.stop();
      await store.close();
      await slack.close();
      if (!options.existingSandbox) await sandbox.close();
      // The app sends RingCentral only what its spec allows (the whole run is checked too).
      expectNoSpecViolations(sandbox);
    },
  };
  return harness;
}
