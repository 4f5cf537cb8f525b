// Runs the demo in-process, as `npm run demo` does, and reads its transcript: both members are
// linked through the real flow, and their answers differ where RingCentral's roles differ.
import { runDemo } from '../../src/demo/run-demo';

interface Answer {
  step: number;
  who: string;
  lines: string[];
}

/** The transcript's answers: `N. …` starts a step, `┌ Name, role` … `└` is one answer. */
function answersOf(transcript: string[]): Answer[] {
  const answers: Answer[] = [];
  let step = 0;
  let current: Answer | null = null;
  for (const line of transcript) {
    const heading = /^(\d+)\. /.exec(line);
    if (heading) step = Number(heading[1]);
    if (line.startsWith('┌ ')) {
      current = { step, who: line.slice(2), lines: [] };
      answers.push(current);
    } else if (line.startsWith('└')) current = null;
    else if (current) current.lines.push(line);
  }
  return answers;
}

describe('npm run demo', () => {
  const transcript: string[] = [];
  let answers: Answer[] = [];
  /** The step whose heading (`N. /rcnumber …`) names the command. */
  const stepOf = (command: string) => {
    const heading = transcript.find((line) => /^\d+\. /.test(line) && line.includes(command));
    return Number(/^(\d+)\. /.exec(heading ?? '')?.[1]);
  };
  const answer = (command: string, who: 'John Smith' | 'Ana Ruiz') => {
    const found = answers.find((a) => a.step === stepOf(command) && a.who.startsWith(who));
    if (!found) throw new Error(`no answer of ${who} to ${command}`);
    return found.lines.join('\n');
  };

  beforeAll(async () => {
    await runDemo((line) => transcript.push(line));
    answers = answersOf(transcript);
  }, 60_000);

  it('links both members through the real OAuth flow', () => {
    const text = transcript.join('\n');
    expect(text).toContain('the browser lands on “Linked as John Smith, ext 101”');
    expect(text).toContain('the browser lands on “Linked as Ana Ruiz, ext 104”');
    expect(answer('/rcnumber me', 'John Smith')).toContain('Role: Admin');
    expect(answer('/rcnumber me', 'Ana Ruiz')).toContain('Role: Regular user');
  });

  it('answers every step for both members, with text rendered from the blocks', () => {
    const steps = new Set(answers.map((a) => a.step));
    expect(steps.size).toBeGreaterThanOrEqual(12);
    for (const a of answers.filter((a) => a.step > 0)) expect(a.lines.length).toBeGreaterThan(0);
    expect(transcript.join('\n')).not.toMatch(/"type":|\[object Object\]/);
    expect(answer('/rcnumber +1 650 331 6252', 'John Smith')).toContain('Ana Ruiz');
  });

  it('shows the administrator the company numbers and other extensions’ number features', () => {
    expect(answer('/rcnumber company', 'John Smith')).toContain('+1 650 331 6299 · CompanyNumber');
    expect(answer('/rcnumber company', 'Ana Ruiz')).toMatch(/cannot list the company numbers/);
    expect(answer('/rcnumber numbers ext 101', 'John Smith')).toContain('CallerId');
    expect(answer('/rcnumber numbers ext 101', 'Ana Ruiz')).not.toContain('CallerId');
  });

  it('lets the administrator read Ana’s forwarding list and refuses John’s to Ana', () => {
    const step = 'forwarding ext 104   ·';
    expect(answer(step, 'John Smith')).toContain('Forwarding numbers of ext 104 · Ana Ruiz');
    expect(answer(step, 'Ana Ruiz')).toMatch(/role does not allow/i);
    expect(answer('/rcnumber forwarding', 'Ana Ruiz')).toContain('Forwarding numbers of ext 104');
  });

  it('reads an extension on the new call-handling backend for the admin only', () => {
    const lena = answer('/rcnumber forwarding ext 108', 'John Smith');
    expect(lena).toContain('Forwarding numbers of ext 108 · Lena Fischer');
    expect(lena).toContain('+1 415 555 0142');
    expect(lena).toMatch(/2 personal numbers/);
    expect(answer('/rcnumber forwarding ext 108', 'Ana Ruiz')).toMatch(/role does not allow/i);
  });

  it('shows the message shortcut answering each number, with each member’s own visibility', () => {
    const john = answer('Message shortcut “Who owns these numbers?”', 'John Smith');
    const ana = answer('Message shortcut “Who owns these numbers?”', 'Ana Ruiz');
    expect(john).toContain('3 phone numbers in that message');
    expect(john).toContain('Owner: not assigned to an extension (a company-level number)');
    expect(ana).toContain('No number visible to you matches +1 650 331 6299.');
    for (const reply of [john, ana]) {
      expect(reply).toContain('Ben Okafor');
      expect(reply).toContain('[Call]');
      expect(reply).not.toContain('6251');
    }
  });

  it('shows presence where RingCentral tells it, and none for someone who hides it', () => {
    expect(answer('/rcnumber +1 650 331 6252', 'John Smith')).toContain('Busy, on a call');
    const people = answer('/rcnumber find e', 'Ana Ruiz');
    expect(people).toContain('Ben Okafor · User · Do not disturb');
    expect(people).toMatch(/Dev Patel · User · dev\.patel/);
  });

  it('answers help and a bad input with usage, never a stack trace', () => {
    expect(answer('/rcnumber help', 'Ana Ruiz')).toContain('/rcnumber find ana');
    const bad = answer('/rcnumber frobnicate 42', 'John Smith');
    expect(bad).toContain('frobnicate');
    expect(bad).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
