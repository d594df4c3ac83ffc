import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessYearOf, parseTimescale } from '../../src/index.js';
import type { TimescaleKind } from '../../src/values/timescale.js';

const PLAN_2020 = { planPeriod: { start: '2020-04-01', end: '2021-03-31' } };
const PLAN_2015 = { planPeriod: { start: '2015-04-01', end: '2016-03-31' } };

type Expected = Array<[TimescaleKind, string | null, string | null]>;
const read = (text: string, context = PLAN_2020) => parseTimescale(text, context);
const shape = (text: string, context = PLAN_2020): Expected => read(text, context).parts.map((p) => [p.kind, p.window?.start ?? null, p.window?.end ?? null]);

describe('every timescale phrase in domain.md', () => {
  const cases: Array<[string, Expected, typeof PLAN_2020?]> = [
    ['By 31/03/16', [['date', '2015-04-01', '2016-03-31']], PLAN_2015],
    ['September 2016', [['month', '2016-09-01', '2016-09-30']]],
    ['April/May 2016', [['month-range', '2016-04-01', '2016-05-31']]],
    ['Spring 2017', [['season', '2017-03-01', '2017-05-31']]],
    ['September 2016 – March 2017', [['range', '2016-09-01', '2017-03-31']]],
    ['March 2021', [['month', '2021-03-01', '2021-03-31']]],
    ['Ongoing throughout the reporting year', [['business-year', '2020-04-01', '2021-03-31']]],
    ['Throughout the business year', [['business-year', '2020-04-01', '2021-03-31']]],
    ['At least once in every 12-month period', [['recurring', '2020-04-01', '2021-03-31']]],
    ['In line with priority setting meetings each year i.e. June 2020', [['month', '2020-06-01', '2020-06-30']]],
    [
      'Scoping to be complete by November 2020 with a view to required work being completed by March 2021',
      [
        ['month', '2020-04-01', '2020-11-30'],
        ['month', '2020-04-01', '2021-03-31'],
      ],
    ],
    ['Social media campaign to be in place by April 2020', [['month', '2020-04-01', '2020-04-30']]],
    ['Needs assessment complete by June/July 2020', [['month-range', '2020-04-01', '2020-07-31']]],
    ['Publish as soon after the end of the business year as is feasible and ideally no later than September of each year', [['recurring', '2020-04-01', '2020-09-30']]],
  ];
  for (const [text, expected, context] of cases) {
    it(text, () => {
      const t = read(text, context ?? PLAN_2020);
      expect(shape(text, context ?? PLAN_2020)).toEqual(expected);
      expect(t.text).toBe(text);
      expect(t.ok).toBe(true);
      expect(t.unparsed).toEqual([]);
    });
  }

  it('reads "By 31/03/16" without a plan period as a deadline with no start', () => {
    expect(parseTimescale('By 31/03/16')).toEqual({
      text: 'By 31/03/16',
      parts: [{ text: 'By 31/03/16', kind: 'date', window: { start: null, end: '2016-03-31' } }],
      due: { start: null, end: '2016-03-31' },
      unparsed: [],
      ok: true,
    });
  });

  it('reads "September of each year" as yearly in September', () => {
    expect(read('no later than September of each year').parts[0]!.recurrence).toEqual({ every: 'year', month: 9 });
  });
});

