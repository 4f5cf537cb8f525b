import { type Command, MAX_DAYS, parseCommand, USAGE } from '../../src/grammar/parse-command';

describe('parseCommand: export', () => {
  it.each<[string, Command]>([
    ['export numbers', { kind: 'export', what: 'numbers', days: null }],
    ['EXPORT Numbers', { kind: 'export', what: 'numbers', days: null }],
    ['export forwarding', { kind: 'export', what: 'forwarding', days: null }],
    ['export fwd', { kind: 'export', what: 'forwarding', days: null }],
    ['export audit', { kind: 'export', what: 'audit', days: null }],
    ['export audit 30', { kind: 'export', what: 'audit', days: 30 }],
    ['export audit 30d', { kind: 'export', what: 'audit', days: 30 }],
    ['export audit 7 days', { kind: 'export', what: 'audit', days: 7 }],
  ])('%j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each([
    ['export', /takes what to export/],
    ['export everything', /takes what to export/],
    ['export <@U1>', /takes what to export/],
    // Extra words most likely mean another request: refused rather than ignored.
    ['export numbers ext 101', /`export numbers` takes nothing after it/],
    ['export forwarding <@U1>', /`export forwarding` takes nothing after it/],
    ['export audit 0', /from 1 to 3650/],
    ['export audit -5', /from 1 to 3650/],
    ['export audit 99999', /from 1 to 3650/],
    ['export audit lots', /from 1 to 3650/],
  ])('%j is turned away with the reason', (text, reason) => {
    const command = parseCommand(text);
    expect(command.kind).toBe('invalid');
    if (command.kind === 'invalid') expect(command.message).toMatch(reason);
  });
});

describe('parseCommand: audit', () => {
  it.each<[string, Command]>([
    ['audit', { kind: 'audit', days: null }],
    ['Audit 1', { kind: 'audit', days: 1 }],
    ['audit 90', { kind: 'audit', days: 90 }],
    [`audit ${MAX_DAYS}`, { kind: 'audit', days: MAX_DAYS }],
    ['audit 14 days', { kind: 'audit', days: 14 }],
    ['audit 1 day', { kind: 'audit', days: 1 }],
  ])('%j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each(['audit 0', `audit ${MAX_DAYS + 1}`, 'audit 1.5', 'audit ext 101', 'audit <@U1>'])(
    '%j is turned away',
    (text) => {
      const command = parseCommand(text);
      expect(command.kind).toBe('invalid');
      if (command.kind === 'invalid')
        expect(command.message).toMatch(/`audit` takes a number of days/);
    },
  );

  it('help lists both', () => {
    const examples = USAGE.map((line) => line.example).join('\n');
    expect(examples).toContain('export numbers');
    expect(examples).toContain('audit [days]');
  });
});
