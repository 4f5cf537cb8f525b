import { GENERIC_ERROR, renderError, userMessage } from '../../src/blocks';
import { AppError } from '../../src/errors';

const err = (
  code: AppError['code'],
  message = 'internal detail',
  details: AppError['details'] = {},
) => new AppError(code, message, details);

describe('userMessage', () => {
  test.each([
    [
      err('not_linked'),
      {},
      'You have not connected RingCentral yet. Run `/rcnumber link` to connect your own RingCentral account.',
    ],
    [
      err('link_broken', 'x', { reason: 'RingCentral refused the refresh token.' }),
      {},
      'Your RingCentral connection stopped working: RingCentral refused the refresh token. Run `/rcnumber link` to reconnect.',
    ],
    [
      err('link_broken'),
      {},
      'Your RingCentral connection stopped working. Run `/rcnumber link` to reconnect.',
    ],
    [err('forbidden'), {}, 'Your RingCentral role does not allow this.'],
    [
      err('forbidden'),
      { action: 'forwarding' as const },
      "Your RingCentral role does not allow reading other people's forwarding numbers.",
    ],
    [
      err('forbidden', 'x', { userText: 'RingCentral does not let your role read your own list.' }),
      { action: 'forwarding' as const },
      'RingCentral does not let your role read your own list.',
    ],
    [
      err('ringcentral_refused', 'RingCentral refused the request (CMN-101)', {
        errorCode: 'CMN-101',
      }),
      {},
      'RingCentral refused this request.',
    ],
    [err('not_found'), { extensionNumber: '999' }, 'No extension 999 in your RingCentral account.'],
    [err('not_found'), {}, 'RingCentral found nothing like that in your account.'],
    [
      err('no_forwarding'),
      { extensionNumber: '300' },
      'Extension 300 has no forwarding numbers: only user extensions forward calls.',
    ],
    [
      err('rate_limited', 'x', { retryAfterSec: 45 }),
      {},
      'RingCentral asks us to slow down; try again in 45 seconds.',
    ],
    [
      err('rate_limited', 'x', { retryAfterSec: 1 }),
      {},
      'RingCentral asks us to slow down; try again in 1 second.',
    ],
    [
      err('rate_limited', 'x', { retryAfterSec: 600 }),
      {},
      'RingCentral asks us to slow down; try again in 10 minutes.',
    ],
    [err('rate_limited'), {}, 'RingCentral asks us to slow down; try again in a minute.'],
    [err('ringcentral_unavailable'), {}, 'RingCentral did not answer; try again in 30 seconds.'],
    [
      err('ringcentral_unavailable', 'x', { retryAfterSec: 5 }),
      {},
      'RingCentral did not answer; try again in 5 seconds.',
    ],
    [
      err('invalid_input', 'Type at least 3 digits to search by the start of a number.'),
      {},
      'Type at least 3 digits to search by the start of a number.',
    ],
    [err('not_admin'), {}, 'Only RingCentral admins can do this.'],
    [
      err('not_admin'),
      { action: 'onboard' as const },
      'Only RingCentral admins can send the link prompt to other members.',
    ],
    [
      err('link_changed'),
      {},
      'Your RingCentral link changed while I was answering. Please ask again.',
    ],
    [
      err('cannot_post'),
      {},
      'I cannot post in that conversation. Add the app to the channel, then share again.',
    ],
    [
      err('oauth_failed', 'x', { reason: 'RingCentral did not accept the sign-in' }),
      {},
      'Connecting RingCentral did not work: RingCentral did not accept the sign-in. Run `/rcnumber link` to try again.',
    ],
  ])('%s %j', (error, context, expected) => {
    expect(userMessage(error, context)).toBe(expected);
  });

  test('anything that is not an AppError gets the generic sentence, never its details', () => {
    const boom = new Error('ECONNRESET at Socket.read (/app/node_modules/x.js:1:1)');
    expect(userMessage(boom)).toBe(GENERIC_ERROR);
    expect(userMessage('a string')).toBe(GENERIC_ERROR);
    expect(userMessage(undefined)).toBe(GENERIC_ERROR);
    expect(GENERIC_ERROR).toBe('Something went wrong; nothing was changed. Try again in a moment.');
  });

  test('internal messages of other codes never reach the user', () => {
    for (const code of [
      'forbidden',
      'not_found',
      'ringcentral_unavailable',
      'ringcentral_refused',
      'rate_limited',
    ] as const) {
      expect(userMessage(err(code, 'RingCentral answered 503 (CMN-211)'))).not.toContain('CMN');
    }
  });
});

describe('renderError', () => {
  test('a warning section with the same words, escaped', () => {
    const reply = renderError(err('link_broken', 'x', { reason: 'revoked <!channel> & gone' }));
    expect(reply.text).toContain('revoked &lt;!channel&gt; &amp; gone');
    expect(JSON.stringify(reply.blocks)).not.toContain('<!channel>');
    expect(reply.blocks).toHaveLength(1);
  });
});
