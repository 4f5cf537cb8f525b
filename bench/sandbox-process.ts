/**
 * The sandbox in its own process, for the bench. Two reasons: the RSS the bench reports is then
 * the bot's alone (the sandbox's 10,000 extensions and its serialised pages are not in it), and
 * on two cores the sandbox renders pages while the bot parses them.
 */
import { generateCompany, type RateGroup, type Sandbox, startSandbox } from '../src/sandbox';
import {
  ACCOUNT_PATH,
  type ChildAnswer,
  type ChildRequest,
  type ChildStart,
  type RequestTally,
  type SandboxReady,
} from './sandbox-protocol';

const OWNED_SAMPLE = 50;

function spread<T>(items: T[], count: number): T[] {
  const step = Math.max(1, Math.floor(items.length / count));
  return items.filter((_, i) => i % step === 0).slice(0, count);
}

function send(message: SandboxReady | ChildAnswer): void {
  process.send?.(message);
}

function tally(sandbox: Sandbox): RequestTally {
  const byGroup: Record<RateGroup, number> = { Light: 0, Medium: 0, Heavy: 0, Auth: 0 };
  let accountReads = 0;
  for (const request of sandbox.requests) {
    if (request.group) byGroup[request.group] += 1;
    if (request.method === 'GET' && ACCOUNT_PATH.test(request.path)) accountReads += 1;
  }
  const total = sandbox.requests.length;
  sandbox.resetRequests();
  return { total, byGroup, accountReads };
}

async function answer(sandbox: Sandbox, request: ChildRequest): Promise<unknown> {
  switch (request.kind) {
    case 'approve':
      return sandbox.approve(request.authorizeUrl, request.who);
    case 'tally':
      return tally(sandbox);
    case 'close':
      await sandbox.close();
      setImmediate(() => process.exit(0));
      return null;
  }
}

async function start(message: ChildStart): Promise<Sandbox> {
  const company = generateCompany(message.company);
  const sandbox = await startSandbox({ company, rateLimits: false });
  send({
    kind: 'ready',
    url: sandbox.url,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    sample: {
      companyName: company.companyName,
      extensionCount: company.extensions.length,
      numberCount: company.phoneNumbers.length,
      people: sandbox.people(),
      numbers: company.phoneNumbers.map((number) => number.phoneNumber),
      ownedNumbers: spread(
        company.phoneNumbers.filter((number) => number.extensionId),
        OWNED_SAMPLE,
      ).map((number) => number.phoneNumber),
      extensions: company.extensions.map((e) => ({
        extensionNumber: e.extensionNumber,
        type: e.type,
      })),
    },
  });
  return sandbox;
}

let sandbox: Promise<Sandbox> | null = null;
process.on('message', (message: ChildStart | ChildRequest) => {
  if (message.kind === 'start') {
    sandbox = start(message);
    sandbox.catch((error: unknown) => {
      process.stderr.write(`bench sandbox: ${String(error)}\n`);
      process.exit(1);
    });
    return;
  }
  const { id } = message;
  (sandbox ?? Promise.reject(new Error('the sandbox was not started')))
    .then((running) => answer(running, message))
    .then(
      (value) => send({ id, kind: 'ok', value }),
      (error: unknown) => send({ id, kind: 'error', message: String(error) }),
    );
});
// The bench going away ends the sandbox too.
process.on('disconnect', () => process.exit(0));
