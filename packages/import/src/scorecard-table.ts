import { parsePeriod, periodLabel, readFigureNumber, type FigureProblem, type FigureRow } from '@coplan/core/scorecard';

/**
 * Reads a scorecard's figures from a table as partnerships keep them: either
 * one row per indicator with a column per period ("Q1 2025/26", "Q2 2025/26"
 * …, optionally "Q1 2025/26 target" and "… commentary"), or one row per
 * figure with Indicator, Period, Actual, Target and Commentary columns.
 */

/** What a column of the table was read as. */
export interface FigureColumn {
  heading: string;
  /** "indicator", "actual for Q1 2025/26", … or "not read". */
  readAs: string;
}

/** The figures read from a table, and everything that could not be read. */
export interface FiguresRead {
  rows: FigureRow[];
  problems: FigureProblem[];
  columns: FigureColumn[];
}

type Role =
  | { kind: 'indicator' | 'priority' | 'owner' | 'unit' | 'direction' | 'period' | 'actual' | 'target' | 'commentary' | 'rag' }
  | { kind: 'cell'; period: string; cell: 'actual' | 'target' | 'commentary' }
  | { kind: 'none' };

const NAMED: Array<[RegExp, Role['kind']]> = [
  [/^(performance )?(indicator|measure|kpi|metric)s?( name)?$/, 'indicator'],
  [/^(strategic )?priority$/, 'priority'],
  [/^(owner|owner agency|owning agency|agency|lead agency|responsible agency)$/, 'owner'],
  [/^units?$/, 'unit'],
  [/^(direction|polarity|better|better is|good is)$/, 'direction'],
  [/^(rag|rag rating|rag status)$/, 'rag'],
  [/^(period|quarter|half[- ]?year|reporting period)$/, 'period'],
  [/^(actual|value|result|figure|performance)$/, 'actual'],
  [/^(target|annual target)$/, 'target'],
  [/^(commentary|comments?|notes?)$/, 'commentary'],
];

function roleOf(heading: string): Role {
  const h = heading.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [re, kind] of NAMED) if (re.test(h)) return { kind } as Role;
  const period = parsePeriod(h.replace(/\b(actual|target|commentary|comments?|notes?)\b/g, ' '));
  if (period) {
    const cell = /\btarget\b/.test(h) ? 'target' : /\b(commentary|comments?|notes?)\b/.test(h) ? 'commentary' : 'actual';
    return { kind: 'cell', period, cell };
  }
  return { kind: 'none' };
}

function readDirection(text: string): 'higher' | 'lower' | undefined {
  const t = text.trim().toLowerCase();
  if (/^(higher|high|up|increase|bigger)/.test(t)) return 'higher';
  if (/^(lower|low|down|decrease|smaller)/.test(t)) return 'lower';
  return undefined;
}

function describeRole(r: Role): string {
  if (r.kind === 'cell') return `${r.cell} for ${periodLabel(r.period)}`;
  if (r.kind === 'none') return 'not read';
  if (r.kind === 'rag') return 'not read: each RAG is worked out from the figures';
  return r.kind;
}

/** Finds the heading row: the first of the first five rows with an indicator column and a period or period columns. */
function headingRow(rows: string[][]): { index: number; roles: Role[] } | null {
  for (let i = 0; i < Math.min(5, rows.length); i++) {
    const roles = rows[i]!.map(roleOf);
    const periods = roles.some((r) => r.kind === 'cell') || roles.some((r) => r.kind === 'period');
    if (!periods) continue;
    if (!roles.some((r) => r.kind === 'indicator')) {
      // A first column with any other heading (or none) holds the indicators' names.
      if (roles[0]!.kind !== 'none') continue;
      roles[0] = { kind: 'indicator' };
    }
    return { index: i, roles };
  }
  return null;
}

/**
 * Reads figures from the rows of one table. Returns null when the table has
 * no heading row naming indicators and periods.
 */
