/** What search reads of a plan's items, and how it matches words: shared by `searchPlan` (a snapshot) and `Plan.search` (kept up to date per change). */
import type { EntityKind } from '../schema/schema.js';
import type { ActionSnapshot, PlanSnapshot } from '../schema/snapshot.js';
import type { ObjectiveItem, PriorityItem } from './item-reader.js';
import { formatUkDate } from '../values/uk-date.js';

/** One place in the plan where every word searched for was found. */
export interface SearchHit {
  /** What holds the match: an item of the plan, or the plan itself. */
  kind: EntityKind | 'plan';
  /** The item's id ('' for the plan's own fields). */
  id: string;
  /** The field the words are in, e.g. `text`, `narrative`, `principles`. */
  field: string;
  /** For a list field (principles, success statements…), which entry: 0-based. */
  item?: number;
  /** Where it is, in words: "Action 1.2.3", "Priority 2 aim", "Vision". */
  where: string;
  /** For an item inside an action (progress, milestone, lead), the action's id, so a view can go to the action. */
  actionId?: string;
  /** The field's text around the first word found, cut to about 120 characters. */
  excerpt: { before: string; match: string; after: string };
}

/** Lower case, accents dropped and any space a plain space, so "Café Plan" finds "cafe plan". */
function fold(s: string): string {
  // Most plan text is plain ASCII: lower case is all it needs (the common case, per field per keystroke).
  if (PLAIN.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s/g, ' ');
}
const PLAIN = /^[\x20-\x7e]*$/;

/** A text folded, with where each folded character came from, so a match is shown in the text as written. */
function foldWithMap(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) from.push(i);
    i += ch.length;
  }
  from.push(i);
  return { folded, from };
}

/** The words of a query, folded; quotes keep a phrase together ("early help"). */
function wordsOf(query: string): string[] {
  const out: string[] = [];
  for (const m of fold(query).matchAll(/"([^"]+)"|(\S+)/g)) {
    const w = (m[1] ?? m[2] ?? '').trim().replace(/\s+/g, ' ');
    if (w) out.push(w);
  }
  return out;
}

const AROUND = 50;

/** One searchable text: where it is (without the item's number, which moves), and its words folded once. */
export interface SearchEntry {
  hit: Omit<SearchHit, 'excerpt' | 'where'>;
  /** Added to its item's label ("Action 1.2.3" + " timescale"); the whole place for the plan's own fields. */
  suffix: string;
  text: string;
  folded: string;
}

type Place = Omit<SearchHit, 'excerpt' | 'where'>;

/** Adds an entry for a text, if it has any. */
function add(out: SearchEntry[], text: string, hit: Place, suffix: string): void {
  if (text) out.push({ hit, suffix, text, folded: fold(text) });
}
function addList(out: SearchEntry[], texts: readonly string[], hit: Omit<Place, 'item'>, suffix: (n: number) => string): void {
  texts.forEach((t, i) => add(out, t, { ...hit, item: i }, suffix(i + 1)));
}

/** The plan's own fields as searched: what a snapshot holds of them. */
export type PlanFields = Pick<PlanSnapshot, 'title' | 'versionLabel' | 'vision' | 'principles' | 'introduction' | 'statutoryObjectives' | 'reviewSchedule'> & {
  partnerships: ReadonlyArray<{ id: string; name: string }>;
  contextStatements: ReadonlyArray<{ id: string; title: string; text: string }>;
  consultation: ReadonlyArray<{ id: string; who: string; when: string }>;
};

/** The entries of the plan's own fields, partnerships, context statements and consultation (their places in full). */
export function planEntries(s: PlanFields): SearchEntry[] {
  const out: SearchEntry[] = [];
  const plan = (field: string) => ({ kind: 'plan' as const, id: '', field });
  add(out, s.title, plan('title'), 'Plan title');
  add(out, s.versionLabel, plan('versionLabel'), 'Version label');
  for (const p of s.partnerships) add(out, p.name, { kind: 'partnership', id: p.id, field: 'name' }, 'Partnership');
  add(out, s.vision, plan('vision'), 'Vision');
  addList(out, s.principles, plan('principles'), (n) => `Principle ${n}`);
  add(out, s.introduction, plan('introduction'), 'Introduction');
  addList(out, s.statutoryObjectives, plan('statutoryObjectives'), (n) => `Statutory objective ${n}`);
  for (const c of s.contextStatements) {
    add(out, c.title, { kind: 'context', id: c.id, field: 'title' }, `Context: ${c.title}`);
    add(out, c.text, { kind: 'context', id: c.id, field: 'text' }, `Context: ${c.title}`);
  }
  add(out, s.reviewSchedule, plan('reviewSchedule'), 'Review schedule');
  for (const c of s.consultation) {
    add(out, c.who, { kind: 'consultation', id: c.id, field: 'who' }, 'Consultation');
    add(out, c.when, { kind: 'consultation', id: c.id, field: 'when' }, 'Consultation');
  }
  return out;
}

