/**
 * Everything the demo runs, all on loopback and in this process: the RingCentral sandbox (the
 * guide's company), the local Slack stand-in, and the real bot built by `createApp` with an
 * in-memory SQLite store and a freshly generated encryption key. Nothing leaves the machine.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { Writable } from 'node:stream';
import { createApp, type RcNumberApp } from '../app';
import { isProgressText, ShortcutIds } from '../blocks';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { type Sandbox, startSandbox } from '../sandbox';
import {
  messageShortcutPayload,
  postShortcut,
  postSlashCommand,
  type ResponseBody,
  startSlackStandIn,
} from '../slack-stand-in';
import { openStore, TokenCipher } from '../store';
import type { Store } from '../store/types';
import type { DemoMember } from './script';

const TEAM_ID = 'T0DEMO';
const CHANNEL_ID = 'C0GENERAL';
const BOT_TOKEN = 'xoxb-demo-token';
/** How long a command's answer may take to reach its response_url. */
const REPLY_TIMEOUT_MS = 15_000;

export interface LinkOutcome {
  /** The link prompt the member was shown. */
  prompt: ResponseBody;
  /** The heading of the page RingCentral's redirect landed on. */
  page: string;
  /** What replaced the prompt in Slack once the link was made. */
  confirmation: ResponseBody;
}

export interface DemoStack {
  sandbox: Sandbox;
  /** Runs `/rcnumber <text>` as the member; resolves with the final reply (not progress). */
  ask(userId: string, text: string): Promise<ResponseBody>;
  /** Runs the message shortcut "Who owns these numbers?" on a message reading `text`. */
  shortcut(userId: string, text: string): Promise<ResponseBody>;
  /** Links the member by the real flow: prompt → Connect button → sign-in → callback. */
  link(userId: string, signInAs: string): Promise<LinkOutcome>;
  /** Warnings and errors the app logged, for explaining a failure. */
  logs: string[];
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Progress stand-ins ("Collecting numbers… 40%") come before the answer; skip them. */
const isProgress = (body: ResponseBody) => isProgressText(body.text);

function decodeEntities(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function buttonUrl(body: ResponseBody): string | null {
  const match = /"url":"([^"]+)"/.exec(JSON.stringify(body.blocks ?? []));
  return match?.[1] ?? null;
}

/**
 * The button opens a page naming whose Slack account it links; its "Continue to RingCentral"
 * form posts the token back, and that answer redirects to RingCentral's authorize page.
 */
async function continueToRingCentral(
  connect: string,
): Promise<{ authorizeUrl: string; cookie: string }> {
  const page = await fetch(connect, { redirect: 'manual' });
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const token = /<input type="hidden" name="t" value="([^"]+)"/.exec(html)?.[1];
  if (!action || !token) throw new Error(`the Connect button answered ${page.status}`);
  const target = decodeEntities(action);
  const start = await fetch(target, {
    method: 'POST',
    redirect: 'manual',
    // What a browser sends with a form posted from a page of the same origin.
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: new URL(target).origin,
      'sec-fetch-site': 'same-origin',
    },
    body: new URLSearchParams({ t: decodeEntities(token) }).toString(),
  });
  await start.body?.cancel();
  const authorizeUrl = start.headers.get('location');
  if (!authorizeUrl) throw new Error(`continuing to RingCentral answered ${start.status}`);
  // The browser keeps the cookie that binds the sign-in to it, and shows it on the way back.
  const cookie = start.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { authorizeUrl, cookie };
}

export async function startDemoStack(members: DemoMember[]): Promise<DemoStack> {
  const closers: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined);
  };
  try {
    const sandbox = await startSandbox();
    closers.push(() => sandbox.close());
    const slack = await startSlackStandIn({
      teamId: TEAM_ID,
      teamName: 'rcnumber demo',
      botUserId: 'U0RCNUMBER',
      botId: 'B0RCNUMBER',
      generalChannelId: CHANNEL_ID,
      botToken: BOT_TOKEN,
      users: members.map((member) => ({
        id: member.id,
        name: member.name.toLowerCase().replace(/\s+/g, '.'),
        real_name: member.name,
        email: member.email,
        profile: { display_name: member.name },
      })),
    });
    closers.push(async () => {
      // Bolt checks its token (auth.test) at start-up without awaiting it; let that finish first.
      await slack.waitFor('auth.test', undefined, 5_000).catch(() => undefined);
      await slack.close();
    });
    const port = await freePort();
    const signingSecret = randomBytes(16).toString('hex');
    const config = loadConfig({
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.url,
      RC_CLIENT_ID: sandbox.clientId,
      RC_CLIENT_SECRET: sandbox.clientSecret,
      RC_SERVER_URL: sandbox.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: 'sqlite::memory:',
      TOKEN_ENCRYPTION_KEY: TokenCipher.generateKey(),
      LOG_LEVEL: 'warn',
    });
    const store: Store = openStore(
      config.databaseUrl,
      TokenCipher.fromBase64Keys(config.tokenEncryptionKey),
    );
    await store.connect();
    closers.push(() => store.close());
    const logs: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk).trim());
        done();
      },
    });
    const app: RcNumberApp = createApp({ config, store, logger: createLogger('warn', sink) });
    await app.start();
    closers.push(() => app.stop());
    const appUrl = config.publicUrl;
    let sequence = 0;

    /** Runs `/rcnumber <text>` from #general; resolves with its first reply that is not progress. */
    const command = async (userId: string, text: string) => {
      const id = `cmd-${++sequence}`;
      const { status } = await postSlashCommand(appUrl, signingSecret, {
        text,
        user_id: userId,
        team_id: TEAM_ID,
        team_domain: 'rcnumber-demo',
        channel_id: CHANNEL_ID,
        channel_name: 'general',
        response_url: slack.responseUrl(id),
      });
      if (status !== 200) throw new Error(`/rcnumber ${text} was answered with HTTP ${status}`);
      const reply = await slack.waitForResponse(id, (body) => !isProgress(body), REPLY_TIMEOUT_MS);
      return { id, reply };
    };

    return {
      sandbox,
      logs,
      ask: async (userId, text) => (await command(userId, text)).reply.body,
      async shortcut(userId, text) {
        const id = `shortcut-${++sequence}`;
        const payload = messageShortcutPayload({
          userId,
          teamId: TEAM_ID,
          callbackId: ShortcutIds.whoOwnsNumbers,
          text,
          channelId: CHANNEL_ID,
          responseUrl: slack.responseUrl(id),
        });
        const { status } = await postShortcut(appUrl, signingSecret, payload);
        if (status !== 200)
          throw new Error(`the message shortcut was answered with HTTP ${status}`);
        return (await slack.waitForResponse(id, undefined, REPLY_TIMEOUT_MS)).body;
      },
      async link(userId, signInAs) {
        const { id, reply: prompt } = await command(userId, 'link');
        const connect = buttonUrl(prompt.body);
        if (!connect) throw new Error('the link prompt has no Connect button');
        const browser = await continueToRingCentral(connect);
        const callback = await sandbox.approve(browser.authorizeUrl, signInAs);
        const landing = await fetch(callback, {
          redirect: 'manual',
          headers: { cookie: browser.cookie },
        });
        const heading = /<h1>([^<]*)<\/h1>/.exec(await landing.text())?.[1];
        const page = heading ? decodeEntities(heading) : `HTTP ${landing.status}`;
        const confirmation = await slack.waitForResponse(
          id,
          (_body, reply) => reply !== prompt,
          REPLY_TIMEOUT_MS,
        );
        return { prompt: prompt.body, page, confirmation: confirmation.body };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