describe('timescale phrases in the seed plans', () => {
  it('splits a cell that holds several milestones, flagging the one it cannot read', () => {
    const t = read('Needs assessment complete by June/July 2020 Work programme in place once business plan confirmed. Evaluation ready in time for end of year reporting (i.e. April 2021)');
    expect(t.parts.map((p) => [p.kind, p.text])).toEqual([
      ['month-range', 'Needs assessment complete by June/July 2020'],
      ['unparsed', 'Work programme in place once business plan confirmed'],
      ['month', 'Evaluation ready in time for end of year reporting (i.e. April 2021)'],
    ]);
    expect(t.unparsed).toEqual(['Work programme in place once business plan confirmed']);
    expect(t.ok).toBe(false);
    expect(t.due).toEqual({ start: '2020-04-01', end: '2021-04-30' });
  });

  it('reads two dates in a row as two milestones', () => {
    expect(shape('October 2020 January 2021')).toEqual([
      ['month', '2020-10-01', '2020-10-31'],
      ['month', '2021-01-01', '2021-01-31'],
    ]);
  });

  it('reads a start and a completion as one range, after a partnership label', () => {
    expect(shape('LRSCP: Initial conversations July 2020, for completion March 2021')).toEqual([['range', '2020-07-01', '2021-03-31']]);
    expect(shape('LSCPB: Begin September 2020, for completion March 2021')).toEqual([['range', '2020-09-01', '2021-03-31']]);
  });

  it('reads "onwards" as open to the end of the plan, and a trailing ongoing phrase as its own part', () => {
    const t = read('Social media campaign to be in place by April 2020 Posters and leaflets to be developed and disseminated May 2020 onwards Continue throughout business year');
    expect(t.parts.map((p) => [p.kind, p.text, p.window])).toEqual([
      ['month', 'Social media campaign to be in place by April 2020', { start: '2020-04-01', end: '2020-04-30' }],
      ['from', 'Posters and leaflets to be developed and disseminated May 2020 onwards', { start: '2020-05-01', end: '2021-03-31' }],
      ['business-year', 'Continue throughout business year', { start: '2020-04-01', end: '2021-03-31' }],
    ]);
  });

  it('reads the rest of the seed phrases', () => {
    expect(shape('Throughout the business year March 2021')).toEqual([
      ['business-year', '2020-04-01', '2021-03-31'],
      ['month', '2021-03-01', '2021-03-31'],
    ]);
    expect(shape('Toolkit launch (early 2016)')).toEqual([['season', '2016-01-01', '2016-04-30']]);
    expect(shape('Was Not Heard Video to be launched July 2020')).toEqual([['month', '2020-07-01', '2020-07-31']]);
    expect(shape('Current draft completed 10/12/15')).toEqual([['date', '2015-12-10', '2015-12-10']]);
    expect(shape('Continue throughout business year')).toEqual([['business-year', '2020-04-01', '2021-03-31']]);
    expect(shape('At least once in every 12-month period. Publish as soon after the end of the business year as is feasible and ideally no later than September of each year.')).toEqual([
      ['recurring', '2020-04-01', '2021-03-31'],
      ['recurring', '2020-04-01', '2020-09-30'],
    ]);
  });
});

describe('dates, seasons and years', () => {
  it('reads day-first dates in their common forms', () => {
    for (const t of ['31/03/2016', '31/3/16', '31.03.16', '31 March 2016', '31st March 2016', '31st Mar 2016', 'March 31st 2016'])
      expect(read(t).due, t).toEqual({ start: '2016-03-31', end: '2016-03-31' });
  });

  it("reads ISO dates (spreadsheet date cells) and Excel's month-year cells", () => {
    expect(read('2026-06-30').due).toEqual({ start: '2026-06-30', end: '2026-06-30' });
    expect(read('By 2026-06-30').due).toEqual({ start: '2020-04-01', end: '2026-06-30' }); // from the plan's start
    expect(shape('Oct-25')).toEqual([['month', '2025-10-01', '2025-10-31']]);
    expect(shape("Sept '26")).toEqual([['month', '2026-09-01', '2026-09-30']]);
    const bad = read('2026-02-30');
    expect(bad.due).toBeNull();
    expect(bad.unparsed).toEqual(['2026-02-30']);
  });

  it('knows leap years and refuses dates that do not exist', () => {
    expect(read('29/02/16').due).toEqual({ start: '2016-02-29', end: '2016-02-29' });
    expect(read('February 2016').due).toEqual({ start: '2016-02-01', end: '2016-02-29' });
    const bad = read('31/02/16');
    expect(bad.due).toBeNull();
    expect(bad.unparsed).toEqual(['31/02/16']);
    expect(bad.ok).toBe(false);
    expect(read('29/02/15').unparsed).toEqual(['29/02/15']);
  });

  it('reads seasons the UK way, winter crossing the year', () => {
    expect(shape('Summer 2016')).toEqual([['season', '2016-06-01', '2016-08-31']]);
    expect(shape('Autumn 2016')).toEqual([['season', '2016-09-01', '2016-11-30']]);
    expect(shape('Winter 2016')).toEqual([['season', '2016-12-01', '2017-02-28']]);
    expect(shape('late 2020')).toEqual([['season', '2020-09-01', '2020-12-31']]);
  });

  it('reads business years, plan periods, quarters and plain years', () => {
    expect(shape('2015/16')).toEqual([['year', '2015-04-01', '2016-03-31']]);
    expect(shape('2018-21')).toEqual([['year', '2018-04-01', '2021-03-31']]);
    expect(shape('Q1 2020')).toEqual([['season', '2020-01-01', '2020-03-31']]);
    expect(shape('Q1 2020/21')).toEqual([['season', '2020-04-01', '2020-06-30']]);
    expect(shape('Q4 2020/21')).toEqual([['season', '2021-01-01', '2021-03-31']]);
    expect(shape('During 2017')).toEqual([['year', '2017-01-01', '2017-12-31']]);
  });

  it('gives the business year of a date', () => {
    expect(businessYearOf('2016-02-10')).toEqual({ start: '2015-04-01', end: '2016-03-31' });
    expect(businessYearOf('2016-04-01')).toEqual({ start: '2016-04-01', end: '2017-03-31' });
  });

  it('says "ongoing" with no window when there is no plan period to anchor it', () => {
    expect(parseTimescale('Ongoing').parts).toEqual([{ text: 'Ongoing', kind: 'ongoing', window: null }]);
    expect(parseTimescale('Throughout the business year').due).toBeNull();
  });
});

