import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { openPlan, searchPlan, type EntityKind, type Plan } from '../src/index.js';
import { newPlan, replicaOf, smallPlanInput, steppingClock } from './helpers.js';

/**
 * The plan's search index follows its change events, re-reading only what
 * changed. Whatever people do (type, add, move, delete, restore, rename a
 * lead, record progress, undo, and a partner's edits arriving), searching
 * through it must give exactly what a full search of a fresh snapshot gives.
 * fast-check prints the seed and path of any failure: pin it below.
 */

const WORDS = ['neglect', 'early help', 'café', 'audit', 'MACE', 'Neglect toolkit', 'train', 'police', 'x'];
const QUERIES = ['group', 'neglect', 'cafe', 'audit', '"early help"', 'neglect audit', 'police', 'train', 'x', 'a', 'Action', '2025'];

type Op = { op: number; a: number; b: number; word: number };

function idsOf(plan: Plan, kind: 'priority' | 'objective' | 'action'): string[] {
  const ps = plan.childIds('priority', null);
  if (kind === 'priority') return ps;
  const os = ps.flatMap((p) => plan.childIds('objective', p));
  return kind === 'objective' ? os : os.flatMap((o) => plan.childIds('action', o));
}

/** One random edit, chosen and aimed by the numbers drawn; a refusal (say, a move into a deleted parent) is part of life. */
function apply(plan: Plan, partner: Plan, binned: Array<{ kind: EntityKind; id: string }>, { op, a, b, word }: Op): void {
  const w = WORDS[word % WORDS.length]!;
  const pick = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);
  const p = pick(idsOf(plan, 'priority'), a);
  const o = pick(idsOf(plan, 'objective'), a);
  const act = pick(idsOf(plan, 'action'), a);
  const target = [plan, partner][b % 2]!;
  try {
    switch (op % 18) {
      case 0:
        if (o) target.create('action', { text: `${w} action` }, { parentId: o });
        break;
      case 1:
        if (p) target.create('objective', { text: w }, { parentId: p });
        break;
      case 2:
        target.create('priority', { title: w, aim: `aim ${w}` });
        break;
      case 3:
        if (act) {
          const t = target.textOf('action', act, 'text').toString();
          target.editText('action', act, 'text', b % (t.length + 1), 0, ` ${w}`);
        }
        break;
      case 4:
        if (act) {
          const t = target.textOf('action', act, 'text').toString();
          if (t.length) target.editText('action', act, 'text', b % t.length, 1 + (word % 4));
        }
        break;
      case 5: {
        const kind = (['priority', 'objective', 'action'] as const)[b % 3]!;
        const id = pick(idsOf(plan, kind), a);
        if (id) {
          target.delete(kind, id);
          binned.push({ kind, id });
        }
        break;
      }
      case 6: {
        const gone = binned.splice(a % Math.max(1, binned.length), 1)[0];
        if (gone) target.restore(gone.kind, gone.id);
        break;
      }
      case 7: {
        const to = pick(idsOf(plan, 'objective'), b);
        if (act && to) target.move('action', act, { parentId: to, index: word % 3 });
        break;
      }
      case 8: {
        const to = pick(idsOf(plan, 'priority'), b);
        if (o && to) target.move('objective', o, { parentId: to, index: 0 });
        break;
      }
      case 9:
        if (p) target.move('priority', p, { index: b % 3 });
        break;
      case 10: {
        const lead = pick(target.children('lead', null), b);
        if (lead) target.update('lead', lead.id, { name: `${w} group` });
        break;
      }
      case 11:
        if (act) target.nameLeads(act, [`${w} sub-group`, pick(['QA Sub-group', 'Police'], b)!]);
        break;
      case 12:
        if (act) target.recordProgress(act, { date: `2026-0${1 + (b % 9)}-1${word % 10}`, author: w, rag: 'green', narrative: `${w} done`, evidence: '' });
        break;
      case 13:
        if (act) target.create('milestone', { text: `${w} milestone` }, { parentId: act });
        break;
      case 14:
        if (b % 3 === 0) target.updatePlan({ vision: `vision of ${w}` });
        else if (b % 3 === 1 && p) target.addListItem('priority', p, 'successStatements', `${w} statement`);
        else target.updatePlan({ versionLabel: `v${word}` });
        break;
      case 15:
      case 16: {
        const leads = target.children('lead', null);
        const from = pick(leads, a);
        const into = pick(leads, b);
        if (op % 18 === 15 && from && into && from.id !== into.id) target.mergeLeads(from.id, into.id);
        else if (from) target.update('lead', from.id, { name: `${w} panel ${b % 7}` });
        break;
      }
      default:
        target.undo();
    }
  } catch (e) {
    if (!(e instanceof Error) || e.name !== 'PlanError') throw e;
  }
}

describe('search through the plan (incremental index)', () => {
  it('always finds what a full search of a fresh snapshot finds, after random edit sequences, here and from a partner', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ op: fc.nat(), a: fc.nat(), b: fc.nat(), word: fc.nat() }), { minLength: 1, maxLength: 40 }), fc.nat(QUERIES.length * 4), (ops, when) => {
        const plan = newPlan(smallPlanInput('Lincolnshire'), { now: steppingClock() });
        const doc = replicaOf(plan.doc);
        const partner = openPlan(doc, { user: 'partner', now: steppingClock('2026-02-01T09:00:00.000Z'), undoCaptureTimeout: 0 });
        plan.doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(doc, u, 'net'));
        doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(plan.doc, u, 'net'));
        const binned: Array<{ kind: EntityKind; id: string }> = [];
        plan.search('neglect'); // the index exists from the start, and follows every change
        ops.forEach((op, i) => {
          apply(plan, partner, binned, op);
          // Searched between some edits (the index then has a little to catch up on), and after the last.
          if (i % (1 + (when % 5)) === 0 || i === ops.length - 1) {
            const q = QUERIES[(when + i) % QUERIES.length]!;
            expect(plan.search(q)).toEqual(searchPlan(plan.snapshot(), q));
          }
        });
        for (const q of QUERIES) expect(plan.search(q)).toEqual(searchPlan(plan.snapshot(), q));
      }),
      { numRuns: 80 },
    );
  }, 60_000);

  it('finds a partner’s words and drops deleted ones without a snapshot', () => {
    const plan = newPlan(smallPlanInput('Lincolnshire'), { now: steppingClock() });
    expect(plan.search('toolkit').map((h) => h.where)).toEqual(['Objective 1.1', 'Action 1.1.2']);
    const action = plan.childIds('action', plan.childIds('objective', plan.childIds('priority', null)[0]!)[0]!)[1]!;
    plan.delete('action', action);
    expect(plan.search('toolkit').map((h) => h.where)).toEqual(['Objective 1.1']);
    plan.restore('action', action);
    plan.editText('action', action, 'text', 0, 0, 'Café ');
    expect(plan.search('cafe audit')[0]).toMatchObject({ where: 'Action 1.1.2', excerpt: { match: 'Café' } });
  });
});
