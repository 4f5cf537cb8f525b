import type { IncomingMessage } from 'node:http';
import type { Services } from '../services';

/**
 * The OAuth state is bound to the browser that confirmed the link page: the POST that starts
 * it sets this cookie, and the callback refuses a state that comes back without it. So a
 * RingCentral sign-in URL started by one person and opened by another links nothing.
 */
export const BINDING_COOKIE = 'rcnumber_link';
const PATH = '/oauth/ringcentral';
const MAX_AGE_SEC = 10 * 60;

export function bindingCookie(services: Services, state: string): string {
  const secure = services.config.publicUrl.startsWith('https:') ? '; Secure' : '';
  return `${BINDING_COOKIE}=${services.browserBinding.sign(state)}; Path=${PATH}; Max-Age=${MAX_AGE_SEC}; HttpOnly; SameSite=Lax${secure}`;
}

export function clearedBindingCookie(): string {
  return `${BINDING_COOKIE}=; Path=${PATH}; Max-Age=0; HttpOnly; SameSite=Lax`;
}

export function hasBinding(services: Services, req: IncomingMessage, state: string): boolean {
  return services.browserBinding.verify(state, cookieValue(req, BINDING_COOKIE));
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
