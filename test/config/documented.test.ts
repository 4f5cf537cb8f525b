// Every variable the configuration reads is documented where operators look: .env.example (with
// its comment) and the README's environment table.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

test('each environment variable is in .env.example and in the README', () => {
  const source = read('src/config.ts');
  const schema = source.slice(source.indexOf('const schema = z.object({'));
  const names = [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1] ?? '');
  expect(names).toEqual(
    expect.arrayContaining(['SLACK_BOT_TOKEN', 'CALL_BUTTON', 'CALL_LINK_URL']),
  );
  const example = read('.env.example');
  const readme = read('README.md');
  for (const name of names) {
    expect({ name, inExample: new RegExp(`^${name}=`, 'm').test(example) }).toEqual({
      name,
      inExample: true,
    });
    expect({ name, inReadme: readme.includes(`\`${name}\``) }).toEqual({ name, inReadme: true });
  }
});
