/**
 * Signs someone in at the sandbox the way a browser would: open the authorization URL, find the
 * sign-in page's request id, and post the approve (or deny) form. Returns where the browser
 * would be sent next: the app's redirect URI with `code` and `state`, or with an error.
 */
import { APPROVE_PATH, DENY_PATH } from './oauth/sign-in-page';

export async function driveSignIn(
  authorizeUrl: string,
  who: string,
  deny: boolean,
): Promise<string> {
  const url = new URL(authorizeUrl);
  // With login_hint the server would skip the page; the page is what a browser walks through.
  url.searchParams.delete('login_hint');
  const page = await fetch(url, { redirect: 'manual', headers: { accept: 'text/html' } });
  const html = await page.text();
  const early = page.headers.get('location');
  if (page.status === 302 && early) return early;
  if (page.status !== 200) {
    throw new Error(
      `The sign-in page answered ${page.status}: ${html.replace(/<[^>]+>/g, ' ').trim()}`,
    );
  }
  const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1];
  if (!requestId) throw new Error('The sign-in page has no sign-in form');
  const answer = await fetch(new URL(deny ? DENY_PATH : APPROVE_PATH, url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ request: requestId, who }).toString(),
  });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) {
    const text = (await answer.text())
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    throw new Error(`Could not sign in as "${who}" (${answer.status}): ${text}`);
  }
  await answer.body?.cancel();
  return location;
}