/** A priority's own entries (after its label, "Priority 2"). */
export function priorityEntries(p: PriorityItem): SearchEntry[] {
  const out: SearchEntry[] = [];
  const at = { kind: 'priority' as const, id: p.id };
  add(out, p.title, { ...at, field: 'title' }, '');
  add(out, p.aim, { ...at, field: 'aim' }, ' aim');
  add(out, p.owner, { ...at, field: 'owner' }, ' owner');
  addList(out, p.successStatements, { ...at, field: 'successStatements' }, (n) => ` success statement ${n}`);
  addList(out, p.focusAreas, { ...at, field: 'focusAreas' }, (n) => ` focus area ${n}`);
  if (p.leadGroup) add(out, p.leadGroup.name, { ...at, field: 'leadGroup' }, ' lead group');
  return out;
}

/** An objective's own entries (after its label, "Objective 2.1"). */
export function objectiveEntries(o: ObjectiveItem): SearchEntry[] {
  const out: SearchEntry[] = [];
  add(out, o.text, { kind: 'objective', id: o.id, field: 'text' }, '');
  add(out, o.impact, { kind: 'objective', id: o.id, field: 'impact' }, ' impact');
  return out;
}

/** An action's entries, its milestones', variants' and progress updates' with them (after its label, "Action 2.1.3"). */
export function actionEntries(a: ActionSnapshot): SearchEntry[] {
  const out: SearchEntry[] = [];
  const at = { kind: 'action' as const, id: a.id, actionId: a.id };
  add(out, a.text, { ...at, field: 'text' }, '');
  add(out, a.leads.map((l) => l.name).join(', '), { ...at, field: 'leads' }, ' leads');
  add(out, a.timescale.text, { ...at, field: 'timescale' }, ' timescale');
  add(out, a.impact, { ...at, field: 'impact' }, ' impact');
  for (const m of a.milestones) add(out, m.text, { kind: 'milestone', id: m.id, actionId: a.id, field: 'text' }, ' milestone');
  for (const v of a.variants) add(out, v.text, { kind: 'variant', id: v.id, actionId: a.id, field: 'text' }, ` for ${v.partnership}`);
  for (const u of a.updates) {
    const U = ` progress of ${formatUkDate(u.date)}`;
    add(out, u.narrative, { kind: 'progress', id: u.id, actionId: a.id, field: 'narrative' }, U);
    add(out, u.evidence, { kind: 'progress', id: u.id, actionId: a.id, field: 'evidence' }, `${U} (evidence)`);
    add(out, u.author, { kind: 'progress', id: u.id, actionId: a.id, field: 'author' }, `${U} (by)`);
  }
  return out;
}

/** A query read once: its words, and a test of one group of entries that adds the hits to `hits`. */
export function matcher(query: string): ((entries: readonly SearchEntry[], label: string, hits: SearchHit[]) => void) | null {
  const words = wordsOf(query);
  if (words.length === 0) return null;
  return (entries, label, hits) => {
    for (const e of entries) {
      if (!words.every((w) => e.folded.includes(w))) continue;
      const text = e.text;
      let at = e.folded.indexOf(words[0]!);
      let end = at + words[0]!.length;
      if (!PLAIN.test(text)) {
        // Folding may have dropped accents: find the match in the text as written.
        const map = foldWithMap(text);
        const found = map.folded.indexOf(words[0]!);
        at = map.from[found]!;
        end = map.from[found + words[0]!.length]!;
      }
      const from = Math.max(0, at - AROUND);
      const to = Math.min(text.length, end + AROUND);
      const { kind, id, field, item, actionId } = e.hit;
      hits.push({
        kind,
        id,
        field,
        ...(item !== undefined ? { item } : {}),
        where: label + e.suffix,
        ...(actionId !== undefined ? { actionId } : {}),
        excerpt: { before: (from > 0 ? '…' : '') + text.slice(from, at), match: text.slice(at, end), after: text.slice(end, to) + (to < text.length ? '…' : '') },
      });
    }
  };
}
