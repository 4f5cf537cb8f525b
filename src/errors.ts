/**
 * One error type per failure class, each with a stable `code`. Listeners never build user text
 * from raw errors: `userMessage()` in src/blocks/error-text.ts turns a code into words.
 */
export type AppErrorCode =
  | 'not_linked'
  | 'link_broken'
  | 'link_changed'
  | 'forbidden'
  | 'not_found'
  | 'no_forwarding'
  | 'rate_limited'
  | 'ringcentral_unavailable'
  | 'ringcentral_refused'
  | 'invalid_input'
  | 'not_admin'
  | 'cannot_post'
  | 'oauth_failed';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: {
      retryAfterSec?: number;
      reason?: string;
      status?: number;
      /** RingCentral's `errorCode`, for the log (never shown to users). */
      errorCode?: string;
      /** Words the app wrote for the user about this case (never text from RingCentral). */
      userText?: string;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
