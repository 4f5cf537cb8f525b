// A local Slack for the demo and the tests: the Web API, response_urls, and signed requests.
// Nothing here imports the app; the app reaches the stand-in through SLACK_API_URL, and the
// stand-in reaches the app only by posting signed requests to its public URL.
export * from './payloads';
export {
  type ApiArgs,
  type NewSlackChannel,
  type NewSlackUser,
  type RecordedCall,
  type RecordedResponse,
  type ResponseBody,
  type SlackChannel,
  type SlackFile,
  type SlackStandIn,
  type SlackStandInOptions,
  type SlackUser,
  type SlackView,
  startSlackStandIn,
} from './server';
export * from './shortcut-payloads';
export * from './signed-requests';
export type { ApiAnswer, SlackBlock, ViewArgs } from './types';
export type { Identity } from './workspace';
