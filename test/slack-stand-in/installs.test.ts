// The Slack stand-in's install flow and per-token workspaces, driven by the real
// @slack/web-api client: a code is traded once for a token that acts in its own workspace only,
// an org-wide token acts in the workspace each call names, and an uninstall revokes.
import { webApi } from '@slack/bolt';
import { type SlackStandIn, startSlackStandIn } from '../../src/slack-stand-in';
import { quietLogger } from '../support/slack-quiet-logger';

const APP = { clientId: '111.222', clientSecret: 'shh' };
const REDIRECT = 'https://rcnumber.test/slack/oauth_redirect';
let slack: SlackStandIn;
const logged: string[] = [];
const client = (token?: string) =>
  new webApi.WebClient(token, {
    slackApiUrl: slack.url,
    logger: quietLogger(logged),
    retryConfig: { retries: 0 },
  });
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: { data?: { error?: string } }) => error.data?.error,
  );

beforeAll(async () => {
  slack = await startSlackStandIn({
    teamId: 'T0001',
    users: [{ id: 'UANA' }],
    oauthClient: APP,
    strictTokens: true,
  });
  slack.addWorkspace({ teamId: 'T0002', teamName: 'Globex', users: [{ id: 'UBEN' }] });
  for (const teamId of ['T0003', 'T0004']) {
    slack.addWorkspace({ teamId, enterpriseId: 'E0001', users: [{ id: 'W0LENA' }] });
  }
});
afterAll(() => slack.close());

function authorizeUrl(scope = 'commands,chat:write'): string {
  const url = new URL('/oauth/v2/authorize', slack.url);
  url.search = new URLSearchParams({
    scope,
    client_id: APP.clientId,
    redirect_uri: REDIRECT,
    state: 'st-1',
  }).toString();
  return url.toString();
}

async function install(as: Parameters<SlackStandIn['approveInstall']>[1]) {
  const back = new URL(await slack.approveInstall(authorizeUrl(), as));
  expect(back.origin + back.pathname).toBe(REDIRECT);
  expect(back.searchParams.get('state')).toBe('st-1');
  const code = back.searchParams.get('code') ?? '';
  const answer = await client().oauth.v2.access({
    client_id: APP.clientId,
    client_secret: APP.clientSecret,
    code,
    redirect_uri: REDIRECT,
  });
  return { answer, code };
}

describe('Slack stand-in: install flow and per-token workspaces', () => {
  it('trades a code once for a bot token that acts in its own workspace only', async () => {
    const { answer, code } = await install({ teamId: 'T0002', userId: 'UBEN' });
    expect(answer).toMatchObject({
      ok: true,
      token_type: 'bot',
      team: { id: 'T0002', name: 'Globex' },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: 'UBEN' },
      scope: 'commands,chat:write',
    });
    const token = answer.access_token as string;
    expect(slack.botTokens({ teamId: 'T0002' })).toEqual([token]);
    const globex = client(token);
    expect((await globex.auth.test()).team_id).toBe('T0002');
    expect(await errorOf(globex.users.info({ user: 'UANA' }))).toBe('user_not_found');
    expect((await globex.users.info({ user: 'UBEN' })).user?.id).toBe('UBEN');
    expect(slack.callsTo('users.info').map((call) => call.teamId)).toEqual(['T0002', 'T0002']);
    // Spent: the same code again, or one never issued, is refused.
    const again = { client_id: APP.clientId, client_secret: APP.clientSecret, code };
    expect(await errorOf(client().oauth.v2.access(again))).toBe('invalid_code');
    const wrong = { ...again, code: 'made-up', client_secret: 'guess' };
    expect(await errorOf(client().oauth.v2.access(wrong))).toBe('bad_client_secret');
    expect(await errorOf(client('xoxb-made-up').auth.test())).toBe('invalid_auth');
    expect(await errorOf(client().auth.test())).toBe('not_authed');
  });

  it('lets an org-wide token act in the workspace each call names, within its organisation', async () => {
    const { answer } = await install({ enterpriseId: 'E0001', userId: 'W0LENA' });
    expect(answer).toMatchObject({
      team: null,
      enterprise: { id: 'E0001' },
      is_enterprise_install: true,
    });
    const token = answer.access_token as string;
    const org = await client(token).auth.test();
    expect(org).toMatchObject({ enterprise_id: 'E0001', is_enterprise_install: true });
    const east = new webApi.WebClient(token, { slackApiUrl: slack.url, teamId: 'T0003' });
    expect((await east.auth.test()).team_id).toBe('T0003');
    const outside = new webApi.WebClient(token, {
      slackApiUrl: slack.url,
      teamId: 'T0002',
      retryConfig: { retries: 0 },
    });
    expect(await errorOf(outside.auth.test())).toBe('team_access_not_granted');
  });

  it('revokes every token of a workspace on uninstall, and no other', async () => {
    const acme = (await install({ teamId: 'T0001', userId: 'UANA' })).answer.access_token;
    const globex = slack.botTokens({ teamId: 'T0002' })[0];
    expect(slack.uninstall({ teamId: 'T0001' })).toBe(1);
    expect(await errorOf(client(acme as string).auth.test())).toBe('token_revoked');
    expect((await client(globex).auth.test()).team_id).toBe('T0002');
  });

  it('installs only members of the workspace, and sends a cancel back as an error', async () => {
    await expect(
      slack.approveInstall(authorizeUrl(), { teamId: 'T0001', userId: 'UBEN' }),
    ).rejects.toThrow(/not_signed_in/);
    const denied = new URL(
      await slack.approveInstall(authorizeUrl(), { teamId: 'T0001', userId: 'UANA', deny: true }),
    );
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.has('code')).toBe(false);
  });
});
