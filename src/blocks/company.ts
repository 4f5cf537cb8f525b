/** Reply to `company`: the account and its company-level numbers. */
import type { CompanyResult } from '../model';
import { safe } from './escape';
import { formatNumber, numberText, plural } from './format';
import { actions, context, fields, header, LIMITS, message, packLines, section } from './kit';
import { numberLine, shareButton } from './parts';
import type { Message, RenderOptions } from './types';

export function renderCompany(result: CompanyResult, opts: RenderOptions): Message {
  const name = result.companyName?.trim() ? result.companyName : null;
  const pairs: Array<[string, string]> = [
    ['Main number', result.mainNumber ? numberText(result.mainNumber) : '—'],
    ['Service plan', safe(result.servicePlan ?? '—', 200)],
    ['Status', safe(result.status ?? '—', 100)],
  ];
  if (result.homeCountry) pairs.push(['Home country', safe(result.homeCountry, 100)]);
  const numbers = result.numbers;
  const list = packLines(
    (numbers ?? []).map((n) => numberLine(n, { paymentType: true, owner: true })),
    LIMITS.messageBlocks - 6,
  );
  let numbersNote: string;
  if (numbers === null) numbersNote = 'Your RingCentral role cannot list the company numbers.';
  else if (numbers.length === 0) numbersNote = 'No company numbers visible to you.';
  else if (list.shown < numbers.length) numbersNote = `showing ${list.shown} of ${numbers.length}`;
  else numbersNote = plural(numbers.length, 'number');
  const fallback = [
    name ?? 'Your RingCentral account',
    result.mainNumber ? `main number ${formatNumber(result.mainNumber)}` : '',
    result.servicePlan ?? '',
    result.status ?? '',
  ]
    .filter(Boolean)
    .join(', ');
  return message(fallback, [
    // The header is plain text, so the company name is shown in a section instead.
    header('Company'),
    section(
      `*${name ? safe(name, 150) : 'Your RingCentral account'}* · account ${safe(result.accountId, 40)}`,
    ),
    fields(pairs),
    section('*Company numbers*'),
    ...list.blocks,
    context(numbersNote),
    actions(opts.shareable && shareButton({ c: 'company' })),
  ]);
}
