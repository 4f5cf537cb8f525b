import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Call": the browser opens RingCentral's call link; Slack's click needs only its ack. */
export function call() {
  return async ({ ack }: Args): Promise<void> => {
    await ack();
  };
}
