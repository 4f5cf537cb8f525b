import { SocketModeReceiver } from '@slack/bolt';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { type SlackStandIn, startSlackStandIn } from '../../src/slack-stand-in';
import { openStore, TokenCipher } from '../../src/store';

describe('Socket Mode', () => {
  // Bolt checks its bot token (auth.test) when built: on loopback, not at slack.com.
  let slack: SlackStandIn;
  beforeAll(async () => {
    slack = await startSlackStandIn({ teamId: 'T0001', users: [] });
  });
  afterAll(async () => {
    await slack.close();
  });

  it('uses a Socket Mode receiver when SLACK_APP_TOKEN is set, with no signing secret needed', async () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_API_URL: slack.url,
      RC_CLIENT_ID: 'id',
      RC_CLIENT_SECRET: 'secret',
      TOKEN_ENCRYPTION_KEY: TokenCipher.generateKey(),
    });
    // Behind the firewall Socket Mode implies, RingCentral's events come by WebSocket.
    expect(config.ringcentralEvents).toBe('websocket');
    const store = openStore(
      'sqlite::memory:',
      TokenCipher.fromBase64Keys(config.tokenEncryptionKey),
    );
    await store.connect();
    const app = createApp({ config, store, logger: createLogger('silent') });
    expect((app.bolt as unknown as { receiver: unknown }).receiver).toBeInstanceOf(
      SocketModeReceiver,
    );
    await slack.waitFor('auth.test', undefined, 5_000);
    await store.close();
  });

  it('serves Slack’s install flow in Socket Mode too, with no single bot token', async () => {
    const config = loadConfig({
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'a-state-secret-of-at-least-32-characters',
      SLACK_APP_TOKEN: 'xapp-1',
      RC_CLIENT_ID: 'id',
      RC_CLIENT_SECRET: 'secret',
      TOKEN_ENCRYPTION_KEY: TokenCipher.generateKey(),
    });
    const store = openStore(
      'sqlite::memory:',
      TokenCipher.fromBase64Keys(config.tokenEncryptionKey),
    );
    await store.connect();
    const app = createApp({ config, store, logger: createLogger('silent') });
    const receiver = (app.bolt as unknown as { receiver: { installer?: unknown } }).receiver;
    expect(receiver).toBeInstanceOf(SocketModeReceiver);
    expect(receiver.installer).toBeDefined();
    await store.close();
  });
});
