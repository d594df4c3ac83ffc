const BULLET = /^(?:[•·▪◦‣●○■□–—\-*]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+/i;
const NUMBERING = /^\s*(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]?|\(?[a-z][.)])\s+/i;

/** A cell value that is only a row number: `1`, `2.`, `(3)`, `b)`. */
export function isRowNumber(text: string): boolean {
  return /^\s*\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z])[.)]?\s*$/i.test(text);
}

/** Takes a leading `1.` / `a)` / bullet off a statement. */
export function stripNumbering(text: string): string {
  return text.replace(BULLET, '').replace(NUMBERING, '').trim();
}

/**
 * Splits a cell that holds several items (tasks, objectives) into one per
 * item. A new item starts at a bullet or number, or at a line that follows a
 * finished sentence; a line that carries on a sentence (starts lower-case,
 * or follows a line with no full stop) is joined back on, because extracted
 * text wraps long lines.
 */
export function splitItems(cell: string): string[] {
  const lines = cell.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return [];
  const bulleted = lines.filter((l) => BULLET.test(l)).length;
  const items: string[] = [];
  for (const line of lines) {
    const prev = items[items.length - 1];
    const startsItem = BULLET.test(line) || (bulleted === 0 && prev !== undefined && /[.;:!?)]$/.test(prev) && /^[A-Z0-9“"‘']/.test(line));
    // A cell's own line breaks separate items; a line starting lower-case carries on the one before.
    const wrapped = prev !== undefined && !startsItem && (bulleted > 0 || /^[a-z(,&]/.test(line));
    if (wrapped) items[items.length - 1] = `${prev} ${line}`;
    else items.push(line);
  }
  return items.map(stripNumbering).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Splits on a separator only where it is outside brackets. */
function splitOutsideBrackets(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && separators.test(c)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * Splits a lead cell into lead names: one per line, and on `;` or `,`
 * outside brackets ("Chair (Head of Service, County Council)" stays one).
 * Where names were run together on one line ("CSE Sub QA Sub"), names the
 * plan already uses elsewhere (`known`) are picked out of the run.
 *
 * @example `splitLeads('QA Sub / Audit Group') // ['QA Sub', 'Audit Group']`
 */
export function splitLeads(cell: string, known: ReadonlySet<string> = new Set()): string[] {
  const names: string[] = [];
  for (const line of cell.split('\n')) {
    for (const part of splitOutsideBrackets(line, /[;,]/)) {
      for (const piece of part.split(/\s+\/\s+|\s+&\s+(?=[A-Z])/)) {
        const name = stripNumbering(piece.replace(/^(?:and|with)\s+/i, '')).replace(/[.\s]+$/, '').trim();
        if (name) names.push(...splitRunTogether(name, known));
      }
    }
  }
  return [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
}

function splitRunTogether(name: string, known: ReadonlySet<string>): string[] {
  if (known.size === 0 || known.has(name.toLowerCase())) return [name];
  const words = name.split(/\s+/);
  const out: string[] = [];
  let loose: string[] = [];
  let matched = 0;
  for (let i = 0; i < words.length; ) {
    let hit = 0;
    for (let j = words.length; j > i; j--) {
      if (known.has(words.slice(i, j).join(' ').toLowerCase())) { hit = j - i; break; }
    }
    if (hit === 0) { loose.push(words[i]!); i++; continue; }
    if (loose.length) out.push(loose.join(' '));
    loose = [];
    out.push(words.slice(i, i + hit).join(' '));
    matched++;
    i += hit;
  }
  if (loose.length) out.push(loose.join(' '));
  // Only trust the split when known names make up the run, with at most short leftovers.
  const leftovers = out.filter((p) => !known.has(p.toLowerCase()));
  const shortName = (p: string) => /^[A-Z][A-Za-z&]*$/.test(p) && !/^(?:Chair|Lead|Head|The|And|With)$/.test(p);
  if (matched >= 1 && out.length >= 2 && leftovers.every(shortName)) return out;
  return [name];
}
