// Checks manifest.yml against Slack's published JSON Schema for classic (v1) manifests, and that
// it declares what the app relies on. The schema is a copy kept in test/reference/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { ShortcutIds } from '../../src/blocks/ids';

const repoRoot = path.resolve(__dirname, '../..');
const schemaDir = path.resolve(__dirname, '../reference/slack-manifest-schema');

interface Manifest {
  _metadata?: { major_version?: number };
  display_information: { name: string; background_color?: string };
  features: {
    app_home: Record<string, boolean>;
    bot_user: { display_name: string; always_online?: boolean };
    slash_commands: {
      command: string;
      url: string;
      should_escape?: boolean;
      usage_hint?: string;
    }[];
    shortcuts?: { name: string; type: string; callback_id: string; description: string }[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled?: boolean;
  };
}

const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(schemaDir, file), 'utf8'));

const manifest = parse(readFileSync(path.join(repoRoot, 'manifest.yml'), 'utf8')) as Manifest;
const v1Schema = readJson('manifest.schema.1.0.0.json');
const command = manifest.features.slash_commands.find((c) => c.command === '/rcnumber');

describe('manifest.yml', () => {
  it('is a valid classic (v1) manifest by the draft-07 schema', () => {
    expect(v1Schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    // strict off: Slack's schema uses a non-standard `regex` keyword beside `pattern`.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(v1Schema);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('uses a validator that does reject a broken manifest', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(v1Schema);
    const broken = {
      ...manifest,
      features: { ...manifest.features, slash_commands: [{ command: 'rcnumber' }] },
      settings: { ...manifest.settings, unknown_setting: true },
    };
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((error) => error.instancePath);
    expect(paths).toEqual(expect.arrayContaining(['/features/slash_commands/0', '/settings']));
  });

  it('is accepted by the all-versions schema, which picks v1 from _metadata', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const refs = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas';
    ajv.addSchema(v1Schema, `${refs}/manifest.schema.1.0.0.json`);
    // Only v1 ships here; an empty stand-in for v2 lets the `oneOf` compile and still exclude it.
    ajv.addSchema({ not: {} }, `${refs}/manifest.schema.2.0.0.json`);
    const validate = ajv.compile(readJson('manifest.schema.json'));
    expect(validate(manifest)).toBe(true);
    expect(manifest._metadata?.major_version).toBe(1);
  });

  it('keeps the background colour in the form the schema describes but does not enforce', () => {
    expect(manifest.display_information.background_color).toMatch(
      /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/,
    );
  });

  it('declares /rcnumber with escaping, at the Bolt events route', () => {
    expect(command).toBeDefined();
    expect(command?.should_escape).toBe(true);
    expect(command?.url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
    expect(command?.usage_hint).toContain('ext 101');
  });

  it('subscribes to the events the app handles, at the same route', () => {
    const events = manifest.settings.event_subscriptions;
    expect(events.bot_events).toEqual(expect.arrayContaining(['app_home_opened', 'team_join']));
    expect(events.request_url).toBe(command?.url);
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: command?.url,
    });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('declares the message and global shortcuts the app listens for, by their callback ids', () => {
    const shortcuts = manifest.features.shortcuts ?? [];
    expect(shortcuts.map((s) => [s.type, s.name, s.callback_id])).toEqual([
      ['message', 'Who owns these numbers?', ShortcutIds.whoOwnsNumbers],
      ['global', 'Look up a number', ShortcutIds.lookUpNumber],
    ]);
    for (const shortcut of shortcuts) expect(shortcut.name.length).toBeLessThanOrEqual(24);
  });

  it('rejects a shortcut name over 24 characters or of an unknown type', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(v1Schema);
    const [message] = manifest.features.shortcuts ?? [];
    const broken = {
      ...manifest,
      features: {
        ...manifest.features,
        shortcuts: [
          { ...message, name: 'Who owns all these numbers?' },
          { ...message, type: 'channel' },
        ],
      },
    };
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((error) => error.instancePath);
    expect(paths).toEqual(
      expect.arrayContaining(['/features/shortcuts/0/name', '/features/shortcuts/1/type']),
    );
  });

  it('enables the Home tab and a bot user', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.bot_user.display_name).toBe('rcnumber');
  });

  it('asks for the scopes the app uses and no way to post where the bot is not a member', () => {
    const bot = manifest.oauth_config.scopes.bot;
    expect(bot).toEqual(
      expect.arrayContaining([
        'commands',
        'chat:write',
        'im:write',
        'users:read',
        'users:read.email',
        'channels:read',
        'groups:read',
        'files:write',
      ]),
    );
    expect(bot).not.toContain('chat:write.public');
    expect(new Set(bot).size).toBe(bot.length);
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
  });
});
