// What a test reads off the linking flow's messages and pages, and sends back as a browser.
import type { ResponseBody } from '../../src/slack-stand-in';

export function linkUrlOf(body: ResponseBody): string | null {
  const json = JSON.stringify(body.blocks ?? []);
  const match = json.match(/"url":"([^"]+)"/);
  return match?.[1] ? match[1].replace(/\\u0026/g, '&') : null;
}

/** The POST form of the Connect confirmation page: where it goes and the token it carries. */
export function confirmForm(html: string): { action: string; token: string } | null {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const token = /<input type="hidden" name="t" value="([^"]+)"/.exec(html)?.[1];
  return action && token ? { action: decodeEntities(action), token: decodeEntities(token) } : null;
}

/** The form of the second confirmation page: where it posts and the pending sign-in's id. */
export function pendingForm(html: string): { action: string; id: string } | null {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const id = /<input type="hidden" name="p" value="([^"]+)"/.exec(html)?.[1];
  return action && id ? { action: decodeEntities(action), id: decodeEntities(id) } : null;
}

/** The headers a browser adds to a form POST made from a page of the same origin. */
export function browserPost(action: string): Record<string, string> {
  return { origin: new URL(action).origin, 'sec-fetch-site': 'same-origin' };
}

function decodeEntities(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A browser walking the linking flow: it keeps the cookies that bind each sign-in to it. */
export interface LinkBrowser {
  /**
   * Follows a Connect button to RingCentral's authorization URL as a browser would: the page
   * naming the member (checked), then its form's POST, whose 303 leads to RingCentral.
   */
  authorizeUrl(buttonUrl: string): Promise<string>;
  /**
   * Opens RingCentral's redirect back to the app in the browser that started the sign-in (with
   * its binding cookie), or in another browser.
   */
  openCallback(
    callbackUrl: string,
    options?: { otherBrowser?: boolean },
  ): Promise<{ status: number; html: string; headers: Headers }>;
  /**
   * Answers the second confirmation page (LINK_EMAIL_MATCH=confirm) as the browser that signed
   * in would, or as another browser, or from another site.
   */
  decide(
    page: { html: string },
    decision?: 'link' | 'cancel',
    options?: { otherBrowser?: boolean; headers?: Record<string, string> },
  ): Promise<{ status: number; html: string; headers: Headers }>;
}

/**
 * One browser. `memberOf` names the Slack member a Connect token stands for, whom the
 * confirmation page must name before the browser continues.
 */
export function createBrowser(
  memberOf: (token: string) => Promise<string | undefined>,
): LinkBrowser {
  const browserCookies = new Map<string, string>();
  return {
    async authorizeUrl(buttonUrl) {
      const page = await fetch(buttonUrl, { redirect: 'manual' });
      const html = await page.text();
      if (page.status !== 200) throw new Error(`the Connect button answered ${page.status}`);
      const name = await memberOf(new URL(buttonUrl).searchParams.get('t') ?? '');
      if (!name || !html.includes(name)) {
        throw new Error(`the confirmation page does not name ${name}: ${html}`);
      }
      const form = confirmForm(html);
      if (!form) throw new Error(`no confirmation form in ${html}`);
      const response = await fetch(form.action, {
        method: 'POST',
        redirect: 'manual',
        // What a browser sends with a form posted from a same-origin page.
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...browserPost(form.action),
        },
        body: new URLSearchParams({ t: form.token }).toString(),
      });
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (response.status !== 303 || !location) throw new Error(`no redirect from ${form.action}`);
      // The browser keeps the cookie that binds this sign-in to it, for the callback.
      const cookie = response.headers.get('set-cookie')?.split(';')[0];
      const state = new URL(location).searchParams.get('state');
      if (cookie && state) browserCookies.set(state, cookie);
      return location;
    },
    async openCallback(callbackUrl, options = {}) {
      const state = new URL(callbackUrl).searchParams.get('state') ?? '';
      const cookie = options.otherBrowser ? undefined : browserCookies.get(state);
      const response = await fetch(callbackUrl, {
        redirect: 'manual',
        headers: cookie ? { cookie } : {},
      });
      const html = await response.text();
      // A second confirmation page re-binds the browser's cookie to the pending sign-in.
      const pending = pendingForm(html);
      const rebound = response.headers.get('set-cookie')?.split(';')[0];
      if (pending && rebound && !options.otherBrowser) browserCookies.set(pending.id, rebound);
      return { status: response.status, html, headers: response.headers };
    },
    async decide(page, decision = 'link', options = {}) {
      const form = pendingForm(page.html);
      if (!form) throw new Error(`no second confirmation form in ${page.html}`);
      const cookie = options.otherBrowser ? undefined : browserCookies.get(form.id);
      const response = await fetch(form.action, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(options.headers ?? browserPost(form.action)),
          ...(cookie ? { cookie } : {}),
        },
        body: new URLSearchParams({ p: form.id, decision }).toString(),
      });
      return { status: response.status, html: await response.text(), headers: response.headers };
    },
  };
}
