/** What a column of a source table holds. `ignore` columns are listed as not imported. */
export type ImportField =
  | 'priority'
  | 'objective'
  | 'action'
  | 'lead'
  | 'timescale'
  | 'milestone'
  | 'variant'
  | 'due'
  | 'impact'
  | 'progress'
  | 'progress-date'
  | 'rag'
  | 'status'
  | 'number'
  | 'ignore';

/** Every field a column can be mapped to, in the order a mapping menu lists them. */
export const IMPORT_FIELDS: readonly ImportField[] = [
  'priority',
  'objective',
  'action',
  'lead',
  'timescale',
  'milestone',
  'variant',
  'due',
  'impact',
  'progress',
  'progress-date',
  'rag',
  'status',
  'number',
  'ignore',
];

/** A column heading read as a field, and how sure the reading is (0–1). */
export interface HeadingMatch {
  field: ImportField;
  confidence: number;
}

// The headings partnerships write, as seen in real plans (domain.md and the seeds).
const VOCABULARY: Record<Exclude<ImportField, 'ignore' | 'number'>, string[]> = {
  priority: ['priority', 'priority area', 'strategic priority', 'theme', 'priorities', 'lscb priority', 'business priority', 'area of work', 'workstream', 'work stream'],
  objective: [
    'objective',
    'objectives',
    'what do we want to achieve',
    'what are we going to do',
    'what we will do',
    'what will we do',
    'what we want to achieve',
    'goal',
    'goals',
    'key deliverables',
    'key deliverable',
    'deliverable',
    'deliverables',
    'aim',
    'outcome we want',
    // Case-review action plans: each recommendation is an objective, its actions below it.
    'recommendation',
    'recommendations',
    'learning point',
    'finding',
  ],
  action: [
    'tasks to be completed',
    'task',
    'tasks',
    'how are we going to do it',
    'how we will do it',
    'how will we do it',
    'what needs to happen',
    'activity',
    'activities',
    'specific actions',
    'action',
    'actions',
    'action required',
    'actions required',
    'action(s) required',
    'action to be taken',
    'actions to be taken',
    'action(s) to be taken',
    'how',
  ],
  lead: [
    'lead',
    'leads',
    'lead person',
    'lead /s',
    'lead/s',
    'lead(s)',
    'who is responsible',
    'responsible lead/group',
    'responsible lead',
    'lead agency',
    'lead officer',
    'accountable',
    'accountable body',
    'accountable lead',
    'accountable officer',
    'responsible officer',
    'responsible body',
    'by whom',
    'owner',
    'responsible',
    'who',
  ],
  timescale: ['completion date', 'timescale', 'timescales', 'when is it going to be done by', 'by when', 'target date', 'timescale/target', 'deadline', 'due date', 'when'],
  impact: [
    'impact',
    'what difference has it made',
    'impact / what difference has it made',
    'what difference will it make',
    'impact / what difference will it make',
    'outcome',
    'outcomes',
    'expected outcome',
    'output/outcome measurement',
    'success measure',
    'success measures',
    'measure of success',
  ],
  milestone: ['milestones', 'milestone', 'key milestones', 'key milestone', 'sub-items', 'sub items'],
  variant: ['per partnership', 'per-partnership', 'partnership variants', 'by partnership'],
  due: ['due', 'due by', 'due on'],
  'progress-date': ['progress date', 'date of update', 'update date', 'date of last update', 'last updated'],
  progress: ['progress made', 'progress', 'progress update', 'latest progress', 'update', 'commentary', 'progress indicator', 'comments', 'comment', 'progress comments', 'latest update'],
  rag: ['rag', 'rag rating', 'rag status', 'r/a/g', 'status (rag)', 'rag (status)'],
  status: ['status'],
};

const EXACT = new Map<string, ImportField>();
for (const [field, words] of Object.entries(VOCABULARY)) for (const w of words) EXACT.set(normaliseHeading(w), field as ImportField);

/** Every known heading phrase, normalised. */
export const HEADING_PHRASES: ReadonlySet<string> = new Set(EXACT.keys());

/** A heading reduced to lower-case words: no brackets' asides, punctuation or extra spaces. */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .replace(/\((?:to achieve the objective|objective|s)\)/g, (m) => (m === '(s)' ? 's' : ' '))
    .replace(/[?:*.•·]/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

function phraseWords(length: number, h: string, at: number): number {
  return h.slice(at, at + length).split(' ').length;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Reads a column heading as a field. Exact vocabulary matches are sure (1);
 * a heading that starts with or contains a known phrase is likely (0.8);
 * one a letter or two away from a known phrase, as text extracted from PDF
 * often is ("Key Deeliverables"), is possible (0.6). Unknown headings give null.
 *
 * @example `recogniseHeading('Who is responsible?') // { field: 'lead', confidence: 1 }`
 */
export function recogniseHeading(text: string): HeadingMatch | null {
  const cached = seen.get(text);
  if (cached !== undefined) return cached;
  const match = lookUp(text);
  if (seen.size > 10_000) seen.clear();
  seen.set(text, match);
  return match;
}

// A register repeats its cells (leads, timescales) on every row.
const seen = new Map<string, HeadingMatch | null>();

function lookUp(text: string): HeadingMatch | null {
  const h = normaliseHeading(text);
  if (!h) return null;
  if (/^(no|ref|#|number|item)$/.test(h)) return { field: 'number', confidence: 0.9 };
  const exact = EXACT.get(h);
  if (exact) return { field: exact, confidence: 1 };
  // A long cell is data, not a heading, whatever words it holds.
  const words = h.split(' ').length;
  if (words > 9 || h.length > 70) return null;
  // "Impact / what difference has it made?" and "Lead Person" style headings.
  // The longest known phrase inside the heading wins.
  let best: { field: ImportField; at: number; length: number } | null = null;
  for (const [phrase, field] of EXACT) {
    if (phrase.length < 3 || (best && phrase.length <= best.length)) continue;
    const at = h.indexOf(phrase);
    if (at < 0) continue;
    const wordBounded = (at === 0 || /[\s/(]/.test(h[at - 1]!)) && (at + phrase.length === h.length || /[\s/)]/.test(h[at + phrase.length]!));
    if (wordBounded) best = { field, at, length: phrase.length };
  }
  if (best) {
    // "Lead Person" is sure; "Task and Finish Group" only starts with a heading word.
    const extra = words - phraseWords(best.length, h, best.at);
    return { field: best.field, confidence: extra <= 1 ? 0.8 : best.at === 0 && extra <= 3 ? 0.7 : 0.5 };
  }
  for (const [phrase, field] of EXACT) {
    if (phrase.length >= 6 && editDistance(h, phrase) <= 2) return { field, confidence: 0.6 };
  }
  return null;
}
