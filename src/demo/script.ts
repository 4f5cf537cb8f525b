/**
 * Who takes part in the demo and what they ask. Both members ask the same things, except where
 * each looks at the other's forwarding list: that is where RingCentral's roles differ most.
 */

/** A member of the demo's Slack workspace. */
export interface DemoMember {
  id: string;
  name: string;
  email: string;
}

export interface Persona extends DemoMember {
  /** How the sandbox's sign-in page knows them. */
  signInAs: string;
  role: string;
}

export const JOHN: Persona = {
  id: 'U0JOHN',
  name: 'John Smith',
  email: 'john.smith@example.com',
  signInAs: 'john.smith@example.com',
  role: 'RingCentral administrator, ext 101',
};

export const ANA: Persona = {
  id: 'U0ANA',
  name: 'Ana Ruiz',
  email: 'ana.ruiz@example.com',
  signInAs: 'ana.ruiz@example.com',
  role: 'regular user, ext 104',
};

/** Others of the guide's company who are in the Slack workspace, so replies can mention them. */
export const COLLEAGUES: DemoMember[] = [
  { id: 'U0BEN', name: 'Ben Okafor', email: 'ben.okafor@example.com' },
  { id: 'U0DEV', name: 'Dev Patel', email: 'dev.patel@example.com' },
];

export interface Step {
  /** What the step shows, and what to compare between the two answers. */
  about: string;
  /** What each member types after `/rcnumber` or, for a shortcut step, the message's text. */
  admin: string;
  regular: string;
  /** Run the message shortcut "Who owns these numbers?" on a message instead of a command. */
  shortcut?: boolean;
}

/** A message someone might paste, with numbers in several forms and two runs that are not. */
export const PASTED_MESSAGE =
  'Missed calls this morning: +1 650 331 6253, (650) 331-6299 and 415.555.0100. Re order #6503316251 of 2024-05-01.';

export const STEPS: Step[] = [
  { about: 'Who each member is linked as.', admin: 'me', regular: 'me' },
  {
    about:
      'Who owns a number. John’s answer comes from one targeted number search; Ana’s from her own listing, where her own number carries its features.',
    admin: '+1 650 331 6252',
    regular: '+1 650 331 6252',
  },
  {
    about: 'Toll-free numbers by prefix.',
    admin: '1855*',
    regular: '1855*',
  },
  {
    about:
      'Numbers by prefix, from each member’s own listing: the company number with no extension (…6299) is listed to the administrator only.',
    admin: '650331',
    regular: '650331',
  },
  {
    about:
      'One extension and its numbers: Ana, reading someone else’s, is shown no number features.',
    admin: 'ext 101',
    regular: 'ext 101',
  },
  {
    about:
      'People by name, each with their presence: Ben has Do not disturb on. Dev hides his presence, so nobody is shown it.',
    admin: 'find e',
    regular: 'find e',
  },
  {
    about:
      'The message shortcut “Who owns these numbers?” on a pasted message: each number answered as a typed lookup would be, the order number and the date left alone. The company number with no extension is visible to the administrator only.',
    admin: PASTED_MESSAGE,
    regular: PASTED_MESSAGE,
    shortcut: true,
  },
  { about: 'One’s own numbers, features included.', admin: 'numbers', regular: 'numbers' },
  {
    about:
      'Another extension’s numbers: a regular user sees only direct numbers, without features.',
    admin: 'numbers ext 101',
    regular: 'numbers ext 101',
  },
  {
    about: 'The account. Its company numbers are listed to the administrator only.',
    admin: 'company',
    regular: 'company',
  },
  {
    about: 'One’s own forwarding list: everyone may read theirs.',
    admin: 'forwarding',
    regular: 'forwarding',
  },
  {
    about:
      'Someone else’s forwarding list: the administrator reads Ana’s; RingCentral refuses John’s to Ana.',
    admin: 'forwarding ext 104',
    regular: 'forwarding ext 101',
  },
  {
    about:
      'Lena (ext 108) is on RingCentral’s new call-handling backend, where the old forwarding API refuses: her list comes from the v2 call-flip and forwarding-target APIs, in the same shape, and Ana may read it no more than John’s.',
    admin: 'forwarding ext 108',
    regular: 'forwarding ext 108',
  },
  { about: 'Usage.', admin: 'help', regular: 'help' },
  {
    about: 'Something the bot does not understand.',
    admin: 'frobnicate 42',
    regular: 'frobnicate 42',
  },
];
