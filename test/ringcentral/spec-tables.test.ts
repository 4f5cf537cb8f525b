// The rate groups the app's budget uses and the operations table the sandbox counts and checks
// requests by are both generated from RingCentral's spec (scripts/spec-tables.ts): they must say
// what the spec in test/reference/ says, so a refreshed spec cannot leave a stale table behind.
import { DEFAULT_SPEC, operations, rateGroups, readSpec } from '../../scripts/spec-tables';
import { RATE_GROUPS } from '../../src/ringcentral/rate-groups';
import { OPERATIONS } from '../../src/sandbox/spec/operations';

const spec = readSpec(DEFAULT_SPEC);

test('the app’s rate groups are the spec’s x-throttling-group of every operation', () => {
  expect(RATE_GROUPS).toEqual(rateGroups(spec));
  // The operations the product leans on, as RingCentral documents them.
  expect(RATE_GROUPS['GET /restapi/v1.0/account/{accountId}/phone-number']).toBe('Heavy');
  expect(
    RATE_GROUPS['GET /restapi/v1.0/account/{accountId}/extension/{extensionId}/features'],
  ).toBe('Medium');
  expect(
    RATE_GROUPS['GET /restapi/v2/accounts/{accountId}/extensions/{extensionId}/call-flip-numbers'],
  ).toBe('Light');
});

test('the sandbox’s operations table is the spec’s operations and parameters', () => {
  expect(OPERATIONS).toEqual(operations(spec));
  const list = OPERATIONS.find(
    (op) => op.method === 'GET' && op.path === '/restapi/v1.0/account/{accountId}/extension',
  );
  expect(list?.params.find((p) => p.name === 'extensionNumber')).toEqual({
    name: 'extensionNumber',
    in: 'query',
    required: false,
    schema: { type: 'string', maxLength: 8 },
  });
});

test('a change to the spec shows in the tables', () => {
  const changed = structuredClone(spec) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
  const op = changed.paths['/restapi/v1.0/account/{accountId}']?.get;
  if (op) op['x-throttling-group'] = 'Heavy';
  expect(rateGroups(changed)).not.toEqual(RATE_GROUPS);
});
