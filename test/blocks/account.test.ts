import {
  homeBroken,
  homeLinked,
  homeUnlinked,
  onboardSummary,
  reminderMessage,
  renderHelp,
  renderInvalid,
  renderLinked,
  renderLinkPrompt,
  renderMe,
  renderNotice,
  renderProgress,
  renderUnlinked,
  welcomeMessage,
} from '../../src/blocks';
import { ActionIds } from '../../src/blocks/ids';
import { fwd, identity, link, NOW, numbers, USAGE } from './fixtures';
import { buttonByAction, buttons, shownText } from './helpers';

const URL = 'https://bot.example/link/abc';
const DAY = 86_400_000;

describe('linking', () => {
  test('prompt: explains permissions and links to RingCentral with a primary button', () => {
    const reply = renderLinkPrompt({ url: URL });
    expect(shownText(reply)).toContain('your own RingCentral permissions');
    const [connect] = buttonByAction(reply, ActionIds.connect);
    expect(connect).toMatchObject({ url: URL, style: 'primary' });
  });

  test('prompt for a broken link shows the reason first', () => {
    const reply = renderLinkPrompt({ url: URL, reason: 'RingCentral refused the refresh token' });
    const first = shownText({ blocks: reply.blocks.slice(0, 1) });
    expect(first).toContain('RingCentral refused the refresh token');
    expect(reply.text).toContain('RingCentral refused the refresh token');
  });

  test('linked and unlinked confirmations', () => {
    expect(renderLinked(identity()).text).toBe('Linked as Ana Ruiz, ext 104');
    expect(shownText(renderLinked(identity({ isAdmin: true })))).toContain('a RingCentral admin');
    expect(shownText(renderUnlinked())).toContain('/rcnumber link');
  });
});

describe('me', () => {
  test('extension, name, type, role, linked since, token state, and Unlink', () => {
    const reply = renderMe(link(), NOW);
    const text = shownText(reply);
    for (const part of [
      '104',
      'Ana Ruiz',
      'User',
      'Regular user',
      '3 days ago',
      'renews automatically; expires in 6 days if unused',
    ]) {
      expect(text).toContain(part);
    }
    expect(buttonByAction(reply, ActionIds.unlink)).toHaveLength(1);
    expect(shownText(renderMe(link({ identity: identity({ isAdmin: true }) }), NOW))).toContain(
      'Admin',
    );
  });

  test('the same input gives the same words (time comes from `now`)', () => {
    expect(renderMe(link(), NOW)).toEqual(renderMe(link(), NOW));
  });

  test('broken and expired links say so in plain words', () => {
    const broken = renderMe(link({ status: 'broken', brokenReason: 'token revoked' }), NOW);
    expect(shownText(broken)).toContain('broken: token revoked — reconnect');
    const expired = link({ tokens: { ...link().tokens, refreshTokenExpiresAt: NOW - DAY } });
    expect(shownText(renderMe(expired, NOW))).toContain('expired — reconnect');
  });
});

describe('home tab', () => {
  test('unlinked: what the app does and Connect', () => {
    const view = homeUnlinked({ connectUrl: URL });
    expect(view.type).toBe('home');
    expect(shownText(view)).toContain('who owns a number');
    expect(buttonByAction(view, ActionIds.connect)[0]?.url).toBe(URL);
  });

  test('linked: who you are, numbers, forwarding summary, Search and Unlink', () => {
    const view = homeLinked({
      link: link(),
      numbers: numbers(2),
      forwarding: [fwd({ flipNumber: '2', label: 'Home' }), fwd()],
      now: NOW,
    });
    const text = shownText(view);
    expect(text).toContain('Linked as *Ana Ruiz*, ext 104');
    expect(text).toContain('+1 650 331 0001');
    expect(text.indexOf('Flip 1')).toBeLessThan(text.indexOf('Flip 2'));
    expect(buttonByAction(view, ActionIds.openSearch)).toHaveLength(1);
    expect(buttonByAction(view, ActionIds.unlink)).toHaveLength(1);
  });

  test('linked with no forwarding, unreadable forwarding, or nothing loaded yet', () => {
    expect(shownText(homeLinked({ link: link(), forwarding: [], now: NOW }))).toContain(
      'No forwarding numbers.',
    );
    expect(shownText(homeLinked({ link: link(), forwarding: null, now: NOW }))).toContain(
      'could not be read',
    );
    const bare = shownText(homeLinked({ link: link(), now: NOW }));
    expect(bare).not.toContain('Your numbers');
    expect(bare).not.toContain('Forwarding');
  });

  test('broken: why, and Reconnect', () => {
    const view = homeBroken({ reason: 'token revoked', connectUrl: URL });
    expect(shownText(view)).toContain('token revoked');
    expect(buttonByAction(view, ActionIds.reconnect)[0]?.url).toBe(URL);
  });
});

describe('onboarding', () => {
  test('welcome and reminder carry the Connect button', () => {
    for (const reply of [
      welcomeMessage({ connectUrl: URL }),
      reminderMessage({ connectUrl: URL }),
    ]) {
      expect(buttonByAction(reply, ActionIds.connect)[0]?.url).toBe(URL);
    }
  });

  test('summary counts, leaving out what did not happen', () => {
    const reply = onboardSummary({
      sent: 12,
      alreadyLinked: 30,
      bots: 2,
      recentlyReminded: 3,
      notFound: 0,
      failed: 0,
    });
    expect(reply.text).toBe(
      'Sent to 12; 30 already linked; 2 bots skipped; 3 reminded in the last 7 days',
    );
    const other = onboardSummary({
      sent: 0,
      alreadyLinked: 0,
      bots: 1,
      recentlyReminded: 0,
      notFound: 2,
      failed: 1,
    });
    expect(other.text).toBe('Sent to 0; 1 bot skipped; 2 not found; 1 could not be reached');
  });
});

describe('help, invalid input, progress, notice', () => {
  test('help lists each example with its meaning', () => {
    const text = shownText(renderHelp(USAGE));
    expect(text).toContain('`/rcnumber ext 101` — an extension');
    expect(text).toContain('forwarding numbers (also `fwd`)');
  });

  test('invalid input: the short error first, then the usage', () => {
    const reply = renderInvalid("I don't know `foo`. Try `/rcnumber help`.", USAGE);
    expect(shownText({ blocks: reply.blocks.slice(0, 1) })).toContain("I don't know `foo`.");
    expect(shownText(reply)).toContain('/rcnumber ext 101');
    expect(buttons(reply)).toEqual([]);
  });

  test('progress: label, percentage and a bar, clamped', () => {
    expect(renderProgress('Collecting numbers', 0.4).text).toBe('Collecting numbers… 40%');
    expect(shownText(renderProgress('Collecting numbers', 0.4))).toContain('▓▓▓▓░░░░░░');
    expect(renderProgress('Collecting numbers…', 7).text).toBe('Collecting numbers… 100%');
    expect(renderProgress('x', -1).text).toBe('x… 0%');
  });

  test('notice keeps its channel reference', () => {
    const reply = renderNotice('Shared in <#C0GENERAL>.');
    expect(reply.text).toBe('Shared in <#C0GENERAL>.');
    expect(shownText(reply)).toContain('<#C0GENERAL>');
  });
});
