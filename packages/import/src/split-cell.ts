import { joinWrapped } from './clean-text.js';
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
  const lines = cell
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return [];
  const bulleted = lines.filter((l) => BULLET.test(l)).length;
  const items: string[] = [];
  for (const line of lines) {
    const prev = items[items.length - 1];
    const startsItem = BULLET.test(line) || (bulleted === 0 && prev !== undefined && /[.;:!?)]$/.test(prev) && /^[A-Z0-9“"‘']/.test(line));
    // A cell's own line breaks separate items; a line starting lower-case carries on the one before.
    const wrapped = prev !== undefined && !startsItem && (bulleted > 0 || /^[a-z(,&]/.test(line));
    if (wrapped) items[items.length - 1] = joinWrapped(prev, line);
    else items.push(line);
  }
  return items
    .map(stripNumbering)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * Splits on a separator only where it is outside brackets. With `around`,
 * a separator character splits only where that pattern matches at it
 * (" / " and " & Name", not "Subgroup/Multi-agency").
 */
function splitOutsideBrackets(text: string, separators: RegExp, around?: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && separators.test(c)) {
      if (!around) {
        parts.push(text.slice(start, i));
        start = i + 1;
        continue;
      }
      // The pattern's match must cover this character.
      const from = Math.max(start, i - 3);
      const re = new RegExp(around.source, 'g');
      re.lastIndex = from;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) && m.index <= i) {
        if (m.index + m[0].length > i) {
          parts.push(text.slice(start, m.index));
          start = m.index + m[0].length;
          i = start - 1;
          break;
        }
        if (m[0].length === 0) re.lastIndex++;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * A lead name as a cell ends it: no trailing full stop, and no word of a
 * sentence the cell edge cut ("Child Exploitation sub-group to").
 */
function tidyLead(name: string): string {
  return (
    name
      .replace(/[.:\s]+$/, '')
      // "The three partners with support from:" the names of those supporting follow.
      .replace(/\s+with\s+(?:the\s+)?support\s+(?:from|of)$/i, '')
      .replace(/\s+to\s+[a-z]+$/, '')
      .replace(/\s+(?:to|and|with|of|for|the|by)$/i, '')
      .replace(/[,;:\s]+$/, '')
      .trim()
  );
}

// "Chair of X Group (Chair: Jo Bloggs, Head of Service)": the lead is the chair of X; who holds it is said aside.
const CHAIR_ASIDE = /^(.*\S)\s*\((?:chair|chaired by|chairs?)\s*[:\-–]\s*([^()]+)\)$/i;
// "Chair of X Group (Assistant Director, County Council)": the lead is a chair, so its bracket says who holds it.
// Other brackets ("LADA (via SC)", "Police (CID)") stay part of the name.
const CHAIR_ROLE = /^(chair of\s.*\S)\s*\(([^()]+)\)$/i;
// "LLR Neglect Reference Group Chair Rama Ramakrishnan (NSPCC)": the group and its chair, a person.
const GROUP_CHAIR = /^(.*\b(?:group|sub-?group|board|panel|partnership|forum|network|team))\s+chair(?:ed by)?\s*:?\s+([A-Z][a-z'’-]+\s+[A-Z][A-Za-z'’-]+(?:\s+\([^()]+\))?)$/i;

/** Who chairs a lead, where its cell says: "Chair of X (Chair: Y)" and "Chair of X (Y)" give Y. */
export function leadChair(name: string): { name: string; chair?: string; organisation?: string } {
  const a = CHAIR_ASIDE.exec(name);
  if (a) return { name: a[1]!.trim(), chair: a[2]!.trim() };
  const r = CHAIR_ROLE.exec(name);
  if (r) return { name: r[1]!.trim(), chair: r[2]!.trim() };
  return { name };
}

/** What a lead cell says about a lead besides its name. */
export interface LeadDetails {
  chair?: string;
  organisation?: string;
}

function splitChair(name: string, details?: Map<string, LeadDetails>): string[] {
  const g = GROUP_CHAIR.exec(name);
  if (g) {
    details?.set(g[1]!.trim().toLowerCase(), { chair: g[2]!.trim() });
    return [g[1]!.trim(), g[2]!.trim()];
  }
  const { name: short, ...more } = leadChair(name);
  if (details && (more.chair || more.organisation)) details.set(short.toLowerCase(), more);
  return [short];
}

/** "X sub-group and Y sub-group", "CSE co-ordinator with Child Exploitation sub-group": two leads, when the second is a name the plan uses alone. */
function splitJoined(name: string, known: ReadonlySet<string>): string[] {
  // "LSAB and LSCP": two bodies' acronyms.
  const acronyms = /^([A-Z][A-Z&]{1,6}) and ([A-Z][A-Z&]{1,6})$/.exec(name);
  if (acronyms) return [acronyms[1]!, acronyms[2]!];
  if (known.size === 0 || known.has(name.toLowerCase())) return [name];
  const re = /\s+(?:and|with)\s+/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(name))) {
    const left = name.slice(0, m.index).trim();
    const right = name.slice(m.index + m[0].length).trim();
    if (known.has(right.toLowerCase()) && left.split(/\s+/).length >= 2) return [...splitJoined(left, known), right];
  }
  return [name];
}

