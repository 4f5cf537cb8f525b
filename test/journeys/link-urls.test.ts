// A Connect button's URL travels: it is forwarded, pasted, previewed. It and every page of the
// flow carry an opaque token only: no Slack response_url (which would let anyone post as the
// app into the member's conversation for half an hour) and no channel id.
import { ActionIds } from '../../src/blocks/ids';
import { appHomeOpenedEvent, postEvent, postSlashCommand } from '../../src/slack-stand-in';
import { buttonByAction } from '../blocks/helpers';
import {
  browserPost,
  confirmForm,
  type Harness,
  linkUrlOf,
  PEOPLE,
  SIGNING_SECRET,
  startHarness,
  TEAM_ID,
} from '../support/harness';

const CHANNEL = 'C0SECRETCH';

/** Every form in which a response_url or channel id could be spelled out. */
function secretsOf(responseUrl: string): string[] {
  const url = new URL(responseUrl);
  return [
    responseUrl,
    encodeURIComponent(responseUrl),
    url.host,
    url.pathname,
    CHANNEL,
    Buffer.from(responseUrl).toString('base64url').slice(0, 16),
    Buffer.from(CHANNEL).toString('base64url'),
  ];
}

function expectClean(what: string, secrets: string[]): void {
  for (const secret of secrets)
    expect({ what, leaks: what.includes(secret) && secret }).toEqual({ what, leaks: false });
}

describe('what Connect URLs and linking pages carry', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it.each(['required', 'confirm'])(
    'neither the button, nor its pages, nor the redirect carry the response_url or channel (LINK_EMAIL_MATCH=%s)',
    async (mode) => {
      h = await startHarness({ env: { LINK_EMAIL_MATCH: mode } });
      const responseUrl = h.slack.responseUrl(`secret-${mode}`);
      await postSlashCommand(h.appUrl, SIGNING_SECRET, {
        text: 'link',
        user_id: PEOPLE.ana.id,
        team_id: TEAM_ID,
        channel_id: CHANNEL,
        response_url: responseUrl,
      });
      const prompt = await h.slack.waitForResponse(`secret-${mode}`);
      const secrets = secretsOf(responseUrl);
      const button = linkUrlOf(prompt.body) ?? '';
      const token = new URL(button).searchParams.get('t') ?? '';
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expectClean(button, secrets);
      expectClean(Buffer.from(token, 'base64url').toString('latin1'), secrets);

      const page = await (await fetch(button)).text();
      expectClean(page, secrets);
      const form = confirmForm(page);
      const started = await fetch(form?.action ?? '', {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...browserPost(h.appUrl),
        },
        body: new URLSearchParams({ t: form?.token ?? '' }).toString(),
      });
      const authorize = started.headers.get('location') ?? '';
      expectClean(authorize, secrets);
      expectClean(started.headers.get('set-cookie') ?? '', secrets);

      // A matching sign-in's page, and (in confirm mode) the second page of a forwarded one.
      const who = mode === 'confirm' ? 'john.smith@example.com' : 'ana.ruiz@example.com';
      const callback = await h.authorizeUrl(button).then((url) => h.sandbox.approve(url, who));
      expectClean(callback, secrets);
      const landing = await h.openCallback(callback);
      expect(landing.status).toBe(200);
      expectClean(landing.html, secrets);
      if (mode === 'confirm') expectClean((await h.decide(landing)).html, secrets);
      // The confirmation still replaces the prompt where Ana asked: the store kept where.
      const confirmed = await h.slack.waitForResponse(`secret-${mode}`, (body) =>
        /Linked as/.test(body.text ?? ''),
      );
      expect(confirmed.body.replace_original).toBe(true);
    },
  );

  it('a Home tab button, made without a response_url, links and confirms by DM', async () => {
    h = await startHarness();
    await postEvent(
      h.appUrl,
      SIGNING_SECRET,
      appHomeOpenedEvent({ userId: PEOPLE.ana.id, tab: 'home' }),
    );
    const published = await h.slack.waitFor(
      'views.publish',
      (args) => args.user_id === PEOPLE.ana.id,
    );
    const [connect] = buttonByAction(published.args.view as never, ActionIds.connect);
    const token = new URL(connect?.url ?? '').searchParams.get('t') ?? '';
    expect(await h.app.services.connectTokens.resolve(token)).toMatchObject({
      userId: PEOPLE.ana.id,
      channelId: null,
      responseUrl: null,
    });
    const callback = await h.sandbox.approve(
      await h.authorizeUrl(connect?.url ?? ''),
      'ana.ruiz@example.com',
    );
    expect((await h.openCallback(callback)).status).toBe(200);
    const dm = await h.slack.waitFor(
      'chat.postMessage',
      (args) => args.channel === PEOPLE.ana.id && /Linked as Ana Ruiz/.test(args.text ?? ''),
    );
    expect(dm.ok).toBe(true);
  });
});
