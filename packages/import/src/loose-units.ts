// Joining the lines of loose text into paragraphs, each a cell or part of one: where blank lines mark cells, every
// line of a paragraph; in a PDF's column dump (no blank lines), wrapped lines by how they read. Rows come later.
import { cleanCell, isFurniture, joinWrapped, oneLine } from './clean-text.js';
import { CELL_START, isLeadLike, isTimescaleLike, kindOf, titleCase, titleCaseLine, type Kind } from './loose-line-kinds.js';
import { readPriorityHeading } from './plan-builder.js';

/** A paragraph of the text: a cell, or part of one, as far as the text shows. */
export interface Unit {
  text: string;
  kind: Kind;
  /** The lines it was joined from. */
  lines: string[];
  /** Text that followed a date on its line: the next column's, the row's impact. */
  impact?: boolean;
  /** Numbered "1." (an item) or lettered "a." (a sub-item). */
  numbered?: 'item' | 'sub';
  /** Two or more blank lines before it: a page break, in text whose cells are paragraphs. */
  pageBreak?: boolean;
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|autumn|winter)';
// "September 2016 Improved …", "April/May 2016 Agree …", "31/03/16 Report …": a date, then a capitalised word.
const GLUED_TIMESCALE = new RegExp(`^((?:by\\s+)?(?:${MONTH}(?:\\s*/\\s*${MONTH})?\\s+20\\d\\d|\\d{1,2}/\\d{1,2}/\\d{2,4})(?:\\s*[–-]\\s*${MONTH}\\s+20\\d\\d)?)\\s+([A-Z][a-z].{3,})$`, 'i');

/**
 * The paragraphs of `lines`, and whether the text's cells are paragraphs
 * (blank lines between them) rather than a column dump.
 */
