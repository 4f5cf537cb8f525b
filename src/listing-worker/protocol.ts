/** What the main thread and the listing worker say to each other. */
import type { DirectoryExtras, DirectoryParts } from '../directory/directory-tables';
import type { AppErrorCode } from '../errors';
import type { ExtensionSummary } from '../model';

export type Request =
  | { kind: 'start'; job: number; accountId: string; self: ExtensionSummary }
  | { kind: 'page'; job: number; id: number; body: ArrayBuffer }
  | { kind: 'finish'; job: number; id: number; extras: DirectoryExtras }
  | { kind: 'cancel'; job: number };

/** An AppError as data (the class does not cross threads). */
export interface ErrorData {
  code: AppErrorCode;
  message: string;
  details: Record<string, unknown>;
}

export type Reply =
  | { id: number; ok: true; page: { paging: unknown; records: number } }
  | { id: number; ok: true; parts: DirectoryParts }
  | { id: number; ok: false; error: ErrorData };
