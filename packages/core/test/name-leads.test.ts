import { describe, expect, it } from 'vitest';
import { PlanError } from '../src/index.js';
import { newPlan } from './helpers.js';

function planWithAction() {
  const plan = newPlan({
    title: 'Plan',
    leads: [
      { name: 'CSE Sub', kind: 'group' },
      { name: 'Police', kind: 'organisation' },
    ],
    priorities: [{ title: 'Exploitation', objectives: [{ text: 'Understand it', actions: [{ text: 'Map the local picture', leads: ['CSE Sub'] }] }] }],
  });
  const id = plan.snapshot().priorities[0]!.objectives[0]!.actions[0]!.id;
  return { plan, id };
}

describe('naming an action’s leads as typed', () => {
  it('matches names to the registry ignoring case and spaces, and counts a repeated name once', () => {
    const { plan, id } = planWithAction();
    const before = plan.snapshot().leads.length;
    plan.nameLeads(id, [' police ', 'cse sub', 'Police', '']);
    const snapshot = plan.snapshot();
    expect(snapshot.leads.length).toBe(before);
    const action = plan.readAction(id)!;
    expect(action.leads.map((l) => l.name)).toEqual(['Police', 'CSE Sub']);
    expect(action.leads.every((l) => snapshot.leads.some((r) => r.id === l.leadId))).toBe(true);
  });

  it('adds a name not in the registry to it, and one undo takes back both', () => {
    const { plan, id } = planWithAction();
    plan.nameLeads(id, ['CSE Sub', 'Health Sub-group']);
    const added = plan.snapshot().leads.find((l) => l.name === 'Health Sub-group');
    expect(added).toBeDefined();
    expect(plan.readAction(id)!.leads.map((l) => l.leadId)).toContain(added!.id);
    plan.undo();
    expect(plan.snapshot().leads.some((l) => l.name === 'Health Sub-group')).toBe(false);
    expect(plan.readAction(id)!.leads.map((l) => l.name)).toEqual(['CSE Sub']);
  });

  it('refuses an action that is not there, saying so', () => {
    const { plan } = planWithAction();
    expect(() => plan.nameLeads('nope', ['Police'])).toThrow(PlanError);
  });
});
