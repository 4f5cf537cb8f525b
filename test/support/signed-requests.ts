// Signed Slack requests (and the payloads they carry) live in src/slack-stand-in, shared with the
// demo; re-exported here for the tests that import them from test/support.
export * from '../../src/slack-stand-in';
