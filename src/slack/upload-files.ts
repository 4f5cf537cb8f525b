import { AppError } from '../errors';
import type { SlackDeps } from './deps';
import { slackErrorCode } from './error-code';

export interface UploadFile {
  filename: string;
  title: string;
  content: Buffer;
}

/** What Slack's refusals mean for the member who asked for the file. */
const REFUSALS: Record<string, string> = {
  file_uploads_disabled:
    'Your Slack workspace does not allow file uploads, so I could not send the file.',
  file_uploads_except_images_disabled:
    'Your Slack workspace allows only images to be uploaded, so I could not send the file.',
  file_upload_size_restricted:
    'Your Slack workspace limits the size of uploads, and this file is over that limit.',
  file_type_not_allowed: 'Your Slack workspace does not allow files of this type.',
};

/**
 * Sends files to the member's DM with the app, through Slack's current upload flow
 * (files.getUploadURLExternal, an upload to the returned URL, files.completeUploadExternal: what
 * `filesUploadV2` of @slack/web-api does), with one comment above them. Never to a channel: an
 * export is what one member's token may see, for that member alone.
 */
export async function uploadToDirectMessage(
  deps: SlackDeps,
  userId: string,
  files: UploadFile[],
  comment: string,
): Promise<void> {
  try {
    const opened = await deps.slack.conversations.open({ users: userId });
    const channelId = opened.channel?.id;
    if (!channelId) throw new Error('conversations.open gave no channel');
    await deps.slack.filesUploadV2({
      channel_id: channelId,
      initial_comment: comment,
      file_uploads: files.map((file) => ({
        file: file.content,
        filename: file.filename,
        title: file.title,
      })),
    });
  } catch (error) {
    const code = slackErrorCode(error);
    deps.logger.warn({ userId, code: code ?? (error as Error).message }, 'file not uploaded');
    const userText =
      (code && REFUSALS[code]) ??
      'Slack did not accept the file, so nothing was sent. Try again later.';
    throw new AppError('cannot_post', `upload failed: ${code ?? 'error'}`, { userText });
  }
}
