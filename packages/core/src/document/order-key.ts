import { generateKeyBetween } from 'fractional-indexing';

// Base-62 digits without '0': a fractional-indexing key may not end in '0'.
const JITTER_DIGITS = '123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const JITTER_LENGTH = 4;

/**
 * A fractional order key strictly between `before` and `after` (null means the
 * open end). A random suffix makes two partners who insert at the same place at
 * the same time get different keys, so siblings keep a strict order; any tie
 * that remains is broken by id (see {@link compareOrder}).
 */
export function orderKeyBetween(before: string | null, after: string | null, random: () => number): string {
  if (before !== null && after !== null && before >= after) after = null;
  let lower = before;
  let key: string;
  try {
    key = generateKeyBetween(lower, after);
  } catch {
    // A key written by a partner's buggy or older client must not stop this one working.
    if (before !== null && !isValidKey(before)) before = null;
    if (after !== null && !isValidKey(after)) after = null;
    lower = before;
    key = generateKeyBetween(lower, after);
  }
  // A suffix can overshoot `after` when `key` is a prefix of it (e.g. "a0" below "a0t…");
  // then step closer and try again, so the result always carries a suffix.
  for (let attempt = 0; attempt < 8; attempt++) {
    let jitter = '';
    for (let i = 0; i < JITTER_LENGTH; i++) jitter += JITTER_DIGITS[Math.floor(random() * JITTER_DIGITS.length)];
    const jittered = key + jitter;
    if ((lower === null || jittered > lower) && (after === null || jittered < after)) return jittered;
    lower = key;
    key = generateKeyBetween(lower, after);
  }
  return key;
}

function isValidKey(key: string): boolean {
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/** Sibling order: by key, then by id so that equal keys still sort one way everywhere. */
export function compareOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
