/**
 * Everything the demo runs, all on loopback and in this process: the RingCentral sandbox (the
 * guide's company), the local Slack stand-in, and the real bot built by `createApp` with an
 * in-memory SQLite store and a freshly generated encryption key. Nothing leaves the machine.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { Writable } from 'node:stream';
import { createApp, type RcNumberApp } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { type Sandbox, startSandbox } from '../sandbox';
import { openStore, TokenCipher } from '../store';
import type { Store } from '../store/types';
import { type DemoMember, type PostedReply, startSlackStandIn } from './slack-stand-in';
import { postSlashCommand } from './slash-command';

const TEAM_ID = 'T0DEMO';

export interface LinkOutcome {
  /** The link prompt the member was shown. */
  prompt: PostedReply;
  /** The heading of the page RingCentral's redirect landed on. */
  page: string;
  /** What replaced the prompt in Slack once the link was made. */
  confirmation: PostedReply;
}

export interface DemoStack {
  sandbox: Sandbox;
  /** Runs `/rcnumber <text>` as the member; resolves with the final reply (not progress). */
  ask(userId: string, text: string): Promise<PostedReply>;
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
const isProgress = (reply: PostedReply) => /… \d+%$/.test(String(reply.body.text ?? ''));

function decodeEntities(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function buttonUrl(reply: PostedReply): string | null {
  const match = /"url":"([^"]+)"/.exec(JSON.stringify(reply.body.blocks ?? []));
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
  const start = await fetch(decodeEntities(action), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
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
    const slack = await startSlackStandIn(TEAM_ID, members);
    closers.push(() => slack.close());
    const port = await freePort();
    const signingSecret = randomBytes(16).toString('hex');
    const config = loadConfig({
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: 'xoxb-demo-token',
      SLACK_API_URL: slack.apiUrl,
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

    const command = async (userId: string, text: string) => {
      const id = `cmd-${++sequence}`;
      const status = await postSlashCommand({
        appUrl,
        signingSecret,
        teamId: TEAM_ID,
        userId,
        text,
        responseUrl: slack.responseUrl(id),
      });
      if (status !== 200) throw new Error(`/rcnumber ${text} was answered with HTTP ${status}`);
      return { id, reply: await slack.nextReply(id, (reply) => !isProgress(reply)) };
    };

    return {
      sandbox,
      logs,
      ask: async (userId, text) => (await command(userId, text)).reply,
      async link(userId, signInAs) {
        const { id, reply: prompt } = await command(userId, 'link');
        const connect = buttonUrl(prompt);
        if (!connect) throw new Error('the link prompt has no Connect button');
        const browser = await continueToRingCentral(connect);
        const callback = await sandbox.approve(browser.authorizeUrl, signInAs);
        const landing = await fetch(callback, {
          redirect: 'manual',
          headers: { cookie: browser.cookie },
        });
        const heading = /<h1>([^<]*)<\/h1>/.exec(await landing.text())?.[1];
        const page = heading ? decodeEntities(heading) : `HTTP ${landing.status}`;
        const confirmation = await slack.nextReply(id, (reply) => reply !== prompt);
        return { prompt, page, confirmation };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
