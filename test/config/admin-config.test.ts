import { loadConfig } from '../../src/config';
import { problems, valid } from './env';

describe('configuration of the admin tools', () => {
  it('keeps shares 90 days unless told otherwise', () => {
    expect(loadConfig(valid).auditRetentionDays).toBe(90);
    expect(loadConfig({ ...valid, AUDIT_RETENTION_DAYS: '30' }).auditRetentionDays).toBe(30);
  });

  it.each(['0', '-1', '3651', 'forever', '1.5'])('refuses AUDIT_RETENTION_DAYS=%s', (value) => {
    expect(problems({ ...valid, AUDIT_RETENTION_DAYS: value })).toEqual([
      expect.stringMatching(/^AUDIT_RETENTION_DAYS/),
    ]);
  });

  it('subscribes to webhooks where RingCentral can reach the app, and by WebSocket elsewhere', () => {
    // The default PUBLIC_URL is localhost over http: RingCentral delivers to neither.
    expect(loadConfig(valid).ringcentralEvents).toBe('websocket');
    const https = { ...valid, PUBLIC_URL: 'https://rcnumber.example.com' };
    expect(loadConfig(https).ringcentralEvents).toBe('webhook');
    // Socket Mode is chosen because RingCentral cannot reach the app either.
    expect(loadConfig({ ...https, SLACK_APP_TOKEN: 'xapp-1' }).ringcentralEvents).toBe('websocket');
    expect(loadConfig({ ...https, RC_EVENTS: 'off' }).ringcentralEvents).toBe('off');
    expect(loadConfig({ ...https, RC_EVENTS: 'WebSocket' }).ringcentralEvents).toBe('websocket');
    expect(loadConfig({ ...valid, RC_EVENTS: 'Webhook' }).ringcentralEvents).toBe('webhook');
    expect(problems({ ...valid, RC_EVENTS: 'pubnub' })).toEqual([
      expect.stringMatching(/RC_EVENTS must be auto, webhook, websocket or off/),
    ]);
  });
});
