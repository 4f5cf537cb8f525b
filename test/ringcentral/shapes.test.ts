import { isAppError } from '../../src/errors';
import { checked, checkedPage, SHAPES } from '../../src/ringcentral/shapes';

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return isAppError(error, 'ringcentral_unavailable') ? error.message : `other: ${error}`;
  }
  return 'accepted';
};

describe('RingCentral answer shapes', () => {
  it('accepts what RingCentral sends, missing and null optional fields included', () => {
    const page = {
      records: [
        { phoneNumber: '+16503316252', features: ['CallerId'], extension: { id: 1 } },
        { phoneNumber: '+16503316253', label: null, extension: null },
      ],
      paging: { page: 1, totalPages: 1 },
      navigation: { anything: true },
    };
    expect(checkedPage(SHAPES.phoneNumber, page, 'numbers')).toBe(page);
    expect(checked(SHAPES.extension, { id: '101', contact: {} }, 'extension')).toEqual({
      id: '101',
      contact: {},
    });
  });

  it('refuses an answer that breaks the schema, naming where', () => {
    expect(refusal(() => checkedPage(SHAPES.phoneNumber, { records: [{}] }, 'numbers'))).toMatch(
      /records\[0\]\.phoneNumber/,
    );
    expect(
      refusal(() =>
        checked(SHAPES.extension, { id: 1, permissions: { admin: { enabled: 'yes' } } }, 'x'),
      ),
    ).toMatch(/permissions\.admin\.enabled/);
    expect(refusal(() => checkedPage(SHAPES.directoryEntry, { records: null }, 'x'))).toMatch(
      /records/,
    );
    expect(refusal(() => checked(SHAPES.account, [], 'account'))).toMatch(/the answer/);
    expect(
      refusal(() =>
        checkedPage(
          SHAPES.directoryEntry,
          { records: [{ phoneNumbers: [{ phoneNumber: 1 }] }] },
          'x',
        ),
      ),
    ).toMatch(/records\[0\]\.phoneNumbers\[0\]\.phoneNumber/);
  });
});
