/**
 * Reading the escaped text Slack sends for a slash command with `should_escape` on: mentions
 * arrive as `<@U123|ana>`, channels as `<#C123|general>`, emails and phone numbers Slack
 * recognised as `<mailto:…|…>` / `<tel:…|…>`, and the user's own `& < >` as entities.
 */

/** Splits on whitespace, keeping each `<…>` token whole even if its label has spaces in it. */
export function tokenize(text: string): string[] {
  return text.match(/<[^<>]*>|[^\s<]+|</g) ?? [];
}

/** Replaces `<mailto:…>` and `<tel:…>` links with what the user typed. */
export function unwrapLinks(text: string): string {
  return text.replace(
    /<(mailto|tel):([^|>]*)(?:\|([^>]*))?>/gi,
    (_link, _scheme, target: string, label?: string) => label ?? target,
  );
}

export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The user id of a `<@U123>` or `<@U123|ana>` token, else null. */
export function userMention(token: string): string | null {
  return /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token)?.[1] ?? null;
}

/** The channel id of a `<#C123>` or `<#C123|general>` token, else null. */
export function channelMention(token: string): string | null {
  return /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token)?.[1] ?? null;
}

/** `<!here>`, `<!channel>`, `<!subteam^S1|@team>`: group mentions a command cannot act on. */
export function isSpecialMention(token: string): boolean {
  return /^<![^>]*>$/.test(token);
}

/**
 * A short, harmless rendering of a word the user typed, to quote back in an error. Only letters,
 * digits and a few marks survive, so nothing can break out of a code span or ping anyone.
 */
export function quotable(word: string): string {
  const kept = [...decodeEntities(word)].filter((char) => /[\p{L}\p{N}_.@+-]/u.test(char));
  return kept.slice(0, 24).join('');
}
