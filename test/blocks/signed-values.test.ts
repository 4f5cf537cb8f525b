import { randomBytes } from 'node:crypto';
import {
  ActionIds,
  renderLookup,
  renderRefusal,
  SIGNED_ACTION_IDS,
  signButtons,
  ValueSigner,
} from '../../src/blocks';
import { button, message, section } from '../../src/blocks/kit';
import { prefix, SHARE, whoOwns } from './fixtures';
import { buttons, shownText } from './helpers';

const key = () => randomBytes(32).toString('base64');
const ana = { teamId: 'T0001', userId: 'UANA' };
const john = { teamId: 'T0001', userId: 'UJOHN' };
const SHARE_VALUE = JSON.stringify({ c: 'numbers', q: '104' });

/** The same value with one character of its MAC (the third dot-separated part) changed. */
function macEdited(signed: string): string {
  const [team, user, mac = '', ...rest] = signed.split('.');
  const flipped = `${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
  return [team, user, flipped, ...rest].join('.');
}

describe('ValueSigner', () => {
  it('opens what it signed, for the same member and purpose', () => {
    const signer = new ValueSigner(key());
    const signed = signer.sign(ana, ActionIds.share, SHARE_VALUE);
    expect(signed.endsWith(SHARE_VALUE)).toBe(true);
    expect(signer.open(ana, ActionIds.share, signed)).toEqual({ ok: true, value: SHARE_VALUE });
  });

  it('refuses any edit of the value, the MAC or the member it names', () => {
    const signer = new ValueSigner(key());
    const signed = signer.sign(ana, ActionIds.share, SHARE_VALUE);
    const edits = [
      signed.replace('"q":"104"', '"q":"101"'),
      signed.replace('"c":"numbers"', '"c":"forwarding"'),
      `${signed} `,
      macEdited(signed),
    ];
    for (const edited of edits) {
      expect(edited).not.toBe(signed);
      expect(signer.open(ana, ActionIds.share, edited)).toEqual({ ok: false, refusal: 'changed' });
    }
  });

  it('refuses unsigned and malformed values as changed', () => {
    const signer = new ValueSigner(key());
    for (const bad of [SHARE_VALUE, '104', '', undefined, 42, 'T0001.UANA.short.{}', '...']) {
      expect(signer.open(ana, ActionIds.share, bad)).toEqual({ ok: false, refusal: 'changed' });
    }
  });

  it('refuses a value made for another member, naming whom it was made for', () => {
    const signer = new ValueSigner(key());
    const signed = signer.sign(ana, ActionIds.share, SHARE_VALUE);
    expect(signer.open(john, ActionIds.share, signed)).toEqual({
      ok: false,
      refusal: 'other_member',
      madeFor: ana,
    });
    // Naming the clicker in a value made for someone else breaks its MAC.
    const renamed = signed.replace('T0001.UANA.', 'T0001.UJOHN.');
    expect(signer.open(john, ActionIds.share, renamed)).toEqual({ ok: false, refusal: 'changed' });
    // The same user id in another workspace is another member.
    const other = signer.open({ teamId: 'T0002', userId: 'UANA' }, ActionIds.share, signed);
    expect(other.ok).toBe(false);
  });

  it('binds a value to its purpose: a forwarding share is no plain share', () => {
    const signer = new ValueSigner(key());
    const value = JSON.stringify({ c: 'forwarding', q: '104' });
    const signed = signer.sign(ana, ActionIds.shareForwarding, value);
    expect(signer.open(ana, ActionIds.shareForwarding, signed).ok).toBe(true);
    expect(signer.open(ana, ActionIds.share, signed)).toEqual({ ok: false, refusal: 'changed' });
  });

  it('keeps accepting values signed with an older key after rotation, never an unknown key', () => {
    const [oldKey, newKey] = [key(), key()];
    const signedBefore = new ValueSigner(oldKey).sign(ana, ActionIds.pageNext, SHARE_VALUE);
    const rotated = new ValueSigner(`${newKey},${oldKey}`);
    expect(rotated.open(ana, ActionIds.pageNext, signedBefore).ok).toBe(true);
    const signedAfter = rotated.sign(ana, ActionIds.pageNext, SHARE_VALUE);
    expect(new ValueSigner(newKey).open(ana, ActionIds.pageNext, signedAfter).ok).toBe(true);
    expect(new ValueSigner(oldKey).open(ana, ActionIds.pageNext, signedAfter).ok).toBe(false);
    expect(new ValueSigner(key()).open(ana, ActionIds.pageNext, signedBefore).ok).toBe(false);
  });

  it('ignores blanks in the key list; its MAC is a whole SHA-256', () => {
    const shared = key();
    const a = new ValueSigner(shared).sign(ana, ActionIds.share, SHARE_VALUE);
    const b = new ValueSigner(`${shared}, `).sign(ana, ActionIds.share, SHARE_VALUE);
    expect(a).toBe(b);
    expect(a.split('.')[2]).toHaveLength(43);
  });
});

describe('signButtons', () => {
  const signer = new ValueSigner(key());
  const sign = (actionId: string, value: string) => signer.sign(ana, actionId, value);

  it('signs every command button of a reply, and only those', () => {
    const reply = signButtons(renderLookup(prefix(), SHARE), sign);
    const signedOnes = buttons(reply).filter((b) => SIGNED_ACTION_IDS.includes(b.action_id ?? ''));
    expect(signedOnes.map((b) => b.action_id)).toEqual(
      expect.arrayContaining([ActionIds.pageNext, ActionIds.share]),
    );
    for (const b of signedOnes) {
      expect(signer.open(ana, b.action_id ?? '', b.value).ok).toBe(true);
      expect(b.value?.length).toBeLessThanOrEqual(2000);
    }
    const owner = signButtons(renderLookup(whoOwns(), SHARE), sign);
    const numbers = buttons(owner).find((b) => b.action_id === ActionIds.showNumbers);
    expect(signer.open(ana, ActionIds.showNumbers, numbers?.value)).toEqual({
      ok: true,
      value: '104',
    });
  });

  it('leaves other buttons alone and drops one whose signed value would pass 2000 characters', () => {
    const long = 'x'.repeat(1990);
    const reply = message('t', [
      section('a', button({ text: 'Share', actionId: ActionIds.share, value: long })),
      {
        type: 'actions',
        elements: [button({ text: 'Unlink', actionId: ActionIds.unlink, value: long })].filter(
          (b) => b !== null,
        ),
      },
    ]);
    const signedReply = signButtons(reply, sign);
    expect(buttons(signedReply).map((b) => [b.action_id, b.value])).toEqual([
      [ActionIds.unlink, long],
    ]);
    expect(shownText(signedReply)).toContain('a');
  });
});

describe('refusal words', () => {
  it('says what happened and what to do', () => {
    expect(shownText(renderRefusal('other_member'))).toContain(
      'This button was made for someone else; run the command yourself.',
    );
    expect(shownText(renderRefusal('changed'))).toContain(
      'This button was changed; nothing was done.',
    );
  });
});
