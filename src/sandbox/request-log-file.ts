/**
 * The run-wide request log: when `RC_SANDBOX_REQUEST_LOG` names a folder, each sandbox (in this
 * process or a child) writes every request it answered to its own file there, one JSON line per
 * request. The test suite sets it for the whole run and, at its end, checks every line against
 * RingCentral's spec (test/support/global-teardown.js). Lines are written as requests finish,
 * so nothing is lost when a process ends without closing its sandbox.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { RecordedRequest } from './types';

export interface RequestLogFile {
  write(request: RecordedRequest): void;
  close(): void;
}

export function openRequestLogFile(
  folder: string | undefined = process.env.RC_SANDBOX_REQUEST_LOG,
): RequestLogFile | null {
  if (!folder) return null;
  let fd: number | null = openSync(path.join(folder, `${process.pid}-${randomUUID()}.jsonl`), 'a');
  return {
    write(request) {
      if (fd === null) return;
      const { method, path: requestPath, query, status, probe, specProblems } = request;
      const line = { method, path: requestPath, query, status, probe, specProblems };
      writeSync(fd, `${JSON.stringify(line)}\n`);
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
