// "Call" on number and extension answers: a link button to RingCentral's documented call link
// for that number, another base when configured, none when switched off.
import { ActionIds } from '../../src/blocks/ids';
import { startSandbox } from '../../src/sandbox';
import type { Sandbox } from '../../src/sandbox/server';
import type { ResponseBody } from '../../src/slack-stand-in';
import { type Harness, PEOPLE, startHarness } from '../support/harness';
import { onMessage } from '../support/shortcuts';

function callUrls(reply: ResponseBody): string[] {
  const elements = (reply.blocks ?? []).flatMap(
    (block) => (block.elements as Array<Record<string, string>> | undefined) ?? [],
  );
  return elements.filter((e) => e.action_id === ActionIds.call).map((e) => e.url ?? '');
}

describe('the Call button', () => {
  let sandbox: Sandbox;
  let h: Harness | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimits: false });
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  afterAll(() => sandbox.close());

  const start = async (env: Record<string, string> = {}) => {
    h = await startHarness({ existingSandbox: sandbox, env });
    await h.link(PEOPLE.ana.id, 'ana.ruiz@example.com');
    return h;
  };

  it('opens RingCentral’s call link for the number, or the extension', async () => {
    const app = await start();
    expect(callUrls(await app.command(PEOPLE.ana.id, '650.331.6253'))).toEqual([
      'https://app.ringcentral.com/r/call?number=%2B16503316253',
    ]);
    // A number nobody visible owns can still be called back.
    expect(callUrls(await app.command(PEOPLE.ana.id, '+1 415 555 0100'))).toEqual([
      'https://app.ringcentral.com/r/call?number=%2B14155550100',
    ]);
    expect(callUrls(await app.command(PEOPLE.ana.id, 'ext 101'))).toEqual([
      'https://app.ringcentral.com/r/call?number=101',
    ]);
    // A press reaches the app only as a click to acknowledge; the browser opens the link.
    const press = await app.press(PEOPLE.ana.id, ActionIds.call, '');
    expect(press.status).toBe(200);
  });

  it('uses the configured base, keeping its own query', async () => {
    const app = await start({ CALL_LINK_URL: 'https://calls.example.com/r/call?via=slack' });
    expect(callUrls(await app.command(PEOPLE.ana.id, '+1 650 331 6253'))).toEqual([
      'https://calls.example.com/r/call?via=slack&number=%2B16503316253',
    ]);
  });

  it('is gone everywhere when CALL_BUTTON is false', async () => {
    const app = await start({ CALL_BUTTON: 'false' });
    for (const text of ['+1 650 331 6253', 'ext 101', '+1 415 555 0100']) {
      expect(callUrls(await app.command(PEOPLE.ana.id, text))).toEqual([]);
    }
    const { reply } = await onMessage(app, PEOPLE.ana.id, 'call +1 650 331 6253 or 650 331 6251');
    expect(callUrls(reply)).toEqual([]);
    expect(JSON.stringify(reply.blocks)).toContain('show_numbers');
  });
});
