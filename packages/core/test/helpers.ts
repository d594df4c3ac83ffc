import * as Y from 'yjs';
import { createPlan, type CreatePlanOptions, type Plan, type PlanInput } from '../src/index.js';

/** A clock that moves one second per call, from a fixed start. */
export function steppingClock(start = '2026-01-05T09:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

/** A small seeded PRNG (mulberry32), so failures reproduce. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A small plan of two actions, titled after its partnership. */
export function smallPlanInput(partnership: string): PlanInput {
  return {
    title: `${partnership} Business Plan`,
    priorities: [
      {
        title: 'Neglect',
        objectives: [
          {
            text: 'Embed the neglect toolkit',
            actions: [
              { text: 'Train 200 practitioners', leads: ['L&D Sub-group'], timescale: 'March 2025' },
              { text: 'Audit use of the toolkit', leads: ['QA Sub-group'], timescale: 'June 2025' },
            ],
          },
        ],
      },
    ],
  };
}

export function newPlan(input: Partial<PlanInput> = {}, options: CreatePlanOptions = {}): Plan {
  return createPlan(new Y.Doc(), { title: 'Test plan', ...input }, { user: 'Tester', now: steppingClock(), planId: 'plan-1', ...options });
}

/** Exchanges every missing update between all docs, both ways. */
export function syncAll(docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
}

/** A replica of `doc` in a new Y.Doc. */
export function replicaOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc), 'remote');
  return copy;
}

/** Builds a priority → objective → action chain and returns the ids. */
export function chain(plan: Plan): { p: string; o: string; a: string } {
  const p = plan.create('priority', { title: 'Priority' });
  const o = plan.create('objective', { text: 'Objective' }, { parentId: p });
  const a = plan.create('action', { text: 'Action' }, { parentId: o });
  return { p, o, a };
}
