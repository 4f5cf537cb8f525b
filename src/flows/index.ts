/** What each Slack interaction does, after its listener acked: the Slack-side use cases. */
export { type ActionSite, answerAction } from './answer-action';
export { type AnswerOptions, answerCommand, type DirectoryCommand } from './answer-command';
export { homeOpened, homeViewFor, publishHome } from './app-home';
export { answerExtensionList, answerPage, noteConnectClicked, unlinkFromButton } from './buttons';
export { completeLink } from './complete-link';
export { confirmForwardingShare, openShareMetadata } from './confirm-share';
export { factsOfSlackUser } from './eligibility';
export { connectUrl, linkPrompt } from './link-prompt';
export { openLookupModal, searchInModal } from './lookup-modal';
export { ReminderScheduler, type ReminderSchedulerOptions } from './reminder-scheduler';
export { runCommand, type SlashCommand } from './run-command';
export { shareForwardingFromButton, shareFromButton } from './share-buttons';
export { unlinkMember } from './unlink';
export { welcomeOnce } from './welcome';
