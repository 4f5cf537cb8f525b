// views.* methods of the Slack stand-in. Views keep an id and a hash that changes on every
// update, so the app's "open a loading modal, then views.update with the hash" path, and its
// handling of hash_conflict, can be exercised.
import { checkView } from './block-limits';
import { type ApiAnswer, type ApiArgs, fail, text } from './types';
import type { SlackView, Workspace } from './workspace';

type Handler = (ws: Workspace, args: ApiArgs) => ApiAnswer;

/** A trigger_id can open or push one view, once. */
function useTrigger(ws: Workspace, args: ApiArgs): ApiAnswer | undefined {
  const trigger = text(args.trigger_id);
  if (trigger === undefined) {
    return fail('invalid_arguments', ['[ERROR] missing required field: trigger_id']);
  }
  if (ws.usedTriggers.has(trigger)) return fail('exchanged_trigger_id');
  ws.usedTriggers.add(trigger);
  return undefined;
}

function checkExternalId(ws: Workspace, externalId: string, ownId?: string): ApiAnswer | undefined {
  for (const view of ws.views.values()) {
    if (view.external_id === externalId && view.id !== ownId) return fail('duplicate_external_id');
  }
  return undefined;
}

/** Builds the stored view from what the app sent, keeping identity fields of `previous`. */
function buildView(ws: Workspace, sent: Record<string, unknown>, previous?: SlackView): SlackView {
  const id = previous?.id ?? `V${ws.nextId(10)}`;
  const { teamId, appId, botId } = ws.identity;
  return {
    ...sent,
    id,
    team_id: teamId,
    type: String(sent.type),
    hash: ws.nextHash(),
    callback_id: text(sent.callback_id) ?? '',
    external_id: text(sent.external_id) ?? previous?.external_id ?? '',
    private_metadata: text(sent.private_metadata) ?? '',
    blocks: Array.isArray(sent.blocks) ? sent.blocks : [],
    // Input values are what the user typed; a fresh view starts empty.
    state: previous?.state ?? { values: {} },
    clear_on_close: sent.clear_on_close === true,
    notify_on_close: sent.notify_on_close === true,
    previous_view_id: previous?.previous_view_id ?? null,
    root_view_id: previous?.root_view_id ?? id,
    app_id: appId,
    bot_id: botId,
    app_installed_team_id: teamId,
    ...(previous?.user_id === undefined ? {} : { user_id: previous.user_id }),
  };
}

function answer(view: SlackView): ApiAnswer {
  const { user_id: _userId, ...json } = view;
  return { ok: true, view: json };
}

function newModal(ws: Workspace, args: ApiArgs): ApiAnswer {
  const problem = checkView(args.view, ['modal']);
  if (problem) return fail(problem.error, [problem.message]);
  const triggerProblem = useTrigger(ws, args);
  if (triggerProblem) return triggerProblem;
  const sent = args.view as Record<string, unknown>;
  const externalId = text(sent.external_id);
  const duplicate = externalId === undefined ? undefined : checkExternalId(ws, externalId);
  if (duplicate) return duplicate;
  const view = buildView(ws, sent);
  ws.views.set(view.id, view);
  return answer(view);
}

const update: Handler = (ws, args) => {
  const viewId = text(args.view_id);
  const externalId = text(args.external_id);
  if (viewId === undefined && externalId === undefined) {
    return fail('invalid_arguments', ['[ERROR] either view_id or external_id is required']);
  }
  const current =
    viewId !== undefined
      ? ws.views.get(viewId)
      : [...ws.views.values()].find((view) => view.external_id === externalId);
  if (!current) return fail('not_found');
  const hash = text(args.hash);
  if (hash !== undefined && hash !== current.hash) return fail('hash_conflict');
  const problem = checkView(args.view, [current.type]);
  if (problem) return fail(problem.error, [problem.message]);
  const sent = args.view as Record<string, unknown>;
  const newExternal = text(sent.external_id);
  const duplicate =
    newExternal === undefined ? undefined : checkExternalId(ws, newExternal, current.id);
  if (duplicate) return duplicate;
  const view = buildView(ws, sent, current);
  ws.views.set(view.id, view);
  return answer(view);
};

const publish: Handler = (ws, args) => {
  const userId = text(args.user_id);
  const user = userId === undefined ? undefined : ws.users.get(userId);
  if (!user || userId === undefined) return fail('user_not_found');
  const problem = checkView(args.view, ['home']);
  if (problem) return fail(problem.error, [problem.message]);
  const currentId = ws.homeViews.get(userId);
  const current = currentId === undefined ? undefined : ws.views.get(currentId);
  const hash = text(args.hash);
  if (current && hash !== undefined && hash !== current.hash) return fail('hash_conflict');
  const view = buildView(ws, args.view as Record<string, unknown>, current);
  view.user_id = userId;
  ws.views.set(view.id, view);
  ws.homeViews.set(userId, view.id);
  return answer(view);
};

export const viewMethods: Record<string, Handler> = {
  'views.open': newModal,
  // Pushing needs a trigger like opening; the stand-in does not track which modal is on top.
  'views.push': newModal,
  'views.update': update,
  'views.publish': publish,
};
