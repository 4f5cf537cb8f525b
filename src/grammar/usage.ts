/** One line of the `/rcnumber help` reply. */
export interface UsageLine {
  example: string;
  meaning: string;
}

/** The whole `/rcnumber` grammar, in the order help shows it. */
export const USAGE: readonly UsageLine[] = [
  { example: '/rcnumber', meaning: 'open the lookup window' },
  {
    example: '/rcnumber +1 650 331 6252',
    meaning: 'who owns a number (any common form: 650.331.6252, 16503316252…)',
  },
  {
    example: '/rcnumber 1650*',
    meaning: 'numbers you can see that start with those digits, E.164 or national form',
  },
  { example: '/rcnumber 101', meaning: 'numbers starting 101, and extension 101 if there is one' },
  { example: '/rcnumber ext 101', meaning: 'an extension: name, type, status, email and numbers' },
  { example: '/rcnumber find ana', meaning: 'extensions whose name or email matches' },
  {
    example: '/rcnumber numbers [ext 101 | @user]',
    meaning: "an extension's phone numbers (yours if you name no one)",
  },
  {
    example: '/rcnumber forwarding [ext 101 | @user]',
    meaning: 'forwarding and call-flip numbers (also `fwd`; yours if you name no one)',
  },
  {
    example: '/rcnumber company',
    meaning: 'the account: main number, plan, status, company numbers',
  },
  { example: '/rcnumber link', meaning: 'connect your RingCentral account' },
  { example: '/rcnumber unlink', meaning: 'disconnect it and forget its tokens' },
  { example: '/rcnumber me', meaning: 'who you are linked as, admin or not, and the token state' },
  {
    example: '/rcnumber onboard @user… | #channel',
    meaning: 'admins: send the link prompt to those members who are not linked yet',
  },
  {
    example: '/rcnumber export numbers | forwarding',
    meaning: 'a spreadsheet (CSV) of the numbers or forwarding lists you can see, sent to your DM',
  },
  {
    example: '/rcnumber audit [days]',
    meaning: 'admins: who shared what in which channel lately (`export audit` for a CSV)',
  },
  { example: '/rcnumber help', meaning: 'this list' },
];
