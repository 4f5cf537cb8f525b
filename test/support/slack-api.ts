// The Slack stand-in lives in src/slack-stand-in, shared with the demo; re-exported here for
// the tests that import it from test/support.
export * from '../../src/slack-stand-in';
