// Slack's file upload flow, as `filesUploadV2` of @slack/web-api drives it:
// files.getUploadURLExternal (a file id and an upload URL), a POST of the bytes to that URL (raw
// or multipart, as Slack accepts both), then files.completeUploadExternal, which shares the
// files in a conversation (or keeps them private without one). Each upload completes once.
import { type ApiAnswer, type ApiArgs, fail, text } from './types';
import type { SlackChannel, Workspace } from './workspace';

type Handler = (ws: Workspace, args: ApiArgs) => ApiAnswer;

/** One file as the stand-in keeps it, with its bytes, so tests can read what was uploaded. */
export interface SlackFile {
  id: string;
  filename: string;
  /** The `length` the app declared when it asked for the upload URL. */
  length: number;
  title: string;
  /** The bytes posted to the upload URL; null until then. */
  content: Buffer | null;
  /** Where completeUploadExternal shared it: null while pending or when kept private. */
  channel: string | null;
  initialComment: string | null;
  completed: boolean;
}

/** What a workspace needs for uploads; Slack's own default limit is 1 GB a file. */
export const DEFAULT_MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

const getUploadURLExternal: Handler = (ws, args) => {
  const filename = text(args.filename);
  if (filename === undefined) {
    return fail('invalid_arguments', ['[ERROR] missing required field: filename']);
  }
  const raw = args.length;
  const length = typeof raw === 'number' ? raw : Number(text(raw) ?? Number.NaN);
  if (!Number.isInteger(length) || length < 0) {
    return fail('invalid_arguments', ['[ERROR] length must be an integer']);
  }
  // Slack: "Typically only occurs when the `length` provided is 0."
  if (length === 0) return fail('missing_argument');
  if (length > ws.maxUploadBytes) return fail('file_upload_size_restricted');
  const id = `F${ws.nextId(10)}`;
  ws.files.set(id, {
    id,
    filename,
    length,
    title: filename,
    content: null,
    channel: null,
    initialComment: null,
    completed: false,
  });
  return { ok: true, upload_url: `${ws.uploadOrigin}/upload/v1/${id}`, file_id: id };
};

function fileJson(ws: Workspace, file: SlackFile) {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.filename)?.[1]?.toLowerCase() ?? 'binary';
  return {
    id: file.id,
    created: Math.floor(Date.now() / 1000),
    name: file.filename,
    title: file.title,
    mimetype: extension === 'csv' ? 'text/csv' : 'application/octet-stream',
    filetype: extension,
    user: ws.identity.botUserId,
    size: file.content?.length ?? 0,
    is_public: file.channel !== null && !ws.channels.get(file.channel)?.is_private,
    channels: file.channel ? [file.channel] : [],
  };
}

function shareTarget(ws: Workspace, id: string | undefined): SlackChannel | ApiAnswer | undefined {
  if (id === undefined) return undefined;
  const channel = ws.channels.get(id);
  if (!channel || (channel.is_private && !channel.is_member)) return fail('channel_not_found');
  if (!channel.is_member) return fail('not_in_channel');
  return channel;
}

const completeUploadExternal: Handler = (ws, args) => {
  const list = args.files;
  if (!Array.isArray(list) || list.length === 0) {
    return fail('invalid_arguments', ['[ERROR] missing required field: files']);
  }
  const target = shareTarget(ws, text(args.channel_id));
  if (target && 'ok' in target) return target;
  const files: SlackFile[] = [];
  for (const item of list as Array<{ id?: unknown; title?: unknown }>) {
    const file = typeof item?.id === 'string' ? ws.files.get(item.id) : undefined;
    // Never uploaded, or already completed: either way there is nothing to finish.
    if (!file || file.completed || file.content === null) return fail('file_not_found');
    if (file.content.length !== file.length) {
      return fail('invalid_arguments', [
        `[ERROR] file ${file.id}: ${file.content.length} bytes uploaded, ${file.length} declared`,
      ]);
    }
    files.push(file);
    if (typeof item.title === 'string' && item.title !== '') file.title = item.title;
  }
  const comment = text(args.initial_comment) ?? null;
  for (const file of files) {
    file.completed = true;
    file.channel = target?.id ?? null;
    file.initialComment = comment;
  }
  if (target) {
    const ts = ws.nextTs();
    ws.messages.set(`${target.id}:${ts}`, {
      channel: target.id,
      ts,
      user: ws.identity.botUserId,
      bot_id: ws.identity.botId,
      text: comment ?? '',
      files: files.map((file) => file.id),
    });
  }
  return { ok: true, files: files.map((file) => fileJson(ws, file)) };
};

export const fileMethods: Record<string, Handler> = {
  'files.getUploadURLExternal': getUploadURLExternal,
  'files.completeUploadExternal': completeUploadExternal,
};

/**
 * The body posted to an upload URL: the file itself, or the first file part of a multipart
 * form (what @slack/web-api sends). Null when a multipart body holds no file.
 */
export async function uploadedBytes(contentType: string, body: Buffer): Promise<Buffer | null> {
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) return body;
  const form = await new Response(new Uint8Array(body), {
    headers: { 'content-type': contentType },
  }).formData();
  let file: Blob | null = null;
  form.forEach((value) => {
    if (file === null && typeof value !== 'string') file = value;
  });
  const found = file as Blob | null;
  return found ? Buffer.from(await found.arrayBuffer()) : null;
}

/** `POST /upload/v1/<id>`: keeps the bytes of a pending upload; Slack answers 200 "OK". */
export async function receiveUpload(
  ws: Workspace,
  id: string,
  contentType: string,
  body: Buffer,
): Promise<{ status: number; text: string }> {
  const file = ws.files.get(id);
  if (!file || file.completed) return { status: 404, text: 'not_found' };
  const bytes = await uploadedBytes(contentType, body);
  if (bytes === null) return { status: 400, text: 'no file in the form' };
  file.content = bytes;
  return { status: 200, text: `OK - ${bytes.length}` };
}