export function readUnits(lines: readonly string[]): { units: Unit[]; paragraphs: boolean } {
  const known = new Set<string>();
  // Each line cleaned once, and each line's kind read once: a column dump is read twice (below).
  const cleaned = lines.map((raw) => oneLine(cleanCell(raw)));
  const kinds = new Map<string, Kind>();
  const kindOfLine = (line: string): Kind => {
    let k = kinds.get(line);
    if (k === undefined) kinds.set(line, (k = readPriorityHeading(line) ? 'heading' : kindOf(line)));
    return k;
  };
  for (const l of cleaned) {
    if (l && isLeadLike(l)) known.add(l.toLowerCase());
  }
  // Text whose cells are paragraphs (blank lines between) joins every line of a paragraph;
  // text with no blank lines (a PDF column dump) joins wrapped lines by how they read.
  const blankShare = lines.filter((l) => !l.trim()).length / Math.max(1, lines.length);
  const paragraphs = blankShare > 0.15;
  // A column dump is read twice: the lead cells the first reading finds tell the second where a lead cell starts
  // right after a cut sentence ("… across the" / "Policy, Procedures, Education" / "and Training sub-group").
  const firstReading = reading(new Set());
  const leadCells = new Set(firstReading.filter((u) => u.kind === 'lead' && u.lines.length > 1).map((u) => u.text.toLowerCase()));
  const units = paragraphs || leadCells.size === 0 ? firstReading : reading(leadCells);
  return { units, paragraphs };

  function reading(leadCells: ReadonlySet<string>): Unit[] {
    const units: Unit[] = [];
    let blank = true;
    /** Whether a line opens a lead cell the text names elsewhere: its first line, at least two words of it. */
    const opensLeadCell = (line: string) => {
      const l = line.toLowerCase();
      return /\s/.test(l) && [...leadCells].some((c) => c.startsWith(`${l} `));
    };
    const take = (line: string, flag?: 'impact') => {
      if (paragraphs && !blank && units.length && !readPriorityHeading(line)) {
        const prev = units[units.length - 1]!;
        if (prev.kind !== 'heading' || !readPriorityHeading(prev.text)?.title) {
          prev.text = joinWrapped(prev.text, line);
          prev.lines.push(line);
          if (prev.kind !== 'heading') prev.kind = kindOf(prev.text);
          return;
        }
      }
      if (isFurniture(line)) return;
      const kind: Kind = kindOfLine(line);
      let kindHere: Kind = kind;
      const prev = units[units.length - 1];
      const numbered = /^\(?(?:\d{1,2}|[a-z])[.)]\s/.test(line);
      let join = false;
      if (prev && !blank && kind !== 'heading' && prev.kind !== 'heading') {
        if (prev.kind === 'text' && (kind === 'text' || /^[a-z(]/.test(line)) && !numbered) {
          join = !/[.!?]$/.test(prev.text) || /^[a-z(]/.test(line);
          // A column dump runs cells together: a title-case cell ("Promoting Healthy") ends where a sentence starts,
          // and a task verb after a lower-case word starts a cell ("… children and young" / "Establish common …").
          if (join && !paragraphs && /^[A-Z]/.test(line) && !titleCase(line) && prev.lines.every(titleCaseLine) && titleCase(prev.text)) join = false;
          if (join && !paragraphs && CELL_START.test(line) && /\b(?!(?:the|a|an|to|of|for|and|with|by|in|on|at|or)\b)[a-z][a-z-]*$/.test(prev.text)) join = false;
          // A lead cell the text names elsewhere starts here, though the cut sentence before it wants more.
          if (join && !paragraphs && opensLeadCell(line)) {
            join = false;
            kindHere = 'lead';
          }
          // A line that opens a bracket and leaves it open goes on in the next line: "… by Domestic" / "Abuse Core Priority Group (DA".
        } else if (prev.kind === 'text' && kind === 'lead' && !numbered && !/[.!?]$/.test(prev.text) && (line.match(/\(/g) ?? []).length > (line.match(/\)/g) ?? []).length) {
          join = true;
        } else if (prev.kind === 'lead' && kind !== 'timescale' && !numbered) {
          const both = joinWrapped(prev.text, line).toLowerCase();
          // A cut sentence ends a lead cell with "to" ("sub-group to"); a name does not end with "Children's".
          join =
            /[,&]$|\b(?:with|and|of|the|for)$|['’]s$/i.test(prev.text) ||
            /^[a-z(]/.test(line) ||
            (kind === 'lead' && [...known].some((k) => both.includes(k) && !prev.text.toLowerCase().includes(k) && !line.toLowerCase().includes(k)));
        }
      } else if (prev && blank === false && prev.kind === 'heading' && kind === 'text' && !readPriorityHeading(prev.text)?.title) {
        prev.text = joinWrapped(prev.text, line);
        return;
      }
      // The same short line again is the next cell of its column, not more of the first: a lead a line, one per item
      // ("Neglect Task and Finish" three times).
      const repeated = !paragraphs && prev?.lines.length === 1 && prev.text === line && line.split(/\s+/).length <= 8 && !/[.!?:;]$/.test(line);
      if (repeated) join = false;
      if (join) {
        prev!.text = joinWrapped(prev!.text, line);
        prev!.lines.push(line);
        // "Policy, Procedures, Education" then "and Training sub-group": a lead cell after all.
        if (prev!.kind === 'text' && !prev!.numbered && isLeadLike(prev!.text)) prev!.kind = 'lead';
      } else {
        let k = prev?.kind === 'lead' && kind === 'text' && /^[a-z(]/.test(line) && !numbered ? 'lead' : kindHere;
        if (repeated) {
          prev!.kind = 'lead';
          k = 'lead';
        }
        units.push({
          text: line,
          kind: k,
          lines: [line],
          ...(flag ? { impact: true } : {}),
          ...(numbered ? { numbered: /^\(?[a-z][.)]/.test(line) ? ('sub' as const) : ('item' as const) } : {}),
          ...(paragraphs && blanks >= 2 ? { pageBreak: true } : {}),
        });
      }
      blank = false;
      blanks = 0;
    };
    let blanks = 0;
    for (const line of cleaned) {
      if (!line) {
        blank = true;
        blanks++;
        continue;
      }
      // A date that ran into the next column's text on one line: "September 2016 Improved levels of awareness".
      const glued = GLUED_TIMESCALE.exec(line);
      if (glued && !isFurniture(line) && isTimescaleLike(glued[1]!)) {
        take(glued[1]!);
        blank = true;
        take(glued[2]!, 'impact');
        continue;
      }
      take(line);
    }
    return units;
  }
}