export function figuresFromTable(rows: string[][]): FiguresRead | null {
  const found = headingRow(rows);
  if (!found) return null;
  const { index, roles } = found;
  const headings = rows[index]!;
  const out: FiguresRead = { rows: [], problems: [], columns: headings.map((h, c) => ({ heading: h.trim(), readAs: describeRole(roles[c]!) })) };
  const long = roles.some((r) => r.kind === 'period');
  const col = (kind: Role['kind']) => roles.findIndex((r) => r.kind === kind);
  const at = (row: string[], kind: Role['kind']) => {
    const c = col(kind);
    return c < 0 ? '' : (row[c] ?? '').trim();
  };
  // Columns that hold something but were not read are said once, not dropped silently.
  roles.forEach((r, c) => {
    if (r.kind === 'none' && rows.slice(index + 1).some((row) => (row[c] ?? '').trim()))
      out.problems.push({
        source: `column ${c + 1}`,
        text: headings[c]!.trim() || '(no heading)',
        reason:
          'This column was not read: its heading is neither a period (such as "Q1 2025/26") nor Indicator, Priority, Owner, Unit, Direction, Target, Actual or Commentary. Rename the heading to bring it in.',
      });
  });
  for (let r = index + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (!row.some((c) => c.trim())) continue;
    const where = `row ${r + 1}`;
    const indicator = at(row, 'indicator');
    const extra: Partial<FigureRow> = {};
    if (at(row, 'priority')) extra.priority = at(row, 'priority');
    if (at(row, 'owner')) extra.owner = at(row, 'owner');
    if (at(row, 'unit')) extra.unit = at(row, 'unit');
    const direction = at(row, 'direction');
    if (direction) {
      const d = readDirection(direction);
      if (d) extra.direction = d;
      else out.problems.push({ source: `${where}, Direction`, text: direction, reason: 'Direction should say "higher" or "lower" (is better); the indicator is taken as higher is better.' });
    }
    if (!indicator) {
      out.problems.push({
        source: where,
        text: row
          .filter((c) => c.trim())
          .join(' | ')
          .slice(0, 80),
        reason: 'This row has figures but no indicator name; add the name in the indicator column.',
      });
      continue;
    }
    // Figures per period, gathered from this row's cells.
    const figures = new Map<string, { actual: number | null; target: number | null; commentary: string; heading: string }>();
    const figure = (period: string, heading: string) => {
      let f = figures.get(period);
      if (!f) figures.set(period, (f = { actual: null, target: null, commentary: '', heading }));
      return f;
    };
    const number = (text: string, whereCell: string): number | null => {
      if (!text) return null;
      const n = readFigureNumber(text);
      if (n === null)
        out.problems.push({
          source: whereCell,
          text,
          reason: 'Not a number, so it was not brought in. Write the figure as a number (87, 87.5 or 87%), or leave the cell empty if there is no figure yet.',
        });
      return n;
    };
    if (long) {
      const periodText = at(row, 'period');
      const period = parsePeriod(periodText);
      if (!period) {
        out.problems.push({ source: `${where}, Period`, text: periodText || '(empty)', reason: 'Not a period of the business year; write it as "Q1 2025/26" or "H2 2025/26".' });
        continue;
      }
      const f = figure(period, periodLabel(period));
      f.actual = number(at(row, 'actual'), `${where}, Actual`);
      f.target = number(at(row, 'target'), `${where}, Target`);
      f.commentary = at(row, 'commentary');
    } else {
      const target = number(at(row, 'target'), `${where}, Target`);
      roles.forEach((role, c) => {
        if (role.kind !== 'cell') return;
        const text = (row[c] ?? '').trim();
        const f = figure(role.period, headings[c]!.trim());
        if (role.cell === 'commentary') f.commentary = text;
        else f[role.cell] = number(text, `${where}, ${headings[c]!.trim()}`);
      });
      // A single Target column is the target of every period the row has an actual for.
      if (target !== null) for (const f of figures.values()) if (f.actual !== null && f.target === null) f.target = target;
    }
    for (const [period, f] of figures) {
      if (f.actual === null && f.target === null && !f.commentary) continue;
      out.rows.push({ indicator, period, actual: f.actual, target: f.target, commentary: f.commentary, source: `${where}, ${f.heading}`, ...extra });
    }
  }
  return out;
}
