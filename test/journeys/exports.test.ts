// Exports: a spreadsheet of what the asker's own token can see, in their DM. An admin's and a
// regular user's differ as their views do; cells that could run as formulas are defused; an
// export too large for one file is split, and one too large for the parts allowed says why.
import type { SlackFile } from '../../src/slack-stand-in';
import { type Harness, PEOPLE, shown, startHarness } from '../support/harness';

/** The rows of a CSV the app made (no quoted newlines in these), without the BOM. */
function rowsOf(file: SlackFile | undefined): string[][] {
  const text = file?.content?.toString('utf8') ?? '';
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

describe('exports to the asker’s DM', () => {
  let h: Harness;
  const { john, ana } = PEOPLE;

  beforeAll(async () => {
    h = await startHarness();
    await h.link(john.id, john.email);
    await h.link(ana.id, ana.email);
  });
  afterAll(async () => {
    await h.close();
  });

  /** The file the app last sent to this member's DM under this name. */
  function fileFor(userId: string, filename: string): SlackFile | undefined {
    return [...h.slack.files.values()]
      .filter((file) => file.filename === filename && file.completed)
      .filter((file) => h.slack.channels.get(file.channel ?? '')?.user === userId)
      .pop();
  }

  it('an admin’s numbers and a regular user’s differ as their views do', async () => {
    expect(shown(await h.command(john.id, 'export numbers'))).toMatch(
      /Sent to your DM: rcnumber-numbers\.csv \(\d+ rows\)/,
    );
    expect(shown(await h.command(ana.id, 'export numbers', { channelId: 'C0001' }))).toContain(
      'Sent to your DM',
    );
    const admin = rowsOf(fileFor(john.id, 'rcnumber-numbers.csv'));
    const regular = rowsOf(fileFor(ana.id, 'rcnumber-numbers.csv'));
    expect(admin[0]).toEqual([
      'Number (E.164)',
      'Number (national)',
      'Country',
      'Usage type',
      'Call type',
      'Payment type',
      'Features',
      'Label',
      'Extension',
      'Owner',
      'Owner type',
      'Owner email',
      'Site',
      'Federated account',
    ]);
    const numbers = (rows: string[][]) => rows.slice(1).map((row) => row[0]);
    // E.164 starts with '+', so it is defused like any cell that could be a formula.
    expect(numbers(admin)).toContain("'+16503316252");
    // Lena's second line is hidden from the directory; a forwarded number and a company
    // number belong to no one in it: an admin sees them, a regular user does not.
    const adminOnly = ["'+15125550109", "'+17869876543", "'+16503316299"];
    expect(numbers(admin)).toEqual(expect.arrayContaining(adminOnly));
    for (const number of adminOnly) expect(numbers(regular)).not.toContain(number);
    // Everyone's direct numbers are in both.
    expect(numbers(regular)).toEqual(expect.arrayContaining(["'+16503316251", "'+16503316253"]));

    const row = (rows: string[][], e164: string) => rows.find((r) => r[0] === `'${e164}`) ?? [];
    // John's direct number: features for the admin, none shown to Ana (not her own number).
    expect(row(admin, '+16503316251').slice(1, 10)).toEqual([
      '(650) 331-6251',
      'US',
      'DirectNumber',
      'VoiceFax',
      'Local',
      'CallerId; SmsSender',
      '',
      '101',
      'John Smith',
    ]);
    expect(row(regular, '+16503316251')[6]).toBe('');
    // Ana's own number comes to her complete.
    expect(row(regular, '+16503316252')[6]).toBe('CallerId; SmsSender');
    // Never to the channel the command came from.
    const posted = [...h.slack.files.values()].map((file) => file.channel);
    expect(posted).not.toContain('C0001');
  });

  it('forwarding: every user’s list for an admin, only one’s own for a regular user', async () => {
    await h.command(john.id, 'export forwarding');
    await h.command(ana.id, 'export fwd');
    const admin = rowsOf(fileFor(john.id, 'rcnumber-forwarding.csv'));
    const regular = rowsOf(fileFor(ana.id, 'rcnumber-forwarding.csv'));
    expect(admin[0]).toEqual([
      'Extension',
      'Name',
      'Email',
      'Label',
      'Number (E.164)',
      'Number (national)',
      'Type',
      'Features',
      'Flip order',
      'Personal',
      'Note',
    ]);
    const extensions = (rows: string[][]) => [...new Set(rows.slice(1).map((r) => r[0]))];
    expect(extensions(admin)).toEqual(expect.arrayContaining(['101', '104', '105', '107', '108']));
    expect(extensions(regular)).toEqual(['104']);
    const mobile = regular.find((r) => r[4] === "'+16505550123");
    expect(mobile?.slice(3, 10)).toEqual([
      'Mobile',
      "'+16505550123",
      '(650) 555-0123',
      'Mobile',
      'CallForwarding; CallFlip',
      '2',
      'yes',
    ]);
    // Lena is on the new call-handling backend: her list is read there.
    expect(admin.some((r) => r[0] === '108' && r[4] === "'+14155550142")).toBe(true);
  });

  it('shows progress while a slow account is read, then the answer', async () => {
    h.sandbox.faults.delayMs = 400;
    try {
      const replies = await h.commandReplies(john.id, 'export forwarding');
      const progress = replies.filter((body) => /… \d{1,3}%$/.test(body.text ?? ''));
      expect(progress.length).toBeGreaterThan(0);
      expect(progress[0]?.text).toMatch(/^Collecting (forwarding lists|extensions|numbers)/);
      expect(replies.at(-1)?.text).toContain('Sent to your DM: rcnumber-forwarding.csv');
    } finally {
      h.sandbox.faults.delayMs = 0;
    }
  });

  it('defuses a label that would run as a formula in a spreadsheet', async () => {
    const john101 = h.sandbox.company.extensions.find((e) => e.extensionNumber === '101');
    const entry = john101?.forwarding?.[1];
    if (!entry) throw new Error('no forwarding entry to edit');
    const label = entry.label;
    entry.label = '=HYPERLINK("http://evil.example","click")';
    try {
      await h.command(john.id, 'export forwarding');
      const text = fileFor(john.id, 'rcnumber-forwarding.csv')?.content?.toString('utf8') ?? '';
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
      expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    } finally {
      entry.label = label;
    }
  });
});

describe('exports too large for one file', () => {
  it('are split into parts, each with the header', async () => {
    const h = await startHarness({ deps: { exports: { maxRowsPerFile: 5, maxFiles: 10 } } });
    try {
      await h.link(PEOPLE.john.id, PEOPLE.john.email);
      const reply = shown(await h.command(PEOPLE.john.id, 'export numbers'));
      expect(reply).toMatch(
        /rcnumber-numbers-part-1-of-(\d+)\.csv, rcnumber-numbers-part-2-of-\1\.csv/,
      );
      const parts = [...h.slack.files.values()];
      expect(parts.length).toBeGreaterThan(1);
      expect(h.slack.callsTo('files.completeUploadExternal')).toHaveLength(1);
      for (const part of parts) {
        const rows = rowsOf(part);
        expect(rows[0]?.[0]).toBe('Number (E.164)');
        expect(rows.length - 1).toBeLessThanOrEqual(5);
      }
    } finally {
      await h.close();
    }
  });

  it('say why when even the parts allowed cannot hold them, and send nothing', async () => {
    const h = await startHarness({ deps: { exports: { maxRowsPerFile: 2, maxFiles: 2 } } });
    try {
      await h.link(PEOPLE.john.id, PEOPLE.john.email);
      const reply = shown(await h.command(PEOPLE.john.id, 'export numbers'));
      expect(reply).toMatch(/This export has \d+ rows, more than the 4 that fit in 2 files/);
      expect(h.slack.callsTo('files.getUploadURLExternal')).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('say why when Slack refuses the file', async () => {
    const h = await startHarness();
    try {
      await h.link(PEOPLE.ana.id, PEOPLE.ana.email);
      h.slack.failNext('files.getUploadURLExternal', 'file_uploads_disabled');
      const reply = shown(await h.command(PEOPLE.ana.id, 'export numbers'));
      expect(reply).toContain('Your Slack workspace does not allow file uploads');
    } finally {
      await h.close();
    }
  });
});
