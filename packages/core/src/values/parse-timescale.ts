import type { IsoDate } from './values.js';
import { fullYear, isRealDate, iso, MONTH_PATTERN, monthEnd, monthNumber, monthStart } from './calendar.js';
import type { DueWindow, Timescale, TimescaleContext, TimescaleKind, TimescalePart } from './timescale.js';

/** A dated phrase found in the text, before modifiers like "by" or "onwards" are applied. */
interface Token {
  start: number;
  end: number;
  kind: TimescaleKind;
  from: IsoDate | null;
  to: IsoDate | null;
  recurrence?: TimescalePart['recurrence'];
}

type Reader = { pattern: RegExp; read: (m: RegExpExecArray) => Omit<Token, 'start' | 'end'> | null };

const M = MONTH_PATTERN;
const SEASONS: Record<string, [number, number, number]> = {
  // [first month, last month, years the last month is after the first]
  spring: [3, 5, 0],
  summer: [6, 8, 0],
  autumn: [9, 11, 0],
  fall: [9, 11, 0],
  winter: [12, 2, 1],
  early: [1, 4, 0],
  mid: [5, 8, 0],
  late: [9, 12, 0],
};

const span = (kind: TimescaleKind, from: IsoDate | null, to: IsoDate | null) => ({ kind, from, to });

