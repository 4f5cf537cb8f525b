// "Who owns these numbers?" on a message, through the real app: every number found is answered
// for the member who clicked, under their own token, in the same words and with the same
// visibility as if they had typed it; dates and order numbers are not numbers.
import { ActionIds } from '../../src/blocks/ids';
import {
  type Harness,
  linkUrlOf,
  memberOfConnectUrl,
  PEOPLE,
  shown,
  startHarness,
} from '../support/harness';
import { globalShortcut, onMessage } from '../support/shortcuts';

const MESSAGE =
  'Missed calls today: +1 650 331 6253 (Ben?), 650-331-6299 and (415) 555-0100. ' +
  'Re order #6503316251 of 2024-05-01 at 10:30.';
const DIRECT = '+1 650 331 6253';
const COMPANY = '+1 650 331 6299';
const UNKNOWN = '+1 415 555 0100';

describe('the message shortcut "Who owns these numbers?"', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
  }, 60_000);
  afterAll(() => h.close());

  it('answers an admin every number of the message in a typed lookup’s words', async () => {
    const { ack, reply } = await onMessage(h, PEOPLE.john.id, MESSAGE);
    expect(ack).toBe(200);
    expect(reply.response_type).toBe('ephemeral');
    const text = shown(reply);
    expect(text).toContain('3 phone numbers in that message');
    expect(text).toContain(`${DIRECT} belongs to ext 105 Ben Okafor`);
    expect(text).toContain(`${COMPANY} is not assigned to an extension`);
    expect(text).toContain(`No number visible to you matches ${UNKNOWN}.`);
    // The order number and the date are no phone numbers.
    expect(text).not.toMatch(/6251|2024|10:30/);
    // Ben has Do not disturb on, and the admin may see it.
    expect(text).toContain('_Do not disturb_');
    for (const number of [DIRECT, COMPANY, UNKNOWN]) {
      const typed = await h.command(PEOPLE.john.id, number);
      expect(reply.text).toContain(typed.text?.replace(/\.$/, ''));
    }
  });

  it('answers a regular user with what RingCentral shows regular users, nothing more', async () => {
    const { reply } = await onMessage(h, PEOPLE.ana.id, MESSAGE);
    const text = shown(reply);
    expect(text).toContain(`${DIRECT} belongs to ext 105 Ben Okafor`);
    // A company number with no extension is not in the directory a regular user reads.
    expect(text).toContain(`No number visible to you matches ${COMPANY}.`);
    expect(text).not.toContain('CompanyNumber');
    expect(text).toContain(`No number visible to you matches ${UNKNOWN}.`);
    expect(text).toContain('RingCentral shows regular users only the direct numbers');
    for (const number of [DIRECT, COMPANY, UNKNOWN]) {
      const typed = await h.command(PEOPLE.ana.id, number);
      expect(reply.text).toContain(typed.text?.replace(/\.$/, ''));
    }
  });

  it('gives each number a Call button and the owner’s buttons, signed for the clicker only', async () => {
    const { reply } = await onMessage(h, PEOPLE.ana.id, MESSAGE);
    const buttons = (reply.blocks ?? [])
      .flatMap((block) => (block.elements as Array<Record<string, string>> | undefined) ?? [])
      .filter((element) => element.type === 'button');
    const calls = buttons.filter((b) => b.action_id === ActionIds.call).map((b) => b.url);
    expect(calls).toEqual([
      'https://app.ringcentral.com/r/call?number=%2B16503316253',
      'https://app.ringcentral.com/r/call?number=%2B16503316299',
      'https://app.ringcentral.com/r/call?number=%2B14155550100',
    ]);
    const numbers = buttons.find((b) => b.action_id === ActionIds.showNumbers);
    expect(numbers?.value).toBeDefined();
    // John pressing Ana's button gets nothing of hers.
    const { responseId } = await h.press(
      PEOPLE.john.id,
      ActionIds.showNumbers,
      numbers?.value ?? '',
    );
    const refusal = await h.slack.waitForResponse(responseId);
    expect(shown(refusal.body)).toMatch(/made for someone else|not for you|someone else/i);
  });

  it('asks a member who is not linked to connect, with a button bound to that member', async () => {
    const { reply } = await onMessage(h, PEOPLE.ben.id, MESSAGE);
    const url = linkUrlOf(reply) ?? '';
    expect(url).toContain('/oauth/ringcentral/start?t=');
    expect(await memberOfConnectUrl(h, url)).toBe(PEOPLE.ben.id);
    expect(shown(reply)).not.toContain('650');
  });

  it('reads numbers Slack linked, and not digits inside links, mentions or ids', async () => {
    const text =
      'From <tel:+16503316253|650 331 6253>, see <https://shop.example/orders/6503316252|the order> ' +
      'and <@U0123456789> <!here> ticket #6503316251';
    const { reply } = await onMessage(h, PEOPLE.ana.id, text);
    expect(shown(reply)).toContain('1 phone number in that message');
    expect(reply.text).toContain(`${DIRECT} belongs to ext 105 Ben Okafor`);
    expect(shown(reply)).not.toMatch(/6252|6251|U0123456789|<!here>/);
  });

  it('reads the numbers an app put in its message’s blocks, not only the fallback text', async () => {
    const blocks = [
      { type: 'section', text: { type: 'mrkdwn', text: `Missed call from *${DIRECT}*` } },
      { type: 'actions', elements: [{ type: 'button', action_id: 'cb', value: '+14155550100' }] },
    ];
    const { reply } = await onMessage(h, PEOPLE.john.id, 'New missed call', blocks);
    const text = shown(reply);
    expect(text).toContain(`${DIRECT} belongs to ext 105 Ben Okafor`);
    // A button's value is shown to nobody: not a number of the message.
    expect(text).not.toContain(UNKNOWN);
  });

  it('says so when a message has no phone number', async () => {
    const { reply } = await onMessage(
      h,
      PEOPLE.ana.id,
      'Lunch at 12:30 on 2024-05-01? Order #123456.',
    );
    expect(reply.text).toBe('No phone numbers found in that message.');
  });

  it('answers the first 20 of hundreds and says how many were left, in one listing read', async () => {
    const many = Array.from({ length: 250 }, (_, i) => `+1 650 555 ${String(1000 + i)}`);
    const text = `${DIRECT}, ${many.join(', ')} and 12345 67 890 and 1.2.3.4`;
    h.sandbox.resetRequests();
    const { reply } = await onMessage(h, PEOPLE.john.id, text);
    expect(shown(reply)).toContain('251 phone numbers in that message');
    expect(shown(reply)).toContain('and 231 more');
    const answered = (reply.text ?? '').match(/No number visible to you matches|belongs to/g) ?? [];
    expect(answered).toHaveLength(20);
    expect((reply.blocks ?? []).length).toBeLessThanOrEqual(50);
    // Twenty numbers are not twenty Heavy searches: the admin's listing answers them all.
    expect(h.sandbox.countRequests({ path: /\/restapi\/v2\/accounts\/~\/phone-numbers/ })).toBe(0);
    expect(h.sandbox.countRequests({ group: 'Heavy' })).toBeLessThanOrEqual(1);
  });

  it('the global shortcut "Look up a number" opens the lookup modal', async () => {
    const { ack, triggerId } = await globalShortcut(h, PEOPLE.ana.id);
    expect(ack).toBe(200);
    const opened = await h.slack.waitFor('views.open', (args) => args.trigger_id === triggerId);
    expect(opened.args.view?.callback_id).toBe('lookup_modal');
  });
});

/** Whose Slack account a Connect button is for: its token is opaque; the store knows. */
