/**
 * What RingCentral's directory says beyond names and numbers, and inputs its spec rules out:
 * entries and numbers marked `hidden` never reach regular users (admins still see them), an
 * entry's site and a federated account's name show where RingCentral gives them, an extension
 * number longer than the spec allows is answered without a request, and a 400 RingCentral gives
 * anyway is logged with its code and answered in plain words.
 */
import { type Harness, PEOPLE, shown, startHarness } from '../support/harness';

describe('directory details and inputs the spec rules out', () => {
  let h: Harness;
  const ask = async (userId: string, text: string) => shown(await h.command(userId, text));
  beforeAll(async () => {
    h = await startHarness();
    await h.link(PEOPLE.john.id, 'john.smith@example.com');
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    // Each link publishes its member's Home tab (reading their own numbers): done before counting.
    for (const userId of [PEOPLE.john.id, PEOPLE.ana.id]) {
      await h.slack.waitFor('views.publish', (args) => args.user_id === userId);
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers an extension number over 8 digits without asking RingCentral', async () => {
    for (const userId of [PEOPLE.john.id, PEOPLE.ana.id]) {
      h.sandbox.resetRequests();
      expect(await ask(userId, 'ext 1234567890')).toMatch(/There is no extension 1234567890/);
      expect(await ask(userId, 'fwd ext 123456789')).toMatch(/There is no extension 123456789/);
      expect(await ask(userId, 'numbers ext 123456789')).toMatch(/no extension 123456789/);
      expect(h.sandbox.countRequests({ path: /^\/restapi\/v/ })).toBe(0);
    }
  });

  it('answers a 400 from RingCentral as a refusal, and logs its errorCode', async () => {
    h.sandbox.faults.next({ status: 400, errorCode: 'CMN-115', path: /\/extension$/ });
    const reply = await ask(PEOPLE.john.id, 'ext 105');
    expect(reply).toContain('RingCentral refused this request.');
    expect(reply).not.toMatch(/\bat .+:\d+:\d+|CMN-115/);
    const logged = h.logs.find((line) => line.includes('RingCentral refused a request'));
    expect(logged).toContain('"errorCode":"CMN-115"');
    expect(logged).toContain(PEOPLE.john.id);
  });

  it('never shows a regular user an entry or a number hidden from the directory', async () => {
    // Rosa Lind (112) is hidden; Lena's second line, +1 512 555 0109, is hidden.
    for (const hidden of ['+1 512 555 0112', '+1 512 555 0109']) {
      const ana = await ask(PEOPLE.ana.id, hidden);
      expect(ana).toMatch(/No number visible to you/i);
      expect(ana).not.toMatch(/Rosa|Lena/);
    }
    expect(await ask(PEOPLE.ana.id, '1512*')).not.toMatch(/0112|0109|Rosa/);
    expect(await ask(PEOPLE.ana.id, 'find rosa')).not.toContain('Rosa Lind');
    expect(await ask(PEOPLE.ana.id, 'ext 112')).toMatch(/No extension 112/);
    const lena = await ask(PEOPLE.ana.id, 'numbers ext 108');
    expect(lena).toContain('+1 512 555 0108');
    expect(lena).not.toContain('+1 512 555 0109');
    // Administrators see what RingCentral shows them.
    expect(await ask(PEOPLE.john.id, '+1 512 555 0112')).toContain('Rosa Lind');
    expect(await ask(PEOPLE.john.id, '+1 512 555 0109')).toContain('Lena Fischer');
    expect(await ask(PEOPLE.john.id, 'find rosa')).toContain('Rosa Lind');
    expect(await ask(PEOPLE.john.id, 'numbers ext 108')).toContain('+1 512 555 0109');
  });

  it('names the site, and a federated account, where RingCentral gives them', async () => {
    expect(await ask(PEOPLE.ana.id, '+1 512 555 0108')).toMatch(
      /Lena Fischer · User · Austin Office/,
    );
    expect(await ask(PEOPLE.john.id, 'ext 108')).toMatch(/Site[\s\S]*Austin Office/);
    const federated = await ask(PEOPLE.ana.id, '+1 310 555 0201');
    expect(federated).toContain('Kim Lee');
    expect(federated).toContain('MyCompany West (federated)');
    // `ext 201` means the asker's own account, not the federated one.
    expect(await ask(PEOPLE.ana.id, 'ext 201')).toMatch(/No extension 201/);
  });
});