/** Readers in priority order: a longer, more specific phrase claims its text first. */
const READERS: Reader[] = [
  {
    pattern: new RegExp(`\\b(${M})\\s+(\\d{4})\\s*(?:–|—|-|to|until|through)\\s*(${M})\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => span('range', monthStart(+m[2]!, monthNumber(m[1]!)), monthEnd(+m[4]!, monthNumber(m[3]!))),
  },
  {
    pattern: new RegExp(`\\b(${M})\\s*(?:\\/|–|—|-|to)\\s*(${M})\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => {
      const [a, b, y] = [monthNumber(m[1]!), monthNumber(m[2]!), +m[3]!];
      return span('month-range', monthStart(b >= a ? y : y - 1, a), monthEnd(y, b));
    },
  },
  {
    // ISO dates, as spreadsheets' date cells and Coplan's own registers write them.
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    read: (m) => date(+m[1]!, +m[2]!, +m[3]!),
  },
  {
    // "Oct-25", "Oct '25": a month as Excel's mmm-yy format shows it.
    pattern: new RegExp(`\\b(${M})(?:-|\\s*')(\\d{2})\\b`, 'gi'),
    read: (m) => span('month', monthStart(fullYear(m[2]!), monthNumber(m[1]!)), monthEnd(fullYear(m[2]!), monthNumber(m[1]!))),
  },
  {
    pattern: /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/g,
    read: (m) => date(fullYear(m[3]!), +m[2]!, +m[1]!),
  },
  {
    pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${M})\\.?,?\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => date(+m[3]!, monthNumber(m[2]!), +m[1]!),
  },
  {
    pattern: new RegExp(`\\b(${M})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => date(+m[3]!, monthNumber(m[1]!), +m[2]!),
  },
  {
    pattern: new RegExp(`\\b(${M})\\.?\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => span('month', monthStart(+m[2]!, monthNumber(m[1]!)), monthEnd(+m[2]!, monthNumber(m[1]!))),
  },
  {
    pattern: /\b(spring|summer|autumn|fall|winter|early|mid|late)[\s-]+(\d{4})\b/gi,
    read: (m) => {
      const [first, last, carry] = SEASONS[m[1]!.toLowerCase()]!;
      const y = +m[2]!;
      return span('season', monthStart(y, first), monthEnd(y + carry, last));
    },
  },
  {
    // "Q1 2020/21" is a business-year quarter (April to June); "Q1 2020" a calendar one.
    pattern: /\bQ([1-4])\s*(\d{4})(?:\s*\/\s*(\d{2}))?\b/gi,
    read: (m) => {
      const q = +m[1]!;
      const y = +m[2]!;
      const first = m[3] ? ((q * 3) % 12) + 1 : (q - 1) * 3 + 1;
      const year = m[3] && q === 4 ? y + 1 : y;
      return span('season', monthStart(year, first), monthEnd(year, first + 2));
    },
  },
  {
    // "2015/16", "2018-21": business years from 1 April of the first to 31 March after the last.
    pattern: /\b(20\d{2})\s*[/\-–]\s*(20\d{2}|\d{2})\b/g,
    read: (m) => {
      const a = +m[1]!;
      const b = fullYear(m[2]!);
      return b > a && b - a <= 10 ? span('year', iso(a, 4, 1), iso(b, 3, 31)) : null;
    },
  },
  {
    pattern: new RegExp(`\\b(${M})\\s+(?:of\\s+)?(?:each|every)\\s+year\\b`, 'gi'),
    read: (m) => ({ kind: 'recurring', from: null, to: null, recurrence: { every: 'year', month: monthNumber(m[1]!) } }),
  },
  {
    // Not the year of a date that is not real ("2026-02-30" is flagged, not read as 2026).
    pattern: /\b(20\d{2})\b(?!-\d{2}-\d{2})/g,
    read: (m) => span('year', iso(+m[1]!, 1, 1), iso(+m[1]!, 12, 31)),
  },
];

/** Numbers that look like dates but are not real ones ("31/02/16"): flagged, never read as the nearest real date. */
const DATE_LIKE = /\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b/g;

function date(year: number, month: number, day: number) {
  return isRealDate(year, month, day) ? span('date', iso(year, month, day), iso(year, month, day)) : null;
}

const ONGOING = /\bongoing\b|\bthroughout\b|\bcontinu(?:e|ing|ous)\b.*\byear\b|\bcontinuous(?:ly)?\b/i;
const RECURRING = /\bat least once\b|\b(?:each|every)\s+(?:\d+[- ]month|year|quarter)|\bannual(?:ly)?\b|\bevery\s+12\b/i;
const YEAR_END = /\bend of (?:the )?(?:business |financial |reporting )?year\b|\byear[- ]end\b/i;
const BY_BEFORE = /\b(?:by|before|no later than|not later than|in time for|deadline)\s*(?:the\s+)?(?:end of\s+)?$/i;
const FROM_BEFORE = /\b(?:from|begin(?:ning)?|start(?:ing)?|commencing)\s*(?:in\s+)?$/i;
const ONWARDS_AFTER = /^\s*(?:onwards|on-wards|onward|and beyond)\b/i;
const RANGE_JOIN = /^[\s,;]*(?:for completion|until|through to|to be completed by|for completion by|completing|completion)\s*(?:in|by)?\s*$/i;
const EXAMPLE_BEFORE = /\b(?:i\.e\.?|e\.g\.?|such as|namely)\s*$/i;

/**
 * Reads a timescale as partnerships write it, keeping the words.
 *
 * UK dates are day first (`31/03/16` is 31 March 2016) and two-digit years
 * are 20xx. The business year runs 1 April to 31 March. Seasons follow UK
 * usage: spring is March to May, summer June to August, autumn September to
 * November, and winter December to February, so "Winter 2016" runs from
 * December 2016 to February 2017; "early/mid/late 2016" are January–April,
 * May–August and September–December. A sentence holding several dated
 * milestones becomes several parts. Anything that cannot be read is kept
 * verbatim in `unparsed`, and `ok` is false: nothing is guessed silently.
 * It never throws.
 *
 * @example
 * ```ts
 * parseTimescale('By 31/03/16').due; // { start: null, end: '2016-03-31' }
 * parseTimescale('Spring 2017').due; // { start: '2017-03-01', end: '2017-05-31' }
 * parseTimescale('Throughout the business year', { planPeriod: { start: '2020-04-01', end: '2021-03-31' } }).parts[0].kind; // 'business-year'
 * parseTimescale('When funding is agreed').unparsed; // ['When funding is agreed']
 * ```
 */
export function parseTimescale(text: string, context: TimescaleContext = {}): Timescale {
  const source = typeof text === 'string' ? text : String(text ?? '');
  const period = validPeriod(context.planPeriod);
  const clean = tidy(source);
  const parts: TimescalePart[] = [];
  const unparsed: string[] = [];
  for (const sentence of sentences(clean)) readSentence(sentence, period, parts, unparsed);
  return { text: source, parts, due: overall(parts), unparsed, ok: clean !== '' && unparsed.length === 0 && parts.length > 0 };
}

function readSentence(sentence: string, period: Period | null, parts: TimescalePart[], unparsed: string[]): void {
  const tokens = mergeRanges(sentence, findTokens(sentence));
  const invalid = [...sentence.matchAll(DATE_LIKE)].filter((m) => !tokens.some((t) => m.index! >= t.start && m.index! < t.end));
  for (const m of invalid) {
    parts.push({ text: m[0], kind: 'unparsed', window: null });
    unparsed.push(m[0]);
  }
  if (tokens.length === 0) {
    if (invalid.length === 0) readPhrase(sentence, period, parts, unparsed);
    return;
  }
  let boundary = 0;
  tokens.forEach((token, i) => {
    let prefix = sentence.slice(boundary, token.start);
    // "Throughout the business year March 2021": a time phrase before a date is a milestone of its own,
    // unless it only introduces an example ("each year i.e. June 2020").
    if (wordCount(prefix) >= 3 && (ONGOING.test(prefix) || RECURRING.test(prefix)) && !EXAMPLE_BEFORE.test(prefix) && startsUpper(prefix)) {
      readPhrase(prefix, period, parts, unparsed);
      boundary = token.start;
      prefix = '';
    }
    let end = token.end;
    const after = sentence.slice(end);
    const onwards = ONWARDS_AFTER.exec(after);
    if (onwards) end += onwards[0].length;
    end += /^[\s).]*/.exec(sentence.slice(end))![0].length;
    const phrase = trimPunctuation(sentence.slice(boundary, end));
    parts.push(applyModifiers(token, phrase, prefix, !!onwards, period));
    boundary = end;
    if (i === tokens.length - 1) {
      const trailing = trimPunctuation(sentence.slice(boundary));
      if (trailing && (wordCount(trailing) >= 3 && startsUpper(trailing) ? true : ONGOING.test(trailing) || RECURRING.test(trailing))) readPhrase(trailing, period, parts, unparsed);
    }
  });
}

