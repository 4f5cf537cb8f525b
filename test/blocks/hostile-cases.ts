// Every renderer on huge and hostile input: 1000-item lists, 500-character names full of
// markup, 10 KB queries, forged Slack ids.
import {
  confirmShareModal,
  homeBroken,
  homeLinked,
  lookupModal,
  onboardSummary,
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
  renderNumbers,
  renderProgress,
  renderShared,
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
  extensions,
  find,
  forwarding,
  fwd,
  HUGE_NAME,
  HUGE_QUERY,
  identity,
  link,
  NOW,
  num,
  numbersResult,
  prefix,
  regular,
  SHARE,
  USAGE,
  whoOwns,
} from './fixtures';

const evilExt = (i = 0) =>
  ext({
    id: `9${i}`,
    extensionNumber: `${HUGE_NAME}${i}`,
    name: HUGE_NAME,
    type: HUGE_NAME,
    status: HUGE_NAME,
    email: HUGE_NAME,
    // Only a real Slack id may become a mention; this one must not.
    slackUserId: i % 2 === 0 ? 'U0OWNER' : '<!channel>',
  });
const evilNumber = (i: number) =>
  num({
    e164: i % 3 === 0 ? HUGE_NAME : `+1650331${String(i).padStart(4, '0')}`,
    usageType: HUGE_NAME,
    callType: HUGE_NAME,
    paymentType: HUGE_NAME,
    features: Array.from({ length: 1000 }, () => HUGE_NAME.slice(0, 40)),
    label: HUGE_NAME,
    owner: evilExt(i),
  });
const evilNumbers = Array.from({ length: 1000 }, (_, i) => evilNumber(i));
const evilEntries = Array.from({ length: 1000 }, (_, i) =>
  fwd({
    label: HUGE_NAME,
    e164: i % 2 ? null : HUGE_NAME,
    raw: HUGE_NAME,
    type: HUGE_NAME,
    features: [HUGE_NAME],
    flipNumber: HUGE_NAME,
  }),
);
const evilIdentity = identity({
  name: HUGE_NAME,
  extensionNumber: HUGE_NAME,
  extensionType: HUGE_NAME,
  email: HUGE_NAME,
});
const evilLink = link({ identity: evilIdentity, status: 'broken', brokenReason: HUGE_NAME });
const bigPage = { total: 100_000, offset: 40, limit: 1000 };

export const hostileCases: Case[] = [
  [
    'help',
    () =>
      renderHelp(Array.from({ length: 1000 }, () => ({ example: HUGE_NAME, meaning: HUGE_NAME }))),
  ],
  ['invalid', () => renderInvalid(HUGE_QUERY, [...USAGE])],
  ['link prompt', () => renderLinkPrompt({ url: CONNECT_URL, reason: HUGE_QUERY })],
  ['linked', () => renderLinked(evilIdentity)],
  ['me', () => renderMe(evilLink, NOW)],
  [
    'who owns',
    () =>
      renderLookup(whoOwns({ query: HUGE_QUERY, e164: HUGE_QUERY, number: evilNumber(0) }), SHARE),
  ],
  [
    'who owns: none',
    () =>
      renderLookup(
        whoOwns({ query: HUGE_QUERY, e164: HUGE_QUERY, number: null, viewer: regular }),
        SHARE,
      ),
  ],
  [
    'prefix',
    () =>
      renderLookup(
        prefix({
          query: HUGE_QUERY,
          digits: HUGE_QUERY,
          extension: evilExt(),
          page: { ...bigPage, items: evilNumbers },
        }),
        SHARE,
      ),
  ],
  [
    'extension',
    () =>
      renderExtension(
        extensionResult({ extension: evilExt(), numbers: evilNumbers, limitedView: true }),
        SHARE,
      ),
  ],
  [
    'find',
    () =>
      renderFind(
        find({
          text: HUGE_QUERY,
          page: { ...bigPage, items: Array.from({ length: 1000 }, (_, i) => evilExt(i)) },
        }),
        SHARE,
      ),
  ],
  [
    'numbers',
    () =>
      renderNumbers(
        numbersResult({
          extension: evilExt(),
          numbers: evilNumbers,
          isSelf: false,
          limitedView: true,
        }),
        SHARE,
      ),
  ],
  [
    'company',
    () =>
      renderCompany(
        company({
          companyName: HUGE_NAME,
          accountId: HUGE_NAME,
          mainNumber: HUGE_NAME,
          servicePlan: HUGE_NAME,
          status: HUGE_NAME,
          homeCountry: HUGE_NAME,
          numbers: evilNumbers,
        }),
        SHARE,
      ),
  ],
  [
    'forwarding',
    () =>
      renderForwarding(
        forwarding({ extension: evilExt(), isSelf: false, entries: evilEntries }),
        SHARE,
      ),
  ],
  [
    'shared',
    () =>
      renderShared(
        renderFind(
          find({
            text: HUGE_QUERY,
            page: { ...bigPage, items: extensions(1000, () => ({ name: HUGE_NAME })) },
          }),
          SHARE,
        ),
        'U0SHARER',
        AT,
      ),
  ],
  [
    'shared, bad sharer id',
    () =>
      renderShared(
        renderCompany(company({ numbers: evilNumbers }), SHARE),
        '<!channel>',
        new Date(Number.NaN),
      ),
  ],
  ['progress', () => renderProgress(HUGE_QUERY, Number.NaN)],
  ...CODES.map(
    (code): Case => [
      `error ${code}`,
      () =>
        renderError(new AppError(code, HUGE_QUERY, { retryAfterSec: 1e12, reason: HUGE_QUERY }), {
          extensionNumber: HUGE_QUERY,
        }),
    ],
  ),
  ['error thrown string', () => renderError(HUGE_QUERY)],
  [
    'modal',
    () =>
      lookupModal({
        state: 'ready',
        query: HUGE_QUERY,
        results: renderLookup(prefix({ page: { ...bigPage, items: evilNumbers } }), SHARE),
        privateMetadata: HUGE_QUERY,
      }),
  ],
  ['modal loading', () => lookupModal({ state: 'loading', query: HUGE_QUERY })],
  [
    'confirm share',
    () =>
      confirmShareModal({
        channelName: HUGE_QUERY,
        memberCount: 1e9,
        personalCount: 1e9,
        privateMetadata: HUGE_QUERY,
        sharedExternally: true,
        changed: true,
      }),
  ],
  [
    'home linked',
    () => homeLinked({ link: evilLink, numbers: evilNumbers, forwarding: evilEntries, now: NOW }),
  ],
  ['home broken', () => homeBroken({ reason: HUGE_QUERY, connectUrl: CONNECT_URL })],
  [
    'onboard summary',
    () =>
      onboardSummary({
        sent: 1e9,
        alreadyLinked: 1e9,
        bots: 1e9,
        recentlyReminded: 1e9,
        notFound: 1e9,
        failed: 1e9,
      }),
  ],
  [
    'link refused: other account',
    () =>
      renderLinkRefused({
        kind: 'other_account',
        expected: { accountId: HUGE_QUERY, accountName: HUGE_NAME },
      }),
  ],
  [
    'linked elsewhere',
    () => renderLinkedElsewhere({ extension: evilIdentity, slackUserId: '<!channel>' }),
  ],
];
