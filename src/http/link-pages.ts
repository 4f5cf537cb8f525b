import type { ServerResponse } from 'node:http';
import { accountWords } from '../blocks';
import type { LinkRefusal } from '../model';
import { PATHS } from '../paths';
import type { SignIn } from '../ringcentral/oauth';
import type { Services } from '../services';
import { memberLabel, workspaceWords } from '../slack/member-label';
import type { Link, MemberKey, PendingLink } from '../store/types';
import { bindingCookie, clearedBindingCookie } from './browser-binding';
import { escapeHtml, htmlDocument, sendHtml, sendPage } from './html-page';
import { FORM_PAGE_HEADERS } from './same-origin';

const ENDED = 'Your RingCentral sign-in was ended.';

/** The page after a link was made: names both sides, so whoever approved sees what happened. */
export async function sendLinkedPage(services: Services, res: ServerResponse, link: Link) {
  const { identity } = link;
  const ext = identity.extensionNumber ? `, ext ${identity.extensionNumber}` : '';
  const rcExt = identity.extensionNumber ? ` ext ${identity.extensionNumber}` : '';
  const who = await memberLabel(services, link);
  sendPage(
    res,
    200,
    `Linked as ${identity.name}${ext}`,
    `Linked Slack member ${who.name} in workspace ${workspaceWords(who)} to RingCentral${rcExt} (${identity.name}). You can close this tab and go back to Slack.`,
    { 'Set-Cookie': clearedBindingCookie() },
  );
}

/** The page for a sign-in that was not linked, in words for whoever signed in. */
export async function sendRefusedPage(
  services: Services,
  res: ServerResponse,
  member: MemberKey,
  signIn: SignIn,
  refusal: LinkRefusal,
) {
  const who = await memberLabel(services, member);
  const slack = `${who.name} in workspace ${workspaceWords(who)}`;
  const { identity } = signIn;
  const extension = `${identity.name}, ext ${identity.extensionNumber}`;
  let message: string;
  switch (refusal.kind) {
    case 'email_mismatch':
      message = `This sign-in was for another person's Slack account; nothing was linked. The Connect button belongs to ${slack}, and the RingCentral extension you signed in with (${extension}) has another email address. ${ENDED} To link your own Slack account, run /rcnumber link in Slack and sign in from its button.`;
      break;
    case 'no_slack_email':
      message = `Nothing was linked: the Slack account of ${slack} has no email address rcnumber can read, so it cannot be matched to the RingCentral extension you signed in with (${extension}). ${ENDED} Ask a Slack admin to check the email on that profile.`;
      break;
    case 'no_ringcentral_email':
      message = `Nothing was linked: the RingCentral extension you signed in with (${extension}) has no email address, so it cannot be matched to the Slack account of ${slack}. ${ENDED} Ask your RingCentral admin to add one.`;
      break;
    case 'other_account': {
      const yours = accountWords({
        accountId: identity.accountId,
        accountName: signIn.accountName,
      });
      message = `Nothing was linked: this Slack workspace uses ${accountWords(refusal.expected)}, and you signed in to another one, ${yours}. ${ENDED} Sign in with your own account at the workspace's company.`;
      break;
    }
  }
  sendPage(res, 403, 'Nothing was linked', message, { 'Set-Cookie': clearedBindingCookie() });
}

/**
 * LINK_EMAIL_MATCH=confirm and the emails differ: the second page, shown to whoever signed in,
 * names both sides and asks again. Its form posts back only the pending sign-in's id; the page
 * works once, in this browser (the cookie is re-bound to the pending id), for a few minutes.
 */
export async function sendConfirmPage(
  services: Services,
  res: ServerResponse,
  pending: PendingLink,
) {
  const who = await memberLabel(services, pending);
  const { identity } = pending;
  const slackName = who.realName ?? who.userId;
  const handle = who.handle ? ` (${who.handle})` : '';
  const role = identity.isAdmin ? 'RingCentral administrator' : 'regular RingCentral user';
  const account = accountWords({ accountId: identity.accountId, accountName: pending.accountName });
  const minutes = Math.round((pending.expiresAt - pending.createdAt) / 60_000);
  const action = `${services.config.publicUrl}${PATHS.linkConfirm}`;
  const body = `<p>The RingCentral extension you signed in with could not be matched by email to
the Slack account this Connect button was for. Link them only if you mean to: this Slack member
will then look numbers up with this extension's RingCentral access.</p>
<h2>Slack account</h2>
<p><strong>${escapeHtml(slackName)}</strong>${escapeHtml(handle)}<br>
<small>member ${escapeHtml(who.userId)}, workspace ${escapeHtml(workspaceWords(who))}</small></p>
<h2>RingCentral extension</h2>
<p><strong>${escapeHtml(identity.name)}</strong>, ext ${escapeHtml(identity.extensionNumber)}, ${role}<br>
<small>${escapeHtml(account)}</small></p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="p" value="${escapeHtml(pending.id)}">
<button type="submit" name="decision" value="link">Link them</button>
<button type="submit" name="decision" value="cancel">Cancel</button>
</form>
<p><small>This page works once, in this browser, for ${minutes} minutes; until then nothing is
linked. If linked, the Slack member whose email this extension has is told.</small></p>`;
  sendHtml(res, 200, htmlDocument('Link another person’s Slack account?', body), {
    ...FORM_PAGE_HEADERS,
    'Set-Cookie': bindingCookie(services, pending.id),
  });
}
