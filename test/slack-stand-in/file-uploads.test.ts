// Slack's current upload flow through the stand-in, driven by @slack/web-api's own
// filesUploadV2 (getUploadURLExternal, a POST to the upload URL, completeUploadExternal).
import { webApi } from '@slack/bolt';
import { type SlackStandIn, startSlackStandIn } from '../../src/slack-stand-in';
import { quietLogger } from '../support/slack-quiet-logger';

const TOKEN = 'xoxb-test-token';
let slack: SlackStandIn;
let client: webApi.WebClient;

beforeAll(async () => {
  slack = await startSlackStandIn({
    botToken: TOKEN,
    maxUploadBytes: 1000,
    users: [{ id: 'U0001', name: 'ana', email: 'ana@example.com' }],
    channels: [{ id: 'C0OUT', name: 'outside', is_member: false }],
  });
  client = new webApi.WebClient(TOKEN, {
    slackApiUrl: slack.url,
    logger: quietLogger([]),
    retryConfig: { retries: 0 },
  });
});
afterAll(() => slack.close());

const errorOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'no error',
    (error: { data?: { error?: string } }) => error.data?.error,
  );

describe('Slack stand-in: file uploads', () => {
  it('takes a file through filesUploadV2 and shares it in a DM with its comment', async () => {
    const dm = await client.conversations.open({ users: 'U0001' });
    const channelId = dm.channel?.id ?? '';
    const content = Buffer.from('\uFEFFnumber\r\n+16503316252\r\n', 'utf8');
    const answer = await client.filesUploadV2({
      channel_id: channelId,
      initial_comment: 'Your export',
      file_uploads: [{ file: content, filename: 'numbers.csv', title: 'Numbers' }],
    });
    expect(answer.ok).toBe(true);
    const [file] = [...slack.files.values()];
    expect(file).toMatchObject({
      filename: 'numbers.csv',
      title: 'Numbers',
      channel: channelId,
      initialComment: 'Your export',
      completed: true,
    });
    expect(file?.content?.equals(content)).toBe(true);
    expect(slack.callsTo('files.getUploadURLExternal')[0]?.args).toMatchObject({
      filename: 'numbers.csv',
      length: String(content.length),
    });
  });

  it('refuses what Slack refuses: a file over the limit, an unknown or unfinished upload, a channel it cannot post in', async () => {
    expect(
      await errorOf(client.files.getUploadURLExternal({ filename: 'big.csv', length: 1001 })),
    ).toBe('file_upload_size_restricted');
    expect(
      await errorOf(client.files.getUploadURLExternal({ filename: 'empty.csv', length: 0 })),
    ).toBe('missing_argument');
    const started = await client.files.getUploadURLExternal({ filename: 'a.csv', length: 3 });
    // Not uploaded yet: nothing to complete.
    expect(
      await errorOf(
        client.files.completeUploadExternal({ files: [{ id: started.file_id ?? '' }] }),
      ),
    ).toBe('file_not_found');
    const posted = await fetch(started.upload_url ?? '', { method: 'POST', body: 'abc' });
    expect(posted.status).toBe(200);
    expect(
      await errorOf(
        client.files.completeUploadExternal({
          files: [{ id: started.file_id ?? '' }],
          channel_id: 'C0OUT',
        }),
      ),
    ).toBe('not_in_channel');
    // Without a channel the file stays private; and it completes only once.
    const done = await client.files.completeUploadExternal({
      files: [{ id: started.file_id ?? '' }],
    });
    expect(done.files?.[0]).toMatchObject({ id: started.file_id, name: 'a.csv', size: 3 });
    expect(slack.files.get(started.file_id ?? '')?.channel).toBeNull();
    expect(
      await errorOf(
        client.files.completeUploadExternal({ files: [{ id: started.file_id ?? '' }] }),
      ),
    ).toBe('file_not_found');
    expect(await errorOf(client.files.completeUploadExternal({ files: [{ id: 'FNOPE' }] }))).toBe(
      'file_not_found',
    );
  });

  it('refuses bytes that differ from the declared length', async () => {
    const started = await client.files.getUploadURLExternal({ filename: 'b.csv', length: 10 });
    await fetch(started.upload_url ?? '', { method: 'POST', body: 'short' });
    expect(
      await errorOf(
        client.files.completeUploadExternal({ files: [{ id: started.file_id ?? '' }] }),
      ),
    ).toBe('invalid_arguments');
  });
});
