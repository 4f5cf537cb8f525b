// response_urls served by the Slack stand-in: they record what is posted and wear out after five
// uses, as Slack's do.
import { type SlackStandIn, startSlackStandIn } from '../../src/slack-stand-in';

let slack: SlackStandIn;

beforeAll(async () => {
  slack = await startSlackStandIn();
});
afterAll(() => slack.close());
beforeEach(() => slack.reset());

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }).then(async (response) => ({ status: response.status, text: await response.text() }));

describe('Slack stand-in: response urls', () => {
  it('records JSON posts per id, in order, and answers 200 ok', async () => {
    const url = slack.responseUrl('cmd-1');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/response\/cmd-1$/);
    expect(await post(url, { text: 'one', response_type: 'ephemeral' })).toEqual({
      status: 200,
      text: 'ok',
    });
    await post(slack.responseUrl('other'), { text: 'elsewhere' });
    await post(url, { text: 'two', replace_original: true });
    expect(slack.responses('cmd-1').map((r) => r.body.text)).toEqual(['one', 'two']);
    expect(slack.responses()).toHaveLength(3);
  });

  it('hands out a fresh id when none is given', () => {
    expect(slack.responseUrl()).not.toBe(slack.responseUrl());
  });

  it('waits for a past or future post', async () => {
    const url = slack.responseUrl('wait');
    await post(url, { text: 'early' });
    expect((await slack.waitForResponse('wait')).body.text).toBe('early');
    const later = slack.waitForResponse('wait', (body) => body.text === 'late');
    await post(url, { text: 'late' });
    expect((await later).body.text).toBe('late');
    await expect(slack.waitForResponse('never', undefined, 30)).rejects.toThrow(/never/);
  });

  it('answers 404 used_url after five posts, and expired_url once expired', async () => {
    const url = slack.responseUrl('busy');
    for (let i = 1; i <= 5; i += 1) expect((await post(url, { text: `${i}` })).status).toBe(200);
    expect(await post(url, { text: '6' })).toEqual({ status: 404, text: 'used_url' });
    expect(slack.responses('busy')).toHaveLength(5);
    slack.expireResponseUrl('old');
    expect(await post(slack.responseUrl('old'), { text: 'x' })).toEqual({
      status: 404,
      text: 'expired_url',
    });
  });

  it('answers 400 invalid_payload for a body that is not a JSON object', async () => {
    expect(await post(slack.responseUrl('bad'), 'text=hello')).toEqual({
      status: 400,
      text: 'invalid_payload',
    });
    expect(slack.responses('bad')).toEqual([]);
  });
});
