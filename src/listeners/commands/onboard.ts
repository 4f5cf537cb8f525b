import type { WebClient } from '@slack/web-api';
import { renderError } from '../../blocks';
import type { Command } from '../../commands';
import { AppError } from '../../errors';
import type { Services } from '../../services';
import type { MemberKey } from '../../store/types';

type OnboardCommand = Extract<Command, { kind: 'onboard' }>;

export async function runOnboard(
  _services: Services,
  _client: WebClient,
  _member: MemberKey,
  _command: OnboardCommand,
  progress: { finish: (message: import('../../blocks').Message) => Promise<void> },
): Promise<void> {
  await progress.finish(
    renderError(new AppError('invalid_input', 'Onboarding is not available yet.')),
  );
}
