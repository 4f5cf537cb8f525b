/** What the exports collect under the asker's own token, before it becomes a spreadsheet. */
import type { ExtensionSummary, ForwardingEntry, NumberInfo, Viewer } from './answers';

export interface NumbersExport {
  viewer: Viewer;
  /** Every number this viewer may see, in E.164 order. */
  numbers: NumberInfo[];
  /** Why features are missing from an admin's export, when they are; else null. */
  featuresLeftOut: string | null;
}

/** One extension's forwarding list, or why it could not be read. */
export interface ForwardingExportItem {
  extension: ExtensionSummary;
  entries: ForwardingEntry[];
  /** Words for why the list is missing (the app's own, never RingCentral's text); else null. */
  problem: string | null;
}

export interface ForwardingExport {
  viewer: Viewer;
  items: ForwardingExportItem[];
}