/**
 * Splits a lead cell into lead names: one per line, and on `;` or `,`
 * outside brackets ("Chair (Head of Service, County Council)" stays one).
 * Where names were run together on one line ("CSE Sub QA Sub"), names the
 * plan already uses elsewhere (`known`) are picked out of the run.
 *
 * @example `splitLeads('QA Sub / Audit Group') // ['QA Sub', 'Audit Group']`
 */
export function splitLeads(cell: string, known: ReadonlySet<string> = new Set(), details?: Map<string, LeadDetails>): string[] {
  const names: string[] = [];
  for (const line of cell.split('\n')) {
    const parts = splitOutsideBrackets(line, /[;]/).flatMap((p) => {
      const commas = splitOutsideBrackets(p, /,/);
      // "CSE, Trafficking and Missing Sub Group" is one group's name, not three leads.
      const last = commas[commas.length - 1]!.trim();
      const oneName =
        commas.length > 1 && /\band\b|&/.test(last) && !/^[A-Z]{2,6} and [A-Z]{2,6}\b/.test(last.replace(/^and\s+/, '')) && commas.slice(0, -1).every((c) => c.trim().split(/\s+/).length <= 2);
      return oneName ? [p] : commas;
    });
    for (const part of parts) {
      for (const piece of splitOutsideBrackets(part, /[/&]/, /\s+\/\s+|(?<=\S+\s+\S+)\s+&\s+(?=[A-Z])/)) {
        const name = tidyLead(stripNumbering(piece.trim().replace(/^(?:and|with)\s+/i, '')));
        if (!name) continue;
        for (const n of splitChair(name, details)) for (const m of splitJoined(n, known)) names.push(...splitRunTogether(m, known));
      }
    }
  }
  return [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
}

/** A short name that ends as groups' and roles' names do: "L&D Sub", "Audit Group". */
export function leadShaped(name: string): boolean {
  const words = name.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 3 &&
    /^[A-Za-z]/.test(name) &&
    !/^(?:the|a|an|and|with|to|of|for)$/i.test(words[0]!) &&
    /^(?:sub|sub-?group|group|board|team|panel|forum|lead|officer|manager|co-?ordinator)$/i.test(words[words.length - 1]!)
  );
}

