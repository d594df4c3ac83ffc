import { describe, expect, it } from 'vitest';
import { openPlan, PlanError, statusAfterProgress } from '../src/index.js';
import { chain, newPlan, replicaOf } from './helpers.js';

describe('a progress update that sets the action status', () => {
  it('offers the status a RAG implies, keeping on-hold and cancelled for a person to change', () => {
    expect(statusAfterProgress('green', 'not-started')).toBe('in-progress');
    expect(statusAfterProgress('amber', 'complete')).toBe('in-progress');
    expect(statusAfterProgress('blue', 'in-progress')).toBe('complete');
    expect(statusAfterProgress('grey', 'not-started')).toBe('not-started');
    expect(statusAfterProgress('red', 'on-hold')).toBe('on-hold');
    expect(statusAfterProgress('green', 'cancelled')).toBe('cancelled');
  });

  it('adds the update and sets the status in one transaction, undone in one step', () => {
    const plan = newPlan();
    const { a } = chain(plan);
    let transactions = 0;
    plan.doc.on('afterTransaction', () => transactions++);
    const id = plan.recordProgress(a, { date: '2026-06-30', author: 'Sam', rag: 'green', narrative: 'Training under way' }, 'in-progress');
    expect(transactions).toBe(1);
    const action = plan.snapshot().priorities[0]!.objectives[0]!.actions[0]!;
    expect(action.status).toBe('in-progress');
    expect(action.rag).toBe('green');
    expect(action.updates.map((u) => u.id)).toEqual([id]);
    // A partner receives both together.
    const other = openPlan(replicaOf(plan.doc)).snapshot().priorities[0]!.objectives[0]!.actions[0]!;
    expect([other.status, other.rag]).toEqual(['in-progress', 'green']);
    expect(plan.undo()).toBe(true);
    const undone = plan.snapshot().priorities[0]!.objectives[0]!.actions[0]!;
    expect([undone.status, undone.rag, undone.updates.length]).toEqual(['not-started', null, 0]);
  });

  it('leaves the status alone when none is given, and refuses a bad status with nothing written', () => {
    const plan = newPlan();
    const { a } = chain(plan);
    plan.recordProgress(a, { date: '2026-06-30', author: 'Sam', rag: 'amber', narrative: 'Slipping' });
    expect(plan.get('action', a)!.status).toBe('not-started');
    expect(() => plan.recordProgress(a, { date: '2026-07-01', author: 'Sam', rag: 'blue', narrative: 'Done' }, 'finished' as never)).toThrow(PlanError);
    expect(plan.snapshot().priorities[0]!.objectives[0]!.actions[0]!.updates).toHaveLength(1);
  });
});
