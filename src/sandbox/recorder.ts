/**
 * The log of every request the sandbox answered, for tests to count calls by kind. Each answered
 * request also goes to the sink, if any (the run-wide request log, see request-log-file.ts).
 */
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

  constructor(private readonly sink: ((request: RecordedRequest) => void) | null = null) {}

  start(method: string, path: string, query = ''): RecordedRequest {
    const record: RecordedRequest = {
      method,
      path,
      query,
      group: null,
      status: 0,
      extensionId: null,
      at: Date.now(),
    };
    this.requests.push(record);
    return record;
  }

  /** The request has been answered. */
  finish(record: RecordedRequest): void {
    record.answeredAt = Date.now();
    this.sink?.(record);
  }

  reset(): void {
    this.requests.length = 0;
  }

  /** Requests whose parameters the spec rules out, sent without saying so on purpose. */
  specViolations(): RecordedRequest[] {
    return this.requests.filter((r) => r.specProblems && !r.probe);
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
