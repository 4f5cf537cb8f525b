/**
 * The sandbox refuses, as RingCentral does, requests whose parameters the spec rules out, and
 * the run-wide check (test/support/spec-requests.ts) reads every logged request against the spec
 * itself: an unmarked violation, a mislabelled probe, or a refusal of an allowed request fails
 * the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Sandbox, startSandbox } from '../../src/sandbox';
import { parameterProblems } from '../../src/sandbox/spec/validate-request';
import { checkRequestLog, expectNoSpecViolations } from '../support/check-request-log';
import {
  type LoggedRequest,
  offenders,
  type RequestChecker,
  requestChecker,
} from '../support/spec-requests';
import { type Answer, apiGet, signIn } from './helpers';

const A = '/restapi/v1.0/account/~';

let sb: Sandbox;
let token: string;
let checker: RequestChecker;

beforeAll(async () => {
  sb = await startSandbox({ rateLimits: false });
  token = (await signIn(sb, 'john.smith@example.com')).access_token;
  checker = await requestChecker();
});

afterAll(() => sb.close());

function expectRefused(a: Answer, errorCode: string, parameterName: string): void {
  expect(a.status).toBe(400);
  expect(a.body).toMatchObject({ errorCode, errors: [{ errorCode, parameterName }] });
}

describe('the sandbox refuses what the spec rules out', () => {
  it.each([
    [
      'an extension number over 8 characters',
      `${A}/extension?extensionNumber=123456789`,
      'extensionNumber',
    ],
    ['a name the operation does not take', `${A}/extension?shoeSize=42`, 'shoeSize'],
    ['an old-style list name', `${A}/extension?status[]=Enabled`, 'status[]'],
    ['a value outside the enum', `${A}/extension?type=Robot`, 'type'],
    ['a page past the bound', `${A}/extension/~/forwarding-number?page=1001`, 'page'],
    ['text where a number goes', `${A}/phone-number?perPage=lots`, 'perPage'],
    [
      'a repeated single value',
      `/restapi/v2/accounts/~/phone-numbers?tollType=Toll&tollType=TollFree`,
      'tollType',
    ],
    [
      'a v2 pattern over 18 characters',
      `/restapi/v2/accounts/~/phone-numbers?phoneNumber=%2B1234567890123456789`,
      'phoneNumber',
    ],
    [
      'a flag that is not true or false',
      `${A}/extension/~/features?availableOnly=yes`,
      'availableOnly',
    ],
  ])('%s: 400 CMN-101 naming the parameter', async (_what, path, name) => {
    const answer = await apiGet(sb, token, path, { breaksSpec: true });
    expectRefused(answer, 'CMN-101', name);
    const logged = sb.requests.at(-1);
    expect(logged?.specProblems?.join()).toContain(name);
    expect(
      checker.problems({
        method: 'GET',
        path: path.split('?')[0] ?? '',
        query: path.split('?')[1] ?? '',
      }),
    ).not.toEqual([]);
  });

  it('serves what the spec allows, arrays as repeated names', async () => {
    const allowed = [
      `${A}/extension?extensionNumber=12345678&status=Enabled&status=Disabled&perPage=1000`,
      `${A}/directory/entries?perPage=max`,
      `${A}/directory/entries?perPage=2000&showFederated=false`,
      `${A}/extension/~/features?featureId=NewCallHandlingAndForwarding&featureId=SMS`,
    ];
    for (const path of allowed) {
      const answer = await apiGet(sb, token, path);
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
      const [p, q] = path.split('?');
      expect(checker.problems({ method: 'GET', path: p ?? '', query: q ?? '' })).toEqual([]);
    }
    expect(sb.specViolations()).toEqual([]);
  });

  it('names a missing mandatory parameter with CMN-100', () => {
    const operation = {
      method: 'GET',
      path: '/x/{id}',
      group: 'Light',
      params: [
        { name: 'id', in: 'path' as const, required: true, schema: { type: 'string' } },
        { name: 'q', in: 'query' as const, required: true, schema: { type: 'string' } },
      ],
    };
    expect(parameterProblems(operation, { id: '7' }, new URLSearchParams())).toEqual([
      { name: 'q', errorCode: 'CMN-100', reason: 'is required' },
    ]);
  });
});

describe('the run-wide check of logged requests', () => {
  const line = (over: Partial<LoggedRequest>): LoggedRequest => ({
    method: 'GET',
    path: '/restapi/v1.0/account/~/extension',
    query: '',
    status: 200,
    ...over,
  });

  it('reports a request that breaks the spec, unless a test marked it and it was refused', () => {
    const broken = line({ query: 'extensionNumber=1234567890', status: 400 });
    expect(offenders(checker, [broken])[0]).toMatch(/extensionNumber=1234567890: .*8/);
    expect(offenders(checker, [{ ...broken, probe: true }])).toEqual([]);
    expect(offenders(checker, [{ ...broken, probe: true, status: 200 }])[0]).toMatch(
      /answered 200/,
    );
  });

  it('reports a probe that does not break the spec, and a refusal the spec does not back', () => {
    expect(offenders(checker, [line({ query: 'perPage=5', probe: true })])[0]).toMatch(
      /marked as breaking the spec, but it does not/,
    );
    const refused = line({ query: 'perPage=5', status: 400, specProblems: ['perPage wrong'] });
    expect(offenders(checker, [refused])[0]).toMatch(/the spec allows it/);
  });

  it('reports a path that is no operation of the spec, but not the sign-in page', () => {
    expect(offenders(checker, [line({ path: '/restapi/v1.0/account/~/nope' })])[0]).toMatch(
      /not an operation of the spec/,
    );
    expect(
      offenders(checker, [line({ method: 'POST', path: '/restapi/oauth/authorize/approve' })]),
    ).toEqual([]);
  });
});

describe('an unmarked violation fails the harness and the run', () => {
  // A sandbox of its own whose log goes to a folder of its own, not to this run's.
  let folder: string;
  let own: Sandbox;
  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'rcnumber-request-log-test-'));
    own = await startSandbox({ rateLimits: false, requestLogFolder: folder });
  });
  afterAll(async () => {
    await own.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('is caught at once by the harness and at the end by the run-wide check', async () => {
    const t = (await signIn(own, '104')).access_token;
    await apiGet(own, t, `${A}/extension?perPage=5`);
    await apiGet(own, t, `${A}/extension?extensionNumber=123456789`, { breaksSpec: true });
    expect(() => expectNoSpecViolations(own)).not.toThrow();
    await expect(checkRequestLog(folder)).resolves.toBeGreaterThan(2);

    await apiGet(own, t, `${A}/extension?extensionNumber=1234567890`);
    expect(() => expectNoSpecViolations(own)).toThrow(/extensionNumber=1234567890/);
    await expect(checkRequestLog(folder)).rejects.toThrow(
      /1 of the \d+ requests .*\n.*extensionNumber=1234567890/,
    );
  });
});
