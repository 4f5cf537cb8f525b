// The stand-in's response_urls: each takes a few posts (Slack: about five in 30 minutes), then
// answers 404; an expired one answers 404 at once; a post whose blocks break Block Kit's limits
// is refused with 400 `invalid_blocks`, as Slack does; tests may queue refusals and hangs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkMessageBlocks } from './block-limits';
import { StandInFaults } from './faults';
import { readBody, sendText } from './http';
import type { RecordedResponse, ResponseBody } from './types';
import type { Watched } from './watched';

/** A post a response_url refused: its status and Slack's body text. */
export interface RefusedResponse {
  id: string;
  status: number;
  error: string;
  at: number;
}

export interface ResponseUrlState {
  faults: StandInFaults;
  responses: Watched<RecordedResponse>;
  refused: RefusedResponse[];
  uses: Map<string, number>;
  expired: Set<string>;
  maxUses: number;
}

export async function handleResponseUrl(
  state: ResponseUrlState,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
): Promise<void> {
  const raw = await readBody(req);
  const refuse = (status: number, error: string) => {
    state.refused.push({ id, status, error, at: Date.now() });
    sendText(res, status, error);
  };
  const fault = state.faults.responseUrls.take(id);
  if (fault === 'hang') return;
  if (fault) {
    const answer = StandInFaults.responseUrlAnswer(fault);
    return refuse(answer.status, answer.text);
  }
  if (state.expired.has(id)) return refuse(404, 'expired_url');
  const used = state.uses.get(id) ?? 0;
  if (used >= state.maxUses) return refuse(404, 'used_url');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return refuse(400, 'invalid_payload');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return refuse(400, 'invalid_payload');
  }
  if (checkMessageBlocks((body as ResponseBody).blocks)) return refuse(400, 'invalid_blocks');
  state.uses.set(id, used + 1);
  state.responses.push({ id, body: body as ResponseBody, at: Date.now() });
  sendText(res, 200, 'ok');
}
