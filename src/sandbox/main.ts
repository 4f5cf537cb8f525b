/**
 * `npm run sandbox`: serves the RingCentral sandbox on RC_SANDBOX_PORT (default 8090) and prints
 * what an app needs to use it (URL, client id and secret) and who one can sign in as.
 */
import { companyFromSpec } from './company-from-env';
import { startSandbox } from './server';

/** The guide's company fits on screen; a generated one is summarised. */
const PEOPLE_SHOWN = 25;

async function main(): Promise<void> {
  const port = Number(process.env.RC_SANDBOX_PORT ?? 8090);
  const host = process.env.RC_SANDBOX_HOST ?? '127.0.0.1';
  const company = companyFromSpec(process.env.SANDBOX_COMPANY);
  const sandbox = await startSandbox({ port, host, company });
  const people = sandbox.people();
  const lines = [
    `RingCentral sandbox for "${company.companyName}" (account ${company.accountId})`,
    `  url:           ${sandbox.url}`,
    `  client id:     ${sandbox.clientId}`,
    `  client secret: ${sandbox.clientSecret}`,
    `  ${company.extensions.length} extensions, ${company.phoneNumbers.length} phone numbers`,
    '',
    `People one can sign in as (${people.length}):`,
    ...people
      .slice(0, PEOPLE_SHOWN)
      .map(
        (p) =>
          `  ext ${p.extensionNumber.padEnd(6)} ${p.name.padEnd(24)} ${p.email.padEnd(36)} ${p.isAdmin ? 'admin' : 'regular'}`,
      ),
    ...(people.length > PEOPLE_SHOWN ? [`  … and ${people.length - PEOPLE_SHOWN} more`] : []),
    '',
    'Stop with Ctrl+C.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = (signal: string) => {
    process.stdout.write(`\n${signal}: stopping the sandbox\n`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`sandbox: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
