import type { MemberKey } from '../model';
import type { Services } from '../services';
import type { ShareChannel } from '../slack/share-channel';
import type { DirectoryCommand } from './answer-command';

/** What the audit trail keeps of one share besides who made it and where. */
export interface ShareFacts {
  command: string;
  personalCount: number;
  confirmed: boolean;
}

/**
 * Writes one share to the audit trail, with the sharer's RingCentral identity (whose token read
 * what was posted). Called once the post went out; a failure to record is logged, with ids only,
 * since the channel already has the message.
 */
export async function recordShare(
  services: Services,
  member: MemberKey,
  channel: ShareChannel,
  facts: ShareFacts,
): Promise<void> {
  try {
    const link = await services.links.getLink(member);
    await services.audit.recordShare({
      ...member,
      accountId: link?.identity.accountId ?? '',
      extensionId: link?.identity.extensionId ?? '',
      extensionNumber: link?.identity.extensionNumber ?? '',
      command: facts.command,
      channelId: channel.channelId,
      channelName: channel.name,
      sharedAt: services.now(),
      personalCount: facts.personalCount,
      confirmed: facts.confirmed,
      sharedExternally: channel.sharedExternally,
      memberCount: channel.memberCount,
    });
  } catch (error) {
    services.logger.error(
      {
        teamId: member.teamId,
        userId: member.userId,
        channelId: channel.channelId,
        message: (error as Error).message,
      },
      'share not recorded in the audit trail',
    );
  }
}

/** The command as a member would type it, for the audit trail: never the answer. */
export function commandText(command: DirectoryCommand): string {
  switch (command.kind) {
    case 'lookup':
      return command.query;
    case 'extension':
      return `ext ${command.number}`;
    case 'find':
      return `find ${command.text}`;
    case 'company':
      return 'company';
    case 'numbers':
    case 'forwarding': {
      const target = command.target;
      if (target.kind === 'extension') return `${command.kind} ext ${target.number}`;
      if (target.kind === 'user') return `${command.kind} <@${target.userId}>`;
      return command.kind;
    }
  }
}
