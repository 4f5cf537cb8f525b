import { generateCompany } from '../../src/sandbox';
import { blockActionPayload, postBlockAction, postSlashCommand } from '../../src/slack-stand-in';
import { buttonValue } from '../support/buttons';
import {
  type Harness,
  PEOPLE,
  SIGNING_SECRET,
  shown,
  startHarness,
  TEAM_ID,
} from '../support/harness';

describe('the lookup modal', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
  });
  afterAll(async () => {
    await h.close();
  });

  it('opens a loading view at once, then the search box; Enter answers inside the modal', async () => {
    const sent = await postSlashCommand(h.appUrl, SIGNING_SECRET, {
      text: '',
      user_id: PEOPLE.john.id,
      team_id: TEAM_ID,
      response_url: h.slack.responseUrl('modal'),
    });
    expect(sent.status).toBe(200);
    const opened = await h.slack.waitFor('views.open');
    expect(JSON.stringify(opened.args.view)).toMatch(/Searching|Loading/i);
    const ready = await h.slack.waitFor('views.update', (args) =>
      JSON.stringify(args.view).includes('search_input'),
    );
    const viewId = String(ready.args.view_id);

    const payload = blockActionPayload({
      userId: PEOPLE.john.id,
      teamId: TEAM_ID,
      actionId: 'search_input',
      actionType: 'plain_text_input',
      value: '+1 650 331 6252',
      blockId: 'search_block',
      view: { id: viewId, type: 'modal', callback_id: 'lookup_modal' },
    });
    expect((await postBlockAction(h.appUrl, SIGNING_SECRET, payload)).status).toBe(200);
    const answered = await h.slack.waitFor(
      'views.update',
      (args) => args.view_id === viewId && JSON.stringify(args.view).includes('Ana Ruiz'),
    );
    expect(JSON.stringify(answered.args.view)).not.toContain('share_in_channel');
  });

  it('has a Forwarding button on an extension shown in the modal, answering inside it', async () => {
    const viewId = 'V_FWD';
    const extension = await h.command(PEOPLE.john.id, 'ext 104');
    const payload = blockActionPayload({
      userId: PEOPLE.john.id,
      teamId: TEAM_ID,
      actionId: 'show_forwarding',
      value: buttonValue(extension.blocks, 'show_forwarding'),
      view: { id: viewId, type: 'modal', callback_id: 'lookup_modal' },
    });
    expect((await postBlockAction(h.appUrl, SIGNING_SECRET, payload)).status).toBe(200);
    const answered = await h.slack.waitFor(
      'views.update',
      (args) => args.view_id === viewId && JSON.stringify(args.view).includes('+1 650 555 0123'),
    );
    expect(JSON.stringify(answered.args.view)).not.toContain('share_forwarding');
  });

  it('shows the link prompt inside the modal for a member who is not linked', async () => {
    await postSlashCommand(h.appUrl, SIGNING_SECRET, {
      text: '',
      user_id: PEOPLE.ben.id,
      team_id: TEAM_ID,
      response_url: h.slack.responseUrl('modal-ben'),
    });
    const update = await h.slack.waitFor('views.update', (args) =>
      JSON.stringify(args.view).includes('/oauth/ringcentral/start'),
    );
    expect(update.ok).toBe(true);
  });
});

describe('paging and progress on a large company', () => {
  let h: Harness;
  const company = generateCompany({ seed: 7, extensions: 400, numbers: 1200 });
  const admin = company.extensions.find((ext) => ext.isAdmin && ext.email);
  /** The three-digit start (after +) that most of the company's numbers share. */
  const commonStart = (() => {
    const counts = new Map<string, number>();
    for (const { phoneNumber } of company.phoneNumbers) {
      const start = phoneNumber.slice(0, 4);
      counts.set(start, (counts.get(start) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '+1650';
  })();

  afterEach(async () => {
    await h.close();
  });

  /** John's Slack profile carries the generated admin's email, so the link is his own. */
  const linkAdmin = async () => {
    h.slack.addUser({ id: PEOPLE.john.id, email: admin?.email, real_name: PEOPLE.john.name });
    const page = await h.link(PEOPLE.john.id, admin?.email ?? '');
    expect(page.status).toBe(200);
  };

  it('pages a long prefix list with Next and Previous', async () => {
    h = await startHarness({ sandbox: { company } });
    await linkAdmin();
    const first = await h.command(PEOPLE.john.id, `${commonStart}*`);
    const text = shown(first);
    const total = Number(text.match(/of (\d[\d,]*)/)?.[1]?.replace(/,/g, '') ?? 0);
    expect(total).toBeGreaterThan(20);
    const next = JSON.stringify(first.blocks).match(
      /"action_id":"page_next","value":"((?:[^"\\]|\\.)*)"/,
    );
    expect(next).not.toBeNull();
    const value = JSON.parse(`"${next?.[1]}"`);
    const pressed = await h.press(PEOPLE.john.id, 'page_next', value);
    const page2 = await h.slack.waitForResponse(pressed.responseId);
    expect(page2.body.replace_original).toBe(true);
    expect(shown(page2.body)).toMatch(/showing 21–/);
    expect(JSON.stringify(page2.body.blocks)).toContain('page_previous');

    // The same button edited to page through another query (or from another offset) does nothing.
    const mark = h.slack.calls.length;
    for (const edited of [
      value.replace(/"q":"[^"]*"/, '"q":"1"'),
      value.replace(/"o":\d+/, '"o":40'),
    ]) {
      expect(edited).not.toBe(value);
      const forged = await h.press(PEOPLE.john.id, 'page_next', edited);
      const refused = await h.slack.waitForResponse(forged.responseId);
      expect(shown(refused.body)).toContain('This button was changed; nothing was done.');
      expect(shown(refused.body)).not.toMatch(/showing \d/);
      expect(refused.body.replace_original).toBe(false);
      expect(h.slack.responses(forged.responseId)).toHaveLength(1);
    }
    expect(h.slack.calls.slice(mark).filter((c) => c.method === 'chat.postMessage')).toEqual([]);
  });

  it('shows progress when a cold listing needs more requests than the rate budget allows now', async () => {
    h = await startHarness({
      sandbox: {
        company,
        rateLimits: { Heavy: 1, Medium: 40, Light: 50, Auth: 50, windowSec: 1, penaltySec: 1 },
      },
    });
    await linkAdmin();
    // 1,200 numbers at 1,000 a page is 2 Heavy pages against a budget of 1 a second.
    const replies = await h.commandReplies(PEOPLE.john.id, `${commonStart}*`);
    expect(replies.length).toBeGreaterThanOrEqual(1);
    const last = replies[replies.length - 1];
    expect(shown(last ?? {})).toMatch(/showing 1–20 of/);
    expect(h.sandbox.countRequests({ status: 429 })).toBe(0);
  });
});
