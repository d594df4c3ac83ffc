import type { EntityKind } from '../schema/schema.js';
import type { ActionSnapshot, PlanSnapshot } from '../schema/snapshot.js';
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

/**
 * Finds text across the whole plan: its own fields (title, vision,
 * introduction, principles, statutory objectives, context statements,
 * partnerships, consultation), priorities, objectives, actions, their leads, timescales,
 * milestones and progress updates. A field matches when it holds every word
 * of the query (in any order, ignoring case and accents; "quoted words" as a
 * phrase). Hits come in plan order. An empty query finds nothing.
 *
 * @example
 * ```ts
 * searchPlan(plan.snapshot(), 'neglect strategy')[0]; // { kind: 'action', where: 'Action 1.1.2', field: 'text', … }
 * ```
 */
export function searchPlan(s: PlanSnapshot, query: string): SearchHit[] {
  const words = wordsOf(query);
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  const look = (text: string, hit: Omit<SearchHit, 'excerpt'>): void => {
    if (!text) return;
    const folded = fold(text);
    if (!words.every((w) => folded.includes(w))) return;
    let at = folded.indexOf(words[0]!);
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
    hits.push({
      ...hit,
      excerpt: { before: (from > 0 ? '…' : '') + text.slice(from, at), match: text.slice(at, end), after: text.slice(end, to) + (to < text.length ? '…' : '') },
    });
  };
  const list = (texts: string[], hit: Omit<SearchHit, 'excerpt' | 'item' | 'where'>, where: (n: number) => string): void => texts.forEach((t, i) => look(t, { ...hit, item: i, where: where(i + 1) }));

  look(s.title, { kind: 'plan', id: '', field: 'title', where: 'Plan title' });
  look(s.versionLabel, { kind: 'plan', id: '', field: 'versionLabel', where: 'Version label' });
  for (const p of s.partnerships) look(p.name, { kind: 'partnership', id: p.id, field: 'name', where: 'Partnership' });
  look(s.vision, { kind: 'plan', id: '', field: 'vision', where: 'Vision' });
  list(s.principles, { kind: 'plan', id: '', field: 'principles' }, (n) => `Principle ${n}`);
  look(s.introduction, { kind: 'plan', id: '', field: 'introduction', where: 'Introduction' });
  list(s.statutoryObjectives, { kind: 'plan', id: '', field: 'statutoryObjectives' }, (n) => `Statutory objective ${n}`);
  for (const c of s.contextStatements) {
    look(c.title, { kind: 'context', id: c.id, field: 'title', where: `Context: ${c.title}` });
    look(c.text, { kind: 'context', id: c.id, field: 'text', where: `Context: ${c.title}` });
  }
  look(s.reviewSchedule, { kind: 'plan', id: '', field: 'reviewSchedule', where: 'Review schedule' });
  for (const c of s.consultation) {
    look(c.who, { kind: 'consultation', id: c.id, field: 'who', where: 'Consultation' });
    look(c.when, { kind: 'consultation', id: c.id, field: 'when', where: 'Consultation' });
  }
  for (const p of s.priorities) {
    const P = `Priority ${p.number}`;
    const at = { kind: 'priority' as const, id: p.id };
    look(p.title, { ...at, field: 'title', where: P });
    look(p.aim, { ...at, field: 'aim', where: `${P} aim` });
    look(p.owner, { ...at, field: 'owner', where: `${P} owner` });
    list(p.successStatements, { ...at, field: 'successStatements' }, (n) => `${P} success statement ${n}`);
    list(p.focusAreas, { ...at, field: 'focusAreas' }, (n) => `${P} focus area ${n}`);
    if (p.leadGroup) look(p.leadGroup.name, { ...at, field: 'leadGroup', where: `${P} lead group` });
    for (const o of p.objectives) {
      const O = `Objective ${p.number}.${o.number}`;
      look(o.text, { kind: 'objective', id: o.id, field: 'text', where: O });
      look(o.impact, { kind: 'objective', id: o.id, field: 'impact', where: `${O} impact` });
      for (const a of o.actions) searchAction(a, `Action ${p.number}.${o.number}.${a.number}`, look);
    }
  }
  return hits;
}

function searchAction(a: ActionSnapshot, A: string, look: (text: string, hit: Omit<SearchHit, 'excerpt'>) => void): void {
  const at = { kind: 'action' as const, id: a.id, actionId: a.id };
  look(a.text, { ...at, field: 'text', where: A });
  look(a.leads.map((l) => l.name).join(', '), { ...at, field: 'leads', where: `${A} leads` });
  look(a.timescale.text, { ...at, field: 'timescale', where: `${A} timescale` });
  look(a.impact, { ...at, field: 'impact', where: `${A} impact` });
  for (const m of a.milestones) look(m.text, { kind: 'milestone', id: m.id, actionId: a.id, field: 'text', where: `${A} milestone` });
  for (const v of a.variants) look(v.text, { kind: 'variant', id: v.id, actionId: a.id, field: 'text', where: `${A} for ${v.partnership}` });
  for (const u of a.updates) {
    const U = `${A} progress of ${formatUkDate(u.date)}`;
    look(u.narrative, { kind: 'progress', id: u.id, actionId: a.id, field: 'narrative', where: U });
    look(u.evidence, { kind: 'progress', id: u.id, actionId: a.id, field: 'evidence', where: `${U} (evidence)` });
    look(u.author, { kind: 'progress', id: u.id, actionId: a.id, field: 'author', where: `${U} (by)` });
  }
}
