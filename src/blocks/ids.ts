/** Every action_id, callback_id and block_id the app uses, in one place. */
export const ActionIds = {
  connect: 'rc_connect',
  reconnect: 'rc_reconnect',
  unlink: 'rc_unlink',
  pageNext: 'page_next',
  pagePrevious: 'page_previous',
  share: 'share_in_channel',
  shareForwarding: 'share_forwarding',
  openSearch: 'open_search',
  showForwarding: 'show_forwarding',
  showNumbers: 'show_numbers',
  searchInput: 'search_input',
  auditNext: 'audit_next',
  auditPrevious: 'audit_previous',
  /** A link button: the browser opens RingCentral's call link; Slack still sends the click. */
  call: 'call_number',
} as const;

export const CallbackIds = {
  lookupModal: 'lookup_modal',
  confirmShare: 'confirm_share',
} as const;

/** The callback ids of the shortcuts the manifest declares (features.shortcuts). */
export const ShortcutIds = {
  /** Message shortcut "Who owns these numbers?". */
  whoOwnsNumbers: 'who_owns_numbers',
  /** Global shortcut "Look up a number". */
  lookUpNumber: 'look_up_number',
} as const;

export const BlockIds = {
  search: 'search_block',
  results: 'results_block',
} as const;
