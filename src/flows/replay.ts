import type { PageValue, ShareValue } from '../blocks/values';
import type { DirectoryCommand } from './answer-command';

/**
 * Button values name a command to run again, never its result: the clicking member's own
 * token answers it afresh, so a button cannot carry one person's data to another.
 */
export function commandFromShare(value: ShareValue): DirectoryCommand | null {
  const q = value.q?.trim() ?? '';
  switch (value.c) {
    case 'lookup':
      return q ? { kind: 'lookup', query: q } : null;
    case 'ext':
      return q ? { kind: 'extension', number: q } : null;
    case 'find':
      return q ? { kind: 'find', text: q } : null;
    case 'numbers':
      return { kind: 'numbers', target: q ? { kind: 'extension', number: q } : { kind: 'self' } };
    case 'forwarding':
      return {
        kind: 'forwarding',
        target: q ? { kind: 'extension', number: q } : { kind: 'self' },
      };
    case 'company':
      return { kind: 'company' };
  }
}

export function commandFromPage(value: PageValue): DirectoryCommand {
  return value.c === 'find' ? { kind: 'find', text: value.q } : { kind: 'lookup', query: value.q };
}
