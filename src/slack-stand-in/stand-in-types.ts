// What the Slack stand-in offers its callers (the demo, the tests): its options, one workspace's
// handle, and the whole stand-in.
import type { ResponseUrlFault } from './faults';
import type { SlackFile } from './files';
import type { InstallAs, InstallClient } from './installs';
import type { RefusedResponse } from './response-urls';
import type { ApiArgs, RecordedCall, RecordedResponse, ResponseBody } from './types';
import type {
  Identity,
  NewSlackChannel,
  NewSlackUser,
  SlackChannel,
  SlackUser,
  SlackView,
} from './workspace';

export interface NewWorkspace {
  teamId: string;
  teamName?: string;
  botUserId?: string;
  botId?: string;
  /** The channel every full member is in; slash commands come from it by default. */
  generalChannelId?: string;
  /** The Enterprise Grid organisation the workspace belongs to (created on first mention). */
  enterpriseId?: string;
  enterpriseName?: string;
  users?: NewSlackUser[];
  channels?: NewSlackChannel[];
}

export interface SlackStandInOptions extends Partial<NewWorkspace> {
  appId?: string;
  /** When set, this token acts in the first workspace, and only tokens issued here act at all. */
  botToken?: string;
  /**
   * Only tokens given (`botToken`) or issued by the install flow act, each in its own
   * workspace; others get `invalid_auth`, calls without one `not_authed`. Default: when
   * `botToken` is set. Otherwise any token, or none, acts in the first workspace.
   */
  strictTokens?: boolean;
  /** The Slack app's client id and secret: the install flow (authorize page, oauth.v2.access). */
  oauthClient?: InstallClient;
  /** Posts a response_url accepts before it answers 404 (Slack: 5 within 30 minutes). */
  responseUrlMaxUses?: number;
  /** The first workspace's file size limit (Slack: 1 GB); larger uploads are refused. */
  maxUploadBytes?: number;
}

/** One workspace of the stand-in: its members, conversations and views. */
export interface StandInWorkspace {
  identity: Identity;
  users: Map<string, SlackUser>;
  addUser(user: NewSlackUser): SlackUser;
  channels: Map<string, SlackChannel>;
  addChannel(channel: NewSlackChannel): SlackChannel;
  /** Views by id, as last opened, updated or published. */
  views: Map<string, SlackView>;
  /** Uploaded files by id, with their bytes (pending uploads included). */
  files: Map<string, SlackFile>;
  /** The Home tab last published for a user. */
  homeView(userId: string): SlackView | undefined;
}

/** The stand-in; its own workspace fields are the first workspace's. */
export interface SlackStandIn extends StandInWorkspace {
  /** Base for SLACK_API_URL, ending in '/api/'. */
  url: string;
  /** Every Web API call in arrival order, including failed and rate-limited attempts. */
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Resolves with the first past or future call to `method` that matches. */
  waitFor(
    method: string,
    predicate?: (args: ApiArgs, call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  /** Forgets calls, responses, used triggers and pending failures; keeps users, channels, views. */
  reset(): void;
  /** Another workspace, with its own members, conversations and views. */
  addWorkspace(workspace: NewWorkspace): StandInWorkspace;
  workspace(teamId: string): StandInWorkspace | undefined;
  /**
   * Plays Slack's authorize page for `as` (who installs where): resolves with where it sends
   * the browser, the app's redirect URL with `code` and `state` (or `error`).
   */
  approveInstall(authorizeUrl: string, as: InstallAs): Promise<string>;
  /** The tokens issued to a workspace's or an organisation's installs that still act. */
  botTokens(of: { teamId: string } | { enterpriseId: string }): string[];
  /** Removes the app there: every token issued to it answers `token_revoked` from now on. */
  uninstall(from: { teamId: string } | { enterpriseId: string }): number;
  /** The next `count` calls to `method` get HTTP 429 with `Retry-After: retryAfterSec`. */
  rateLimitNext(method: string, count: number, retryAfterSec: number): void;
  /** The next `count` (default 1) calls to `method` answer `{ ok: false, error }`. */
  failNext(method: string, error: string, count?: number): void;
  /** The next `count` (default 1) calls to `method` ('*': any) never answer. */
  hangNext(method: string, count?: number): void;
  /**
   * The next `count` (default 1) posts to response_url `id` ('*': any) are refused with this
   * status (404 `expired_url`, 410 `gone`, 500…), or never answered (`'hang'`).
   */
  failResponseUrl(id: string, fault: ResponseUrlFault | 'hang', count?: number): void;
  /** A response_url served here: `${origin}/response/<id>`. */
  responseUrl(id?: string): string;
  /** Bodies posted to response_urls (one id, or all), in order. */
  responses(id?: string): RecordedResponse[];
  waitForResponse(
    id: string,
    predicate?: (body: ResponseBody, response: RecordedResponse) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedResponse>;
  /** Posts response_urls refused (404, 410, 500, 400 `invalid_blocks`…), in order. */
  refusedResponses: RefusedResponse[];
  /** Makes a response_url answer 404 `expired_url`, as after 30 minutes. */
  expireResponseUrl(id: string): void;
  close(): Promise<void>;
}
