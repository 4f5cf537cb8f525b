import { type Command, parseCommand, USAGE } from '../../src/grammar/parse-command';

describe('parseCommand: words', () => {
  it.each<[string, Command]>([
    ['', { kind: 'modal' }],
    ['   ', { kind: 'modal' }],
    ['help', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
    ['  Help  ', { kind: 'help' }],
    ['help ext', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['link', { kind: 'link' }],
    ['Link', { kind: 'link' }],
    ['unlink', { kind: 'unlink' }],
    ['me', { kind: 'me' }],
    ['company', { kind: 'company' }],
    ['COMPANY', { kind: 'company' }],
  ])('%j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });
});

describe('parseCommand: phone numbers and digits are lookups', () => {
  it.each([
    ['+1 (650) 331-6252', '+1 (650) 331-6252'],
    ['650.331.6252', '650.331.6252'],
    ['16503316252', '16503316252'],
    ['  (650) 331 6252 ', '(650) 331 6252'],
    ['+44 20 7946 0958', '+44 20 7946 0958'],
    ['1650', '1650'],
    ['650331', '650331'],
    ['1650*', '1650*'],
    ['+1650*', '+1650*'],
    ['+44 20*', '+44 20*'],
    ['101', '101'],
    // Slack turns numbers it recognises into tel: links; the user meant what they typed.
    ['<tel:+16503316252|+1 650 331 6252>', '+1 650 331 6252'],
    ['<tel:+16503316252>', '+16503316252'],
  ])('%j looks up %j', (text, query) => {
    expect(parseCommand(text)).toEqual({ kind: 'lookup', query });
  });

  it.each([
    ['*', /lone `\*`/],
    ['**', /lone `\*`/],
    ['+', /phone number/],
    ['12', /at least 3 digits/],
    ['16*50', /only at the end/],
    ['1234567890123456', /at most 15 digits/],
  ])('%j is turned away with the reason', (text, reason) => {
    const command = parseCommand(text);
    expect(command.kind).toBe('invalid');
    if (command.kind === 'invalid') expect(command.message).toMatch(reason);
  });
});

describe('parseCommand: extensions', () => {
  it.each([
    ['ext 101', '101'],
    ['ext101', '101'],
    ['EXT 101', '101'],
    ['x101', '101'],
    ['X 101', '101'],
    ['ext. 101', '101'],
    ['ext #101', '101'],
    ['extension 101', '101'],
    ['Extension101', '101'],
    ['ext 0', '0'],
    ['  ext   4001  ', '4001'],
  ])('%j is extension %s', (text, number) => {
    expect(parseCommand(text)).toEqual({ kind: 'extension', number });
  });

  it.each([
    ['ext', '`ext` needs a number, like `ext 101`.'],
    ['extension', '`ext` needs a number, like `ext 101`.'],
    ['ext abc', '`ext` needs a number, like `ext 101`.'],
    ['ext 12345678901', '`ext` needs a number, like `ext 101`.'],
    ['ext 101 102', 'One extension at a time, like `ext 101`.'],
    ['x101 x102', 'One extension at a time, like `ext 101`.'],
  ])('%j is refused', (text, message) => {
    expect(parseCommand(text)).toEqual({ kind: 'invalid', message });
  });
});

describe('parseCommand: find', () => {
  it.each([
    ['find ana', 'ana'],
    ['FIND Ana Lopez', 'Ana Lopez'],
    ['find   ana    lopez ', 'ana lopez'],
    ['find ana@example.com', 'ana@example.com'],
    // Slack links emails it recognises and escapes the user's own & < >.
    ['find <mailto:ana@example.com|ana@example.com>', 'ana@example.com'],
    ['find Smith &amp; Sons', 'Smith & Sons'],
    ['find &lt;script&gt;', '<script>'],
    ["find '; DROP TABLE links; --", "'; DROP TABLE links; --"],
    ['find 101', '101'],
  ])('%j searches for %j', (text, query) => {
    expect(parseCommand(text)).toEqual({ kind: 'find', text: query });
  });

  it.each([
    ['find', '`find` needs a name or email, like `find ana`.'],
    ['find    ', '`find` needs a name or email, like `find ana`.'],
    ['find <@U123|ana>', "To see a Slack user's numbers, use `numbers @ana`."],
  ])('%j is refused', (text, message) => {
    expect(parseCommand(text)).toEqual({ kind: 'invalid', message });
  });
});

describe('parseCommand: numbers and forwarding', () => {
  it.each<[string, Command]>([
    ['numbers', { kind: 'numbers', target: { kind: 'self' } }],
    ['Numbers me', { kind: 'numbers', target: { kind: 'self' } }],
    ['numbers ext 101', { kind: 'numbers', target: { kind: 'extension', number: '101' } }],
    ['numbers x101', { kind: 'numbers', target: { kind: 'extension', number: '101' } }],
    ['numbers 101', { kind: 'numbers', target: { kind: 'extension', number: '101' } }],
    ['numbers <@U123|ana>', { kind: 'numbers', target: { kind: 'user', userId: 'U123' } }],
    ['numbers <@W0ABC>', { kind: 'numbers', target: { kind: 'user', userId: 'W0ABC' } }],
    ['forwarding', { kind: 'forwarding', target: { kind: 'self' } }],
    ['fwd', { kind: 'forwarding', target: { kind: 'self' } }],
    ['FWD ext 104', { kind: 'forwarding', target: { kind: 'extension', number: '104' } }],
    ['forwarding <@U1>', { kind: 'forwarding', target: { kind: 'user', userId: 'U1' } }],
    ['fwd <@U1|ana smith>', { kind: 'forwarding', target: { kind: 'user', userId: 'U1' } }],
  ])('%j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each([
    ['numbers @ana', /can't tell who `@ana` is/],
    ['fwd @ana', /can't tell who `@ana` is/],
    ['numbers ext', /`ext` needs a number/],
    ['numbers <@U1> <@U2>', /one person at a time/],
    ['numbers ana', /`numbers` takes `ext <number>` or an @mention/],
    ['forwarding to 101', /`forwarding` takes `ext <number>` or an @mention/],
    ['numbers <#C1|general>', /`numbers` takes/],
  ])('%j is refused', (text, message) => {
    const command = parseCommand(text);
    expect(command.kind).toBe('invalid');
    if (command.kind === 'invalid') expect(command.message).toMatch(message);
  });
});

describe('parseCommand: onboard', () => {
  it.each<[string, Command]>([
    ['onboard <@U1>', { kind: 'onboard', userIds: ['U1'], channelIds: [] }],
    ['onboard <@U1> <@U2>', { kind: 'onboard', userIds: ['U1', 'U2'], channelIds: [] }],
    [
      'onboard <@U1|ana>, <@U2|bo> and <@U1>',
      { kind: 'onboard', userIds: ['U1', 'U2'], channelIds: [] },
    ],
    ['onboard <#C1|it>', { kind: 'onboard', userIds: [], channelIds: ['C1'] }],
    ['Onboard <#C1> <@U9>', { kind: 'onboard', userIds: ['U9'], channelIds: ['C1'] }],
    ['onboard <#G42|private>', { kind: 'onboard', userIds: [], channelIds: ['G42'] }],
  ])('%j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each([
    ['onboard', /needs people or a channel/],
    ['onboard everyone', /needs people or a channel/],
    ['onboard <!channel>', /not `@here`, `@channel` or user groups/],
    ['onboard <!subteam^S1|@support>', /not `@here`/],
    ['onboard @ana', /can't tell who `@ana` is/],
    ['onboard #sales', /can't tell which channel `#sales` is/],
  ])('%j is refused', (text, message) => {
    const command = parseCommand(text);
    expect(command.kind).toBe('invalid');
    if (command.kind === 'invalid') expect(command.message).toMatch(message);
  });
});

describe('parseCommand: anything else is a short error pointing at help', () => {
  it.each([
    ['hello', "I don't know `hello`. Try `/rcnumber help` to see what I can do."],
    ['Whois 650', "I don't know `Whois`. Try `/rcnumber help` to see what I can do."],
    ['📞', "I didn't understand that. Try `/rcnumber help` to see what I can do."],
    [
      '&lt;script&gt;alert(1)&lt;/script&gt;',
      "I don't know `scriptalert1script`. Try `/rcnumber help` to see what I can do.",
    ],
    [
      "'; DROP TABLE links; --",
      "I didn't understand that. Try `/rcnumber help` to see what I can do.",
    ],
    // Quoted back without its markup, so the reply cannot notify the channel.
    ['<!channel>', "I don't know `channel`. Try `/rcnumber help` to see what I can do."],
    ['`boom`', "I don't know `boom`. Try `/rcnumber help` to see what I can do."],
    ['unlink now', '`unlink` takes nothing after it. Try `/rcnumber help` to see what I can do.'],
    ['me ext 101', '`me` takes nothing after it. Try `/rcnumber help` to see what I can do.'],
    ['<@U1|ana>', "To see someone's numbers, use `numbers @ana`."],
    [
      '650 331 6252 ext 101',
      'A phone number can only have digits, spaces, `+ ( ) . -` and a trailing `*`.',
    ],
  ])('%j', (text, message) => {
    expect(parseCommand(text)).toEqual({ kind: 'invalid', message });
  });

  it('refuses text over 500 characters, including 10 KB of it', () => {
    for (const text of [`find ${'a'.repeat(496)}`, 'x'.repeat(10 * 1024), '6'.repeat(10 * 1024)]) {
      const command = parseCommand(text);
      expect(command).toEqual({
        kind: 'invalid',
        message: expect.stringMatching(/^That's too long/),
      });
    }
    expect(parseCommand(`find ${'a'.repeat(495)}`).kind).toBe('find');
  });

  it('quotes back at most a short, harmless piece of the input', () => {
    const command = parseCommand(`${'a'.repeat(60)}\`<@U1>*_~`);
    expect(command.kind).toBe('invalid');
    if (command.kind === 'invalid') {
      expect(command.message).toBe(
        `I don't know \`${'a'.repeat(24)}\`. Try \`/rcnumber help\` to see what I can do.`,
      );
    }
  });

  it('never throws', () => {
    for (const text of [
      null,
      undefined,
      42,
      '<',
      '<@',
      '<@>',
      '<#>',
      '&amp;',
      '\u0000',
      '\ud83d',
    ]) {
      expect(() => parseCommand(text as string)).not.toThrow();
    }
  });
});

describe('USAGE covers the whole grammar', () => {
  it.each([
    '/rcnumber',
    '/rcnumber help',
    '/rcnumber link',
    '/rcnumber unlink',
    '/rcnumber me',
    '/rcnumber company',
    '/rcnumber +1 650 331 6252',
    '/rcnumber 1650*',
    '/rcnumber ext 101',
    '/rcnumber find ana',
    '/rcnumber numbers',
    '/rcnumber forwarding',
    '/rcnumber onboard',
    '/rcnumber export',
    '/rcnumber audit',
  ])('has a line for %j', (start) => {
    expect(
      USAGE.some((line) => line.example === start || line.example.startsWith(`${start} `)),
    ).toBe(true);
  });

  it('shows only examples the parser accepts', () => {
    for (const { example, meaning } of USAGE) {
      expect(meaning.length).toBeGreaterThan(0);
      // Fill the grammar's placeholders with real values before parsing.
      const text = example
        .replace(/^\/rcnumber ?/, '')
        .replace(' [ext 101 | @user]', ' ext 101')
        .replace('@user… | #channel', '<@U1> <#C1>')
        .replace(' numbers | forwarding', ' forwarding')
        .replace(' [days]', ' 30');
      expect(parseCommand(text).kind).not.toBe('invalid');
    }
  });
});
