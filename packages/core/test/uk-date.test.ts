import { describe, expect, it } from 'vitest';
import { formatUkDate } from '../src/index.js';
import { parseUkDate } from '../src/formats.js';

describe('UK dates', () => {
  it('writes days as people in England do', () => {
    expect(formatUkDate('2016-03-31')).toBe('31 March 2016');
    expect(formatUkDate('2025-04-01')).toBe('1 April 2025');
    expect(formatUkDate('2026-11-25T09:30:00.000Z')).toBe('25 November 2026');
  });

  it('leaves anything that is not a real day as it was written, so nothing is lost on screen', () => {
    expect(formatUkDate('Spring 2026')).toBe('Spring 2026');
    expect(formatUkDate('2016-02-30')).toBe('2016-02-30');
    expect(formatUkDate('2016-03-31 and later')).toBe('2016-03-31 and later');
    expect(formatUkDate('')).toBe('');
  });

  it('reads back what it writes, and ISO days, and nothing else', () => {
    for (const day of ['2016-03-31', '2025-04-01', '2024-02-29', '1999-12-01']) expect(parseUkDate(formatUkDate(day))).toBe(day);
    expect(parseUkDate('31st Mar 2016')).toBe('2016-03-31');
    expect(parseUkDate(' 2016-03-31 ')).toBe('2016-03-31');
    expect(parseUkDate('30 February 2016')).toBeNull();
    expect(parseUkDate('March 2016')).toBeNull();
    expect(parseUkDate('31/03/2016')).toBeNull();
  });
});