/** A piece with no date in it: ongoing, recurring, year end, or not readable. */
function readPhrase(piece: string, period: Period | null, parts: TimescalePart[], unparsed: string[]): void {
  const text = trimPunctuation(piece);
  if (!text) return;
  if (RECURRING.test(text)) {
    parts.push({ text, kind: 'recurring', window: period ? { start: period.start, end: period.end } : null, recurrence: { every: 'year' } });
  } else if (ONGOING.test(text)) {
    parts.push(period ? { text, kind: 'business-year', window: { start: period.start, end: period.end } } : { text, kind: 'ongoing', window: null });
  } else if (YEAR_END.test(text)) {
    parts.push({ text, kind: 'business-year', window: period ? { start: null, end: period.end } : null });
  } else {
    parts.push({ text, kind: 'unparsed', window: null });
    unparsed.push(text);
  }
}

function applyModifiers(token: Token, text: string, prefix: string, onwards: boolean, period: Period | null): TimescalePart {
  if (token.kind === 'recurring') {
    const month = token.recurrence?.month;
    let end: IsoDate | null = null;
    if (period && month) {
      const y = Number(period.start.slice(0, 4));
      const first = monthEnd(y, month);
      end = first >= period.start ? first : monthEnd(y + 1, month);
    }
    return { text, kind: 'recurring', window: period ? { start: period.start, end: end ?? period.end } : null, recurrence: token.recurrence! };
  }
  if (token.kind === 'range') return { text, kind: 'range', window: { start: token.from, end: token.to } };
  if (onwards || FROM_BEFORE.test(prefix)) return { text, kind: 'from', window: { start: token.from, end: period && period.end >= token.from! ? period.end : null } };
  if (BY_BEFORE.test(prefix) && (token.kind === 'date' || token.kind === 'month' || token.kind === 'month-range' || token.kind === 'season')) {
    const start = period && period.start <= token.to! ? period.start : null;
    return { text, kind: token.kind, window: { start, end: token.to } };
  }
  return { text, kind: token.kind, window: { start: token.from, end: token.to } };
}

function findTokens(s: string): Token[] {
  const taken: Array<[number, number]> = [];
  const tokens: Token[] = [];
  for (const { pattern, read } of READERS) {
    pattern.lastIndex = 0;
    for (const m of s.matchAll(pattern)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const t = read(m as RegExpExecArray);
      if (!t) continue;
      taken.push([start, end]);
      tokens.push({ ...t, start, end });
    }
  }
  return tokens.sort((a, b) => a.start - b.start);
}

/** "Begin September 2020, for completion March 2021" is one range, not two milestones. */
function mergeRanges(s: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (prev?.from && t.to && prev.from <= t.to && RANGE_JOIN.test(s.slice(prev.end, t.start))) {
      out[out.length - 1] = { start: prev.start, end: t.end, kind: 'range', from: prev.from, to: t.to };
    } else out.push(t);
  }
  return out;
}

type Period = { start: IsoDate; end: IsoDate };

function validPeriod(p: TimescaleContext['planPeriod']): Period | null {
  if (!p || typeof p.start !== 'string' || typeof p.end !== 'string') return null;
  const ok = /^\d{4}-\d{2}-\d{2}$/;
  return ok.test(p.start) && ok.test(p.end) && p.start <= p.end ? { start: p.start, end: p.end } : null;
}

function overall(parts: TimescalePart[]): DueWindow | null {
  let start: IsoDate | null = null;
  let end: IsoDate | null = null;
  for (const p of parts) {
    if (!p.window) continue;
    if (p.window.start && (start === null || p.window.start < start)) start = p.window.start;
    if (p.window.end && (end === null || p.window.end > end)) end = p.window.end;
  }
  return start === null && end === null ? null : { start, end };
}

/** Drops HTML fragments and page furniture that ride along from Word and PDF, and folds white space. */
function tidy(s: string): string {
  return s
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\bPage \d+ of \d+\b/gi, ' ')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** Splits on sentence ends and line breaks, but not after "i.e." or "e.g.". */
function sentences(s: string): string[] {
  const out: string[] = [];
  let from = 0;
  const boundary = /[.!?;]\s+(?=[A-Z(])|\n+/g;
  for (const m of s.matchAll(boundary)) {
    const before = s.slice(Math.max(0, m.index! - 4), m.index! + 1);
    if (/\b(?:i\.e|e\.g|etc|approx)\.$/i.test(before)) continue;
    out.push(s.slice(from, m.index! + 1));
    from = m.index! + m[0].length;
  }
  out.push(s.slice(from));
  return out.map((x) => x.trim()).filter((x) => x !== '');
}

function trimPunctuation(s: string): string {
  return s.replace(/^[\s,;:.\-–—(]+|[\s,;:.\-–—]+$/g, '').trim();
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length;
}

function startsUpper(s: string): boolean {
  const t = trimPunctuation(s);
  return /^[A-Z]/.test(t);
}