describe('what cannot be read', () => {
  it('keeps it verbatim and flags it', () => {
    for (const text of ['TBC', 'When funding is agreed', 'Once the business plan is confirmed']) {
      const t = read(text);
      expect(t.unparsed).toEqual([text]);
      expect(t.parts).toEqual([{ text, kind: 'unparsed', window: null }]);
      expect(t.ok).toBe(false);
      expect(t.due).toBeNull();
    }
  });

  it('regression: a completion before the start is two milestones, not a backwards range', () => {
    expect(shape('2020/21 for completion 2016', {} as typeof PLAN_2020)).toEqual([
      ['year', '2020-04-01', '2021-03-31'],
      ['year', '2016-01-01', '2016-12-31'],
    ]);
  });

  it('treats empty text as empty, not as an error', () => {
    expect(parseTimescale('   ')).toEqual({ text: '   ', parts: [], due: null, unparsed: [], ok: false });
  });

  it('drops HTML and page furniture but keeps the text exactly', () => {
    const text = '<p>By 31/03/16</p> Page 3 of 7';
    const t = parseTimescale(text);
    expect(t.text).toBe(text);
    expect(t.due).toEqual({ start: null, end: '2016-03-31' });
    expect(t.ok).toBe(true);
  });

  it('never throws, and always returns well-formed windows, for any string', () => {
    const validIso = (d: string | null) => d === null || (/^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d + 'T00:00:00Z')) && new Date(d + 'T00:00:00Z').toISOString().startsWith(d));
    const phrase = fc.oneof(fc.string(), fc.constantFrom('By', 'March', '2016', '31/03/16', 'Spring', 'ongoing', 'each year', 'i.e.', '–', '/', 'onwards', 'for completion', 'Q3', '2020/21'));
    fc.assert(
      fc.property(
        fc.array(phrase, { maxLength: 8 }).map((xs) => xs.join(' ')),
        fc.boolean(),
        (text, withPeriod) => {
          const t = parseTimescale(text, withPeriod ? PLAN_2020 : {});
          expect(t.text).toBe(text);
          for (const w of [t.due, ...t.parts.map((p) => p.window)]) {
            if (!w) continue;
            expect(validIso(w.start) && validIso(w.end)).toBe(true);
            if (w.start && w.end) expect(w.start <= w.end).toBe(true);
          }
          expect(t.ok).toBe(t.unparsed.length === 0 && t.parts.length > 0);
        },
      ),
      { numRuns: Number(process.env.COPLAN_FUZZ_RUNS ?? 500) },
    );
  });
});
