/** Reply to `find <text>`: matching extensions, paged, each with its own buttons. */
import type { FindResult } from '../model';
import { clip, safe } from './escape';
import { showing } from './format';
import { actions, context, LIMITS, type MaybeBlock, message, section } from './kit';
import { extensionButtons, ownerText, pagingButtons, shareButton } from './parts';
import type { Message, RenderOptions } from './types';

export function renderFind(result: FindResult, opts: RenderOptions): Message {
  const { page } = result;
  const query = safe(result.text, 100);
  // Each extension takes a section and a row of buttons; title and footer take the rest.
  const perItem = 2;
  const fit = Math.max(0, Math.floor((LIMITS.messageBlocks - 3) / perItem));
  const items = page.items.slice(0, fit);
  const range = showing(page.offset, items.length, page.total);
  const title =
    page.total === 0
      ? `No extension visible to you matches “${query}”.`
      : `Extensions matching “${query}”: ${range}`;
  const itemBlocks: MaybeBlock[] = items.flatMap((extension) => {
    const details = [ownerText(extension)];
    if (extension.email) details.push(safe(extension.email, 200));
    if (extension.status && extension.status !== 'Enabled')
      details.push(safe(extension.status, 40));
    return [section(details.join(' · ')), actions(...extensionButtons(extension))];
  });
  return message(
    page.total === 0
      ? `No extension visible to you matches "${clip(result.text, 100)}".`
      : `Extensions matching "${clip(result.text, 100)}": ${range}`,
    [
      section(title),
      ...itemBlocks,
      page.total === 0 ? context('Search by part of a name or an email address.') : null,
      actions(
        ...pagingButtons('find', result.text, page, items.length),
        opts.shareable &&
          page.total > 0 &&
          shareButton({ c: 'find', q: result.text, o: page.offset }),
      ),
    ],
  );
}
