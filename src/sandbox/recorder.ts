/** The log of every request the sandbox answered, for tests to count calls by kind. */
import type { RateGroup, RecordedRequest } from './types';

export interface RequestFilter {
  group?: RateGroup;
  path?: RegExp;
  extensionId?: string;
  status?: number;
}

export class RequestLog {
  /** Kept as one array (cleared in place) so a reference taken earlier stays live. */
  readonly requests: RecordedRequest[] = [];

  start(method: string, path: string): RecordedRequest {
    const record: RecordedRequest = {
      method,
      path,
      group: null,
      status: 0,
      extensionId: null,
      at: Date.now(),
    };
    this.requests.push(record);
    return record;
  }

  reset(): void {
    this.requests.length = 0;
  }

  count(filter: RequestFilter = {}): number {
    return this.requests.filter(
      (r) =>
        (filter.group === undefined || r.group === filter.group) &&
        (filter.path === undefined ||
          new RegExp(filter.path.source, filter.path.flags.replace('g', '')).test(r.path)) &&
        (filter.extensionId === undefined || r.extensionId === filter.extensionId) &&
        (filter.status === undefined || r.status === filter.status),
    ).length;
  }
}
