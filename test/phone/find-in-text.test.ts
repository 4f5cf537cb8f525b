// Finding the phone numbers in a pasted message: home-country forms, then international ones
// written without `+`; never dates, times, versions or identifiers such as order numbers.
import { findNumbersInText } from '../../src/phone/find-in-text';

const find = (text: string, country: 'US' | 'GB' | 'DE' = 'US', limit = 20) =>
  findNumbersInText(text, country, limit);

describe('findNumbersInText', () => {
  it('finds numbers in the forms people paste, each once, in order', () => {
    const text =
      'who called me from 650-331-6252? also (650) 331 6251, +44 20 7946 0958, 415.555.0199, ' +
      '1-800-555-0100, 16503316253 and again 650 331 6252.';
    expect(find(text)).toEqual({
      numbers: [
        '+16503316252',
        '+16503316251',
        '+442079460958',
        '+14155550199',
        '+18005550100',
        '+16503316253',
      ],
      total: 6,
    });
  });

  it('reads national forms in the home country first, then as international', () => {
    // "030 1234567" is a Berlin number to a German workspace and nothing to an American one.
    expect(find('Ruf an: 030 1234567', 'DE').numbers).toEqual(['+49301234567']);
    expect(find('call 030 1234567', 'US').numbers).toEqual([]);
    // A London number written without its +: not a US number, so read as international.
    expect(find('ring 44 20 7946 0958 today', 'US').numbers).toEqual(['+442079460958']);
    expect(find('ring 020 7946 0958 today', 'GB').numbers).toEqual(['+442079460958']);
    // The international prefix of the home country works as a +.
    expect(find('dial 011 44 20 7946 0958', 'US').numbers).toEqual(['+442079460958']);
  });

  it('leaves dates, times, versions, addresses and identifiers alone', () => {
    const text = [
      'Meeting on 2024-01-15 at 10:30, then 12/05/2024 and 15.01.2024 at 14.30.',
      'ts 2024-01-15 10:30:00, version 1.2.3.4, build 10.0.19045.3693, zip 94105.',
      'order #4155551234, Order ID: 4155551234, invoice no. 8005551234, ticket 6503316299,',
      'server 192.168.100.200, order id 20231145998, amount 4,155,551,234.',
    ].join('\n');
    expect(find(text)).toEqual({ numbers: [], total: 0 });
  });

  it('keeps a number next to words that only look like identifiers', () => {
    expect(find('my number: 650-331-6252, ordered by 650 331 6251').numbers).toEqual([
      '+16503316252',
      '+16503316251',
    ]);
  });

  it('answers the first ones and counts them all when there are hundreds', () => {
    const numbers = Array.from({ length: 300 }, (_, i) => `+1 650 555 ${String(1000 + i)}`);
    const text = `${numbers.join(', ')} and the run 12345 67890 123 and 2024-01-01`;
    const found = find(text, 'US', 20);
    expect(found.total).toBe(300);
    expect(found.numbers).toHaveLength(20);
    expect(found.numbers[0]).toBe('+16505551000');
    expect(found.numbers[19]).toBe('+16505551019');
  });

  it('copes with no text, huge text and hostile text without throwing', () => {
    expect(find('')).toEqual({ numbers: [], total: 0 });
    expect(find(undefined as unknown as string)).toEqual({ numbers: [], total: 0 });
    expect(find('9'.repeat(100_000)).total).toBe(0);
    expect(find('<@U123> <!here> *bold* `code` +'.repeat(2000)).total).toBe(0);
    expect(find('+16503316252', 'US', 0)).toEqual({ numbers: [], total: 1 });
  });
});
