// Every renderer on typical input.
import {
  confirmShareModal,
  homeBroken,
  homeLinked,
  homeUnlinked,
  lookupModal,
  onboardSummary,
  refusedShareModal,
  reminderMessage,
  renderCompany,
  renderError,
  renderExtension,
  renderFind,
  renderForwarding,
  renderHelp,
  renderInvalid,
  renderLinked,
  renderLinkedElsewhere,
  renderLinkPrompt,
  renderLinkRefused,
  renderLookup,
  renderMe,
  renderNotice,
  renderNumbers,
  renderProgress,
  renderRefusal,
  renderShared,
  renderUnlinked,
  welcomeMessage,
} from '../../src/blocks';
import { AppError } from '../../src/errors';
import {
  AT,
  type Case,
  CODES,
  CONNECT_URL,
  company,
  ext,
  extensionResult,
  find,
  forwarding,
  identity,
  link,
  NOW,
  num,
  numbers,
  numbersResult,
  prefix,
  regular,
  SHARE,
  USAGE,
  whoOwns,
} from './fixtures';

export const typicalCases: Case[] = [
  ['help', () => renderHelp(USAGE)],
  ['invalid', () => renderInvalid("I don't know `foo`. Try `/rcnumber help`.", USAGE)],
  ['link prompt', () => renderLinkPrompt({ url: CONNECT_URL })],
  [
    'link prompt with reason',
    () => renderLinkPrompt({ url: CONNECT_URL, reason: 'RingCentral refused the refresh token' }),
  ],
  ['linked', () => renderLinked(identity())],
  ['unlinked', () => renderUnlinked()],
  ['me', () => renderMe(link(), NOW)],
  ['me broken', () => renderMe(link({ status: 'broken', brokenReason: 'token revoked' }), NOW)],
  ['who owns (admin)', () => renderLookup(whoOwns(), SHARE)],
  [
    'who owns (regular)',
    () => renderLookup(whoOwns({ viewer: regular, number: num({ features: null }) }), SHARE),
  ],
  ['who owns: none', () => renderLookup(whoOwns({ number: null, viewer: regular }), SHARE)],
  ['prefix', () => renderLookup(prefix({ extension: ext({ extensionNumber: '1650' }) }), SHARE)],
  [
    'prefix: none',
    () => renderLookup(prefix({ page: { total: 0, offset: 0, limit: 20, items: [] } }), SHARE),
  ],
  ['extension', () => renderExtension(extensionResult(), SHARE)],
  ['find', () => renderFind(find(), SHARE)],
  ['numbers', () => renderNumbers(numbersResult({ limitedView: true, isSelf: false }), SHARE)],
  ['company', () => renderCompany(company(), SHARE)],
  ['company, numbers hidden', () => renderCompany(company({ numbers: null }), SHARE)],
  ['forwarding', () => renderForwarding(forwarding(), SHARE)],
  ['forwarding: none', () => renderForwarding(forwarding({ entries: [] }), SHARE)],
  ['shared', () => renderShared(renderLookup(whoOwns(), SHARE), 'U0SHARER', AT)],
  ['progress', () => renderProgress('Collecting numbers', 0.4)],
  ...CODES.map(
    (code): Case => [
      `error ${code}`,
      () =>
        renderError(
          new AppError(code, 'That is too long to be a phone number.', {
            retryAfterSec: 45,
            reason: 'because',
          }),
        ),
    ],
  ),
  ['error unknown', () => renderError(new Error('boom'))],
  ['modal loading', () => lookupModal({ state: 'loading', query: '1650' })],
  ['modal empty', () => lookupModal({ state: 'ready' })],
  [
    'modal results',
    () => lookupModal({ state: 'ready', query: '1650', results: renderLookup(prefix(), SHARE) }),
  ],
  [
    'confirm share',
    () =>
      confirmShareModal({
        channelName: 'it-ops',
        memberCount: 42,
        personalCount: 3,
        privateMetadata: '{}',
      }),
  ],
  [
    'confirm share, no personal numbers, external channel, list changed',
    () =>
      confirmShareModal({
        channelName: 'partners',
        memberCount: 12,
        personalCount: 0,
        sharedExternally: true,
        changed: true,
      }),
  ],
  ['refused button', () => renderRefusal('other_member')],
  ['refused confirmation', () => refusedShareModal('changed')],
  ['home unlinked', () => homeUnlinked({ connectUrl: CONNECT_URL })],
  [
    'home linked',
    () =>
      homeLinked({ link: link(), numbers: numbers(3), forwarding: forwarding().entries, now: NOW }),
  ],
  ['home broken', () => homeBroken({ reason: 'token revoked', connectUrl: CONNECT_URL })],
  ['welcome', () => welcomeMessage({ connectUrl: CONNECT_URL })],
  ['reminder', () => reminderMessage({ connectUrl: CONNECT_URL })],
  [
    'onboard summary',
    () =>
      onboardSummary({
        sent: 12,
        alreadyLinked: 30,
        bots: 2,
        recentlyReminded: 3,
        notFound: 0,
        failed: 0,
      }),
  ],
  ['notice', () => renderNotice('Shared in <#C0GENERAL>.')],
  ['link refused: email', () => renderLinkRefused({ kind: 'email_mismatch' })],
  ['link refused: no Slack email', () => renderLinkRefused({ kind: 'no_slack_email' })],
  ['link refused: no RingCentral email', () => renderLinkRefused({ kind: 'no_ringcentral_email' })],
  [
    'link refused: other account',
    () =>
      renderLinkRefused({
        kind: 'other_account',
        expected: { accountId: '159048008', accountName: 'MyCompany Inc.' },
      }),
  ],
  [
    'linked elsewhere',
    () => renderLinkedElsewhere({ extension: link().identity, slackUserId: 'U0OWNER' }),
  ],
];
