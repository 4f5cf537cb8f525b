// "Who owns these numbers?" on a message with many numbers, within RingCentral's rate limits:
// a regular user's message past two numbers is answered from their own directory listing, read
// once, instead of one Heavy search per number (10 a minute per user); the answers are those of
// typed lookups. An administrator's shortcut is what it was.
import { identityKeyOf } from '../../src/ringcentral/user-session';
import { type Harness, PEOPLE, shown, startHarness, TEAM_ID } from '../support/harness';
import { onMessage } from '../support/shortcuts';

const SEARCH = /\/directory\/entries\/search$/;
const DIRECTORY_PAGES = /\/directory\/entries$/;
const ADMIN_SEARCH = /\/restapi\/v2\/accounts\/~\/phone-numbers/;
const ACCOUNT_NUMBERS = /\/account\/~\/phone-number$/;

/** Six numbers: John's, Ana's own, Ben's, Dev's, Lena's, and Lena's line hidden from the directory. */
const SIX = ['+1 650 331 6251', '+1 650 331 6252', '+1 650 331 6253', '+1 650 331 6254'];
SIX.push('+1 512 555 0108', '+1 512 555 0109');
const MESSAGE = `Who called? ${SIX.join(', ')}`;

/** An answer's words, without its buttons (signed values differ between two replies). */
const words = (text: string | undefined) => (text ?? '').replace(/\.$/, '');

describe('the message shortcut and the Heavy budget', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    await h.app.services.background.idle();
  }, 60_000);
  afterEach(() => h.close());

  /** Forgets what `userId` has cached, so the next question starts cold. */
  async function cold(userId: string): Promise<void> {
    await h.app.services.background.idle();
    const link = await h.links.getLink({ teamId: TEAM_ID, userId });
    h.app.services.cache.forgetIdentity(identityKeyOf(link?.identity ?? ({} as never)));
    h.sandbox.resetRequests();
  }

  /** Each number typed, one at a time, each cold: what the shortcut must say of it. */
  async function typedAnswers(userId: string): Promise<string[]> {
    const answers: string[] = [];
    for (const number of SIX) {
      await cold(userId);
      answers.push(words((await h.command(userId, number)).text));
    }
    return answers;
  }

  it('a regular user’s six numbers: one listing read, no Heavy search, every answer right', async () => {
    const typed = await typedAnswers(PEOPLE.ana.id);
    await cold(PEOPLE.ana.id);
    const { reply } = await onMessage(h, PEOPLE.ana.id, MESSAGE);
    expect(shown(reply)).toContain('6 phone numbers in that message');
    for (const answer of typed) expect(reply.text).toContain(answer);
    expect(reply.text).toContain('+1 650 331 6253 belongs to ext 105 Ben Okafor');
    expect(reply.text).toContain('+1 512 555 0108 belongs to ext 108 Lena Fischer');
    expect(reply.text).toContain('No number visible to you matches +1 512 555 0109');
    // Above two numbers, no search at all (the threshold allows two): the directory answers.
    expect(h.sandbox.countRequests({ path: SEARCH })).toBe(0);
    expect(h.sandbox.countRequests({ group: 'Heavy' })).toBe(0);
    // The sandbox's directory is one page: read once, not once per number.
    expect(h.sandbox.countRequests({ path: DIRECTORY_PAGES })).toBe(1);
    // The listing stays cached for Ana: her next question asks RingCentral nothing.
    await h.app.services.background.idle();
    h.sandbox.resetRequests();
    expect(words((await h.command(PEOPLE.ana.id, SIX[2] ?? '')).text)).toBe(typed[2]);
    expect(h.sandbox.countRequests()).toBe(0);
  });

  it('the listing read for one member answers nobody else, either way', async () => {
    await cold(PEOPLE.ana.id);
    const hidden = '+1 512 555 0109 belongs to ext 108 Lena Fischer';
    expect((await onMessage(h, PEOPLE.ana.id, MESSAGE)).reply.text).not.toContain(hidden);
    // John, an admin, on the same message: his own listing (he sees the hidden line), not Ana's.
    h.sandbox.resetRequests();
    expect((await onMessage(h, PEOPLE.john.id, MESSAGE)).reply.text).toContain(hidden);
    expect(h.sandbox.countRequests({ path: ACCOUNT_NUMBERS })).toBe(1);
    // And Ana again: still her own, cached listing, nothing of John's.
    await h.app.services.background.idle();
    h.sandbox.resetRequests();
    const again = (await onMessage(h, PEOPLE.ana.id, MESSAGE)).reply.text;
    expect(again).not.toContain(hidden);
    expect(again).toContain('No number visible to you matches +1 512 555 0109');
    expect(h.sandbox.countRequests({ path: DIRECTORY_PAGES })).toBe(0);
  });

  it('a regular user’s two numbers: answered by at most two searches, as typed', async () => {
    const typed = await typedAnswers(PEOPLE.ana.id);
    await cold(PEOPLE.ana.id);
    const { reply } = await onMessage(h, PEOPLE.ana.id, `${SIX[2]} or ${SIX[4]}`);
    expect(reply.text).toContain(typed[2]);
    expect(reply.text).toContain(typed[4]);
    expect(h.sandbox.countRequests({ path: SEARCH })).toBeGreaterThanOrEqual(1);
    expect(h.sandbox.countRequests({ path: SEARCH })).toBeLessThanOrEqual(2);
  });

  it('an admin’s three numbers: one targeted search each, no listing read (unchanged)', async () => {
    const three = SIX.slice(0, 3);
    await cold(PEOPLE.john.id);
    const { reply } = await onMessage(h, PEOPLE.john.id, three.join(', '));
    expect(shown(reply)).toContain('3 phone numbers in that message');
    expect(reply.text).toContain('+1 650 331 6253 belongs to ext 105 Ben Okafor');
    expect(h.sandbox.countRequests({ path: ADMIN_SEARCH })).toBe(3);
    expect(h.sandbox.countRequests({ path: ACCOUNT_NUMBERS })).toBe(0);
  });

  it('an admin’s six numbers: the account’s listing, read once, answers them all (unchanged)', async () => {
    const typed = await typedAnswers(PEOPLE.john.id);
    await cold(PEOPLE.john.id);
    const { reply } = await onMessage(h, PEOPLE.john.id, MESSAGE);
    for (const answer of typed) expect(reply.text).toContain(answer);
    // An admin sees Lena's hidden line; a regular user does not.
    expect(reply.text).toContain('+1 512 555 0109 belongs to ext 108 Lena Fischer');
    expect(h.sandbox.countRequests({ path: ADMIN_SEARCH })).toBe(0);
    expect(h.sandbox.countRequests({ path: ACCOUNT_NUMBERS })).toBe(1);
  });
});
