/**
 * The demo as a function, so `npm run demo` and its test run the same thing: link an
 * administrator and a regular user through the real OAuth flow, ask the same questions as each,
 * and write every reply as text, the administrator's answer above the regular user's.
 */
import type { ResponseBody } from '../slack-stand-in';
import { messageToText } from './block-text';
import { type DemoStack, startDemoStack } from './demo-stack';
import { ANA, COLLEAGUES, JOHN, type Persona, STEPS } from './script';

const RULE = '━'.repeat(78);

export async function runDemo(output: (line: string) => void): Promise<void> {
  const started = Date.now();
  const everyone = [JOHN, ANA, ...COLLEAGUES];
  const names = (id: string) => everyone.find((member) => member.id === id)?.name;
  const show = (reply: ResponseBody) => messageToText(reply, names).map((l) => `│ ${l}`);

  const stack: DemoStack = await startDemoStack(everyone);
  try {
    output('rcnumber demo: the real bot, a RingCentral sandbox (the guide’s company) and a local');
    output('Slack stand-in, all on this machine. Every answer comes from RingCentral under the');
    output('asking member’s own token, so the two members below may see different things.');
    output(`  ${JOHN.name}: ${JOHN.role}`);
    output(`  ${ANA.name}: ${ANA.role}`);
    output('');
    output(RULE);
    output('Linking: /rcnumber link → Connect button → RingCentral sign-in → callback');
    output(RULE);
    for (const persona of [JOHN, ANA]) {
      const outcome = await stack.link(persona.id, persona.signInAs);
      output(`┌ ${persona.name} runs /rcnumber link and is shown:`);
      for (const line of show(outcome.prompt)) output(line);
      output(`├ signs in at RingCentral; the browser lands on “${outcome.page}”`);
      output('├ and in Slack the prompt becomes:');
      for (const line of show(outcome.confirmation)) output(line);
      output('└');
    }

    for (const [index, step] of STEPS.entries()) {
      output('');
      output(RULE);
      const same = step.admin === step.regular;
      const asked = step.shortcut
        ? `Message shortcut “Who owns these numbers?” on: “${step.admin}”`
        : same
          ? `/rcnumber ${step.admin}`
          : `${JOHN.name}: /rcnumber ${step.admin}   ·   ${ANA.name}: /rcnumber ${step.regular}`;
      output(`${index + 1}. ${asked}`);
      output(`   ${step.about}`);
      output(RULE);
      const answers: Array<[Persona, string[]]> = [];
      for (const [persona, text] of [
        [JOHN, step.admin],
        [ANA, step.regular],
      ] as const) {
        const reply = step.shortcut
          ? await stack.shortcut(persona.id, text)
          : await stack.ask(persona.id, text);
        answers.push([persona, show(reply)]);
      }
      for (const [persona, lines] of answers) {
        const label = persona === JOHN ? 'administrator' : 'regular user';
        const command =
          same || step.shortcut
            ? ''
            : ` (/rcnumber ${persona === JOHN ? step.admin : step.regular})`;
        output(`┌ ${persona.name}, ${label}${command}`);
        for (const line of lines) output(line);
        output('└');
      }
      if (same && answers[0]?.[1].join('\n') === answers[1]?.[1].join('\n')) {
        output('  (the same answer for both)');
      }
    }
    output('');
    output(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s; everything was stopped.`);
  } catch (error) {
    const logged = stack.logs.slice(-5).join('\n');
    throw new Error(`${(error as Error).message}${logged ? `\nThe app logged:\n${logged}` : ''}`);
  } finally {
    await stack.close();
  }
}
