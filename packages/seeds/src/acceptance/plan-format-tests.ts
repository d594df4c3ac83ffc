/**
 * The acceptance suite every plan format runs, after automerge-repo's
 * `runStorageAdapterTests`: a format's writer and reader, handed in by the
 * package that tests them, must carry each seed plan out and back in, and its
 * reader must refuse bad input without changing the plan it was meant for.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPlan, importIntoPlan, listActions, PlanError, type PlanInput, type PlanSnapshot } from '@coplan/core';
import { seedPlans } from '../index.js';

/** A format under test: a `PlanWriter`'s write, and the importer's read of what it wrote. */
export interface PlanFormatUnderTest {
  /** Writes a plan in the format. */
  write(snapshot: PlanSnapshot): Promise<Uint8Array | string>;
  /** Reads the format back into a plan; throws a `PlanError` when it cannot. */
  read(data: Uint8Array | string): Promise<PlanInput>;
  /** Input the reader must refuse, named by what is wrong with it; `written` is a seed plan in the format, to damage. */
  badInputs(written: Uint8Array | string): Record<string, Uint8Array | string>;
}

const squash = (t: string | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();

/** Each action as priority / objective / action / leads / timescale, as the plan has it. */
function rowsOf(s: PlanSnapshot): string[][] {
  return listActions(s).map(({ priority, objective, action }) => [priority.title, objective.text, action.text, action.leads.map((l) => l.name).join('; '), action.timescale.text].map(squash));
}

/** The same rows, as a reader gives them back. */
function rowsOfInput(plan: PlanInput): string[][] {
  return (plan.priorities ?? []).flatMap((p) =>
    (p.objectives ?? []).flatMap((o) => (o.actions ?? []).map((a) => [p.title, o.text, a.text, (a.leads ?? []).join('; '), a.timescale ?? ''].map(squash))),
  );
}

/** Registers the suite for one format; call it at the top level of a test file. */
export function runPlanFormatTests(title: string, format: PlanFormatUnderTest): void {
  describe(`plan format acceptance tests (${title})`, () => {
    for (const { seed, input } of seedPlans) {
      it(`${seed} goes out and comes back in: the same priorities, objectives, actions, leads and timescales`, async () => {
        const snapshot = createPlan(new Y.Doc(), input).snapshot();
        const back = await format.read(await format.write(snapshot));
        expect((back.priorities ?? []).map((p) => p.title)).toEqual(snapshot.priorities.map((p) => p.title));
        expect(rowsOfInput(back)).toEqual(rowsOf(snapshot));
      });
    }

    it('refuses bad input with a PlanError, and the plan it was meant for is unchanged', async () => {
      const target = createPlan(new Y.Doc(), seedPlans[1]!.input);
      const written = await format.write(createPlan(new Y.Doc(), seedPlans[0]!.input).snapshot());
      const bad = Object.entries(format.badInputs(written));
      expect(bad.length).toBeGreaterThan(0);
      const before = Y.encodeStateVector(target.doc);
      for (const [what, data] of bad) {
        const attempt = (async () => importIntoPlan(target, await format.read(data), 'add'))();
        await expect(attempt, what).rejects.toBeInstanceOf(PlanError);
        expect(Y.encodeStateVector(target.doc), what).toEqual(before);
      }
    });
  });
}
