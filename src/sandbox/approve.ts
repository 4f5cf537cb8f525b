/**
 * Signs someone in at the sandbox the way a browser would: open the authorization URL (following
 * an app's own redirects to it), find the sign-in page's request id, and post the approve (or
 * deny) form. Returns where the browser would be sent next: the app's redirect URI with `code`
 * and `state`, or with an error.
 */
import { APPROVE_PATH, DENY_PATH } from './oauth/sign-in-page';

const AUTHORIZE_PATH = '/restapi/oauth/authorize';
const MAX_HOPS = 5;

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

async function signInPage(sandboxUrl: string, start: string): Promise<Response> {
  let url = new URL(start);
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const atSandbox = url.origin === new URL(sandboxUrl).origin && url.pathname === AUTHORIZE_PATH;
    // With login_hint the sandbox would skip its page; the page is what a browser walks through.
    if (atSandbox) url.searchParams.delete('login_hint');
    const res = await fetch(url, { redirect: 'manual', headers: { accept: 'text/html' } });
    const location = res.headers.get('location');
    if (atSandbox || res.status < 300 || res.status >= 400 || !location) return res;
    await res.body?.cancel();
    url = new URL(location, url);
  }
  throw new Error(`Too many redirects before the sign-in page: ${start}`);
}

export async function driveSignIn(
  sandboxUrl: string,
  authorizeUrl: string,
  who: string,
  deny: boolean,
): Promise<string> {
  const page = await signInPage(sandboxUrl, authorizeUrl);
  const html = await page.text();
  const early = page.headers.get('location');
  // The sandbox refused the request itself and sent the browser back to the app with an error.
  if (page.status === 302 && early) return early;
  if (page.status !== 200)
    throw new Error(`The sign-in page answered ${page.status}: ${text(html)}`);
  const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1];
  if (!requestId) throw new Error('The sign-in page has no sign-in form');
  const answer = await fetch(new URL(deny ? DENY_PATH : APPROVE_PATH, sandboxUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ request: requestId, who }).toString(),
  });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) {
    throw new Error(
      `Could not sign in as "${who}" (${answer.status}): ${text(await answer.text())}`,
    );
  }
  await answer.body?.cancel();
  return location;
}
