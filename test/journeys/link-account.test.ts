// One Slack workspace links to one RingCentral account: RC_ACCOUNT_ID when set, else the
// account of the workspace's first link. A sign-in from another company's account (even one
// whose email matches the Slack member) links nothing.
import { partnerCompany } from '../../src/sandbox';
import { type Harness, linkUrlOf, PEOPLE, startHarness, TEAM_ID } from '../support/harness';

const MIA = { id: 'UMIA', email: 'mia.chen@northwind.example', real_name: 'Mia Chen' };
const mia = { teamId: TEAM_ID, userId: MIA.id };
const john = { teamId: TEAM_ID, userId: PEOPLE.john.id };

async function start(env: Record<string, string> = {}): Promise<Harness> {
  const h = await startHarness({ sandbox: { otherCompanies: [partnerCompany()] }, env });
  h.slack.addUser(MIA);
  return h;
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('the workspace’s one RingCentral account', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('is the first link’s: a later sign-in from another account is refused', async () => {
    h = await start();
    expect((await h.link(PEOPLE.john.id, 'john.smith@example.com')).status).toBe(200);
    const page = await h.link(MIA.id, MIA.email);
    expect(page.status).toBe(403);
    expect(text(page.html)).toContain(
      'this Slack workspace uses MyCompany Inc. (RingCentral account 159048008), and you signed in to another one, Northwind Traders (RingCentral account 400123008).',
    );
    expect(await h.links.getLink(mia)).toBeNull();
    expect(h.sandbox.countRequests({ path: /oauth\/revoke/, extensionId: '400123008' })).toBe(1);
    const note = h.slack.responses().find((r) => /another company/.test(r.body.text ?? ''));
    expect(note?.body.text).toContain('this workspace uses MyCompany Inc.');
    expect(h.logs.join('')).toMatch(/"reason":"other_account"[^\n]*"pinnedAccountId":"159048008"/);
  });

  it('is whichever account links first, and LINK_EMAIL_MATCH=confirm does not open it', async () => {
    h = await start({ LINK_EMAIL_MATCH: 'confirm' });
    expect((await h.link(MIA.id, MIA.email)).status).toBe(200);
    const page = await h.link(PEOPLE.john.id, 'john.smith@example.com');
    expect(page.status).toBe(403);
    expect(text(page.html)).toContain('this Slack workspace uses Northwind Traders');
    // A forwarded button signed in from the other account gets no second page either.
    const button = linkUrlOf(await h.command(PEOPLE.ana.id, 'link')) ?? '';
    const callback = await h.sandbox.approve(
      await h.authorizeUrl(button),
      'john.smith@example.com',
    );
    const forwarded = await h.openCallback(callback);
    expect(forwarded.status).toBe(403);
    expect(forwarded.html).not.toContain('name="p"');
    expect(await h.links.getLink(john)).toBeNull();
  });

  it('is RC_ACCOUNT_ID when set, before any link is made', async () => {
    h = await start({ RC_ACCOUNT_ID: '159048008' });
    const first = await h.link(MIA.id, MIA.email);
    expect(first.status).toBe(403);
    expect(text(first.html)).toContain('this Slack workspace uses RingCentral account 159048008');
    expect(await h.links.getLink(mia)).toBeNull();
    expect((await h.link(PEOPLE.john.id, 'john.smith@example.com')).status).toBe(200);
    // The company's name is learnt from its first link.
    expect(text((await h.link(MIA.id, MIA.email)).html)).toContain(
      'uses MyCompany Inc. (RingCentral account 159048008)',
    );
  });

  it('holds when two accounts link at once: exactly one wins', async () => {
    h = await start();
    const pages = await Promise.all([
      h.link(PEOPLE.john.id, 'john.smith@example.com'),
      h.link(MIA.id, MIA.email),
    ]);
    expect(pages.map((p) => p.status).sort()).toEqual([200, 403]);
    const links = [await h.links.getLink(john), await h.links.getLink(mia)];
    expect(links.filter(Boolean)).toHaveLength(1);
    const pin = await h.links.getWorkspaceAccount(TEAM_ID);
    expect(pin?.accountId).toBe(links.find(Boolean)?.identity.accountId);
  });
});