function splitRunTogether(name: string, known: ReadonlySet<string>): string[] {
  if (known.size === 0) return [name];
  const whole = known.has(name.toLowerCase());
  const words = name.split(/\s+/);
  const out: string[] = [];
  let loose: string[] = [];
  let matched = 0;
  for (let i = 0; i < words.length; ) {
    let hit = 0;
    for (let j = words.length; j > i; j--) {
      if (known.has(words.slice(i, j).join(' ').toLowerCase())) {
        hit = j - i;
        break;
      }
    }
    if (hit === 0) {
      loose.push(words[i]!);
      i++;
      continue;
    }
    if (loose.length) out.push(loose.join(' '));
    loose = [];
    out.push(words.slice(i, i + hit).join(' '));
    matched++;
    i += hit;
  }
  if (loose.length) out.push(loose.join(' '));
  // Only trust the split when known names make up the run, with at most short leftovers.
  const leftovers = out.filter((p) => !known.has(p.toLowerCase()));
  // A name seen alone elsewhere stays whole, unless it is wholly other known names run together.
  if (whole && (leftovers.length > 0 || matched < 2)) return [name];
  // A role's word alone ("Manager") ends a name a page break cut, not a name of its own.
  const shortName = (p: string) => /^[A-Z][A-Za-z&]*$/.test(p) && !/^(?:Chair|Lead|Head|The|And|With|Manager|Officer|Advisor|Adviser|Director|Co-?ordinator)$/.test(p);
  if (matched >= 1 && out.length >= 2 && leftovers.every((p) => shortName(p) || leadShaped(p))) return out;
  return [name];
}

// Verbs that start a task in these plans; a capitalised one after a lower-case word starts a new task.
export const TASK_VERBS =
  'Adapt|Agree|Analyse|Assess|Audit|Carry|Challenge|Collate|Commission|Complete|Confirm|Consider|Continue|Co-ordinate|Coordinate|Create|Deliver|Design|Develop|Devise|Disseminate|Embed|Ensure|Establish|Evaluate|Explore|Facilitate|Formulate|Identify|Implement|Include|Launch|Maintain|Map|Monitor|Pilot|Prepare|Produce|Promote|Provide|Publish|Raise|Receive|Recruit|Refresh|Request|Review|Revise|Scope|Scrutinise|Seek|Set|Share|Strengthen|Test|Trigger|Undertake|Update';
// After a lower-case word that is not a little word ("to Review" is one task), or after a closing bracket;
// a task in the passive ("… education All to be monitored …") starts one too.
const RUN_ON = new RegExp(
  `(?:(?<=\\b(?!(?:the|a|an|to|of|for|and|with|by|in|on|from|at|re|or|via|through|will|shall|must|should|can|may|could)\\b)[a-z][a-z\\-]*)|(?<=[a-z]\\))) (?=(?:${TASK_VERBS}) [a-z]|[A-Z][a-z]+ to be [a-z]+ed\\b)`,
  'g',
);
// A sentence that leans on the one before it is not a task of its own.
const LEANS_BACK = /^(?:This|These|That|Those|It|They|Which|Also|Including|In turn|i\.e\.|e\.g\.)\b/;

/**
 * Splits a task cell whose tasks extraction ran together on one line:
 * at full stops, and at a task verb ("… taxi companies Monitor training …").
 * Where the lead cell names one lead per task (`leads`), a task's lead named
 * mid-line ("… QA framework CSE Sub Group will …") also starts a task.
 */
export function splitTasks(item: string, leads: readonly string[] = []): string[] {
  let parts = item.split(/(?<=[A-Za-z0-9)][.;])\s+(?=[A-Z]|[a-z][A-Z])/);
  parts = parts.reduce<string[]>((out, p) => {
    if (out.length && (LEANS_BACK.test(p) || /\b(?:i\.e|e\.g|etc|p|pp|no|st|[A-Z])\.$/i.test(out[out.length - 1]!))) out[out.length - 1] += ` ${p}`;
    else out.push(p);
    return out;
  }, []);
  parts = parts.flatMap((p) => p.split(RUN_ON));
  if (leads.length > parts.length) {
    for (const lead of leads.slice(1)) {
      parts = parts.flatMap((p) => {
        const at = p.indexOf(` ${lead}`);
        return at > 0 && /[a-z]$/.test(p.slice(0, at)) ? [p.slice(0, at), p.slice(at + 1)] : [p];
      });
    }
  }
  return parts.map((p) => p.trim()).filter(Boolean);
}
