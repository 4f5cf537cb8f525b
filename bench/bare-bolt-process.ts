/**
 * The baseline for the ack bench: a bare Bolt app of the same version, in a process of its
 * own, that checks the same signed slash commands, acks and answers through the response_url
 * with one line. Whatever slows its acks is the machine, not rcnumber.
 */
import { App, HTTPReceiver } from '@slack/bolt';

async function run(): Promise<void> {
  const receiver = new HTTPReceiver({
    signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
    processBeforeResponse: false,
  });
  const app = new App({
    receiver,
    token: 'xoxb-bare-bolt',
    tokenVerificationEnabled: false,
    botId: 'BBARE',
    botUserId: 'UBARE',
  });
  app.command('/rcnumber', async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: 'ok' });
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as import('node:http').Server;
  const address = server.address();
  process.send?.({
    kind: 'ready',
    port: typeof address === 'object' && address ? address.port : 0,
  });
}

run().catch((error: unknown) => {
  process.stderr.write(`bare bolt: ${(error as Error).message}\n`);
  process.exit(1);
});
process.on('disconnect', () => process.exit(0));
