/**
 * The sandbox's stand-in for RingCentral's login page: a list of people to sign in as (one form
 * each), a box to type anyone's email or extension number, and a Deny button. Plain HTML forms,
 * so a real browser, curl or `Sandbox.approve` can all drive it.
 */
import type { Person } from '../company/company';
import { escapeHtml } from '../http/io';

/** Listing every person of a 10,000-extension company would make a multi-megabyte page. */
const LISTED_PEOPLE = 50;

export const APPROVE_PATH = '/restapi/oauth/authorize/approve';
export const DENY_PATH = '/restapi/oauth/authorize/deny';

export interface SignInPageInput {
  requestId: string;
  clientId: string;
  companyName: string;
  people: Person[];
  notice?: string;
}

function personForm(requestId: string, p: Person): string {
  const role = p.isAdmin ? ' <em>(admin)</em>' : '';
  return `<li><form method="post" action="${APPROVE_PATH}" data-email="${escapeHtml(p.email)}" data-extension-number="${escapeHtml(p.extensionNumber)}">
<input type="hidden" name="request" value="${escapeHtml(requestId)}">
<input type="hidden" name="extensionId" value="${escapeHtml(p.extensionId)}">
<button type="submit">Sign in as ${escapeHtml(p.name)}</button> ext ${escapeHtml(p.extensionNumber)}, ${escapeHtml(p.email)}${role}
</form></li>`;
}

export function signInPage(input: SignInPageInput): string {
  const { requestId } = input;
  const listed = input.people.slice(0, LISTED_PEOPLE).map((p) => personForm(requestId, p));
  const more =
    input.people.length > LISTED_PEOPLE
      ? `<p>${input.people.length - LISTED_PEOPLE} more people can sign in: type their email or extension number below.</p>`
      : '';
  const notice = input.notice
    ? `<p role="alert"><strong>${escapeHtml(input.notice)}</strong></p>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>RingCentral sandbox sign-in</title></head>
<body>
<h1>Sign in to ${escapeHtml(input.companyName)}</h1>
<p>The app <code>${escapeHtml(input.clientId)}</code> asks to read your RingCentral account.</p>
${notice}
<ul>
${listed.join('\n')}
</ul>
${more}
<form method="post" action="${APPROVE_PATH}">
<input type="hidden" name="request" value="${escapeHtml(requestId)}">
<label>Email or extension number <input name="who" autocomplete="username"></label>
<button type="submit">Sign in</button>
</form>
<form method="post" action="${DENY_PATH}">
<input type="hidden" name="request" value="${escapeHtml(requestId)}">
<button type="submit">Deny</button>
</form>
</body></html>
`;
}

export function errorPage(title: string, detail: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p></body></html>
`;
}
