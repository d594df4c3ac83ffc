import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { actionsByLead, openPlan, PlanError, similarLeads } from '../src/index.js';
import { chain, newPlan, replicaOf, syncAll } from './helpers.js';

const leadNames = (plan: ReturnType<typeof newPlan>) =>
  plan
    .snapshot()
    .priorities.flatMap((p) => p.objectives.flatMap((o) => o.actions))
    .map((a) => a.leads.map((l) => l.name));

describe('near-duplicate leads', () => {
  it('finds the same body written differently, and leaves different bodies apart', () => {
    const plan = newPlan();
    for (const name of ['Police', 'QA Sub-group', 'Lincs Police', 'L&D Sub-group', 'Lincolnshire Police ', 'NHS Lincolnshire ICB', 'qa sub group']) plan.create('lead', { name, kind: 'organisation' });
    const groups = similarLeads(plan.snapshot().leads).map((g) => g.map((l) => l.name));
    expect(groups).toEqual([
      ['Police', 'Lincs Police', 'Lincolnshire Police '],
      ['QA Sub-group', 'qa sub group'],
    ]);
    // The demo plan's registry, as imported: "L and D sub" and "L&D Sub" are one group; different sub-groups stay apart.
    const demo = newPlan();
    for (const name of ['L and D sub', 'CSE Sub', 'MFH Group', 'L&D Sub', 'Audit Group', 'LADO', 'LADA (via SC)']) demo.create('lead', { name });
    expect(similarLeads(demo.snapshot().leads).map((g) => g.map((l) => l.name))).toEqual([['L and D sub', 'L&D Sub']]);
  });

  it('merges one lead into another in one transaction: every action names the survivor once', () => {
    const plan = newPlan();
    const { o, a } = chain(plan);
    const b = plan.create('action', { text: 'Second' }, { parentId: o });
    const police = plan.create('lead', { name: 'Police', kind: 'organisation' });
    const lincs = plan.create('lead', { name: 'Lincs Police', kind: 'organisation' });
    const qa = plan.create('lead', { name: 'QA Sub-group', kind: 'group' });
    plan.update('action', a, { leads: [{ leadId: lincs }, { leadId: qa }] });
    plan.update('action', b, { leads: [{ leadId: police }, { leadId: lincs }] });
    let transactions = 0;
    plan.doc.on('afterTransaction', () => transactions++);
    plan.mergeLeads(lincs, police);
    expect(transactions).toBe(1);
    expect(leadNames(plan)).toEqual([['Police', 'QA Sub-group'], ['Police']]);
    expect(plan.get('action', b)!.leads).toEqual([{ leadId: police }]);
    const s = plan.snapshot();
    expect(s.leads.map((l) => l.name)).toEqual(['Police', 'QA Sub-group']);
    expect(actionsByLead(s, police)).toHaveLength(2);
    expect(s.bin.map((e) => e.label)).toEqual(['Lincs Police']);
    plan.undo();
    expect(leadNames(plan)).toEqual([
      ['Lincs Police', 'QA Sub-group'],
      ['Police', 'Lincs Police'],
    ]);
  });

  it('refuses to merge a lead into itself or into one in the bin, writing nothing', () => {
    const plan = newPlan();
    const x = plan.create('lead', { name: 'Police' });
    const y = plan.create('lead', { name: 'Lincs Police' });
    plan.delete('lead', y);
    const before = Y.encodeStateVector(plan.doc);
    expect(() => plan.mergeLeads(x, x)).toThrow(/into itself/);
    expect(() => plan.mergeLeads(x, y)).toThrow(PlanError);
    expect(Y.encodeStateVector(plan.doc)).toEqual(before);
  });

  it('merges concurrently with a partner who names the merged lead and edits the action meanwhile', () => {
    const alice = newPlan();
    const { a } = chain(alice);
    const police = alice.create('lead', { name: 'Police' });
    const lincs = alice.create('lead', { name: 'Lincs Police' });
    alice.update('action', a, { leads: [{ leadId: lincs }] });
    const bob = openPlan(replicaOf(alice.doc), { user: 'Bob' });
    const b = bob.create('action', { text: 'Bob adds an action' }, { parentId: alice.get('action', a)!.parentId! });
    bob.update('action', b, { leads: [{ leadId: lincs }] });
    bob.update('action', a, { text: 'Action, reworded by Bob', leads: [{ leadId: lincs }, { name: 'Schools' }] });
    alice.mergeLeads(lincs, police);
    syncAll([alice.doc, bob.doc]);
    for (const plan of [alice, bob]) {
      expect(leadNames(plan)).toEqual([['Police', 'Schools'], ['Police']]);
      expect(plan.snapshot().priorities[0]!.objectives[0]!.actions[0]!.text).toBe('Action, reworded by Bob');
      expect(actionsByLead(plan.snapshot(), police)).toHaveLength(2);
    }
    expect(alice.snapshot()).toEqual(bob.snapshot());
  });

  it('removes a lead in use from every action, one undo bringing it back', () => {
    const plan = newPlan();
    const { p, a } = chain(plan);
    const qa = plan.create('lead', { name: 'QA Sub-group' });
    plan.update('action', a, { leads: [{ name: 'Schools' }, { leadId: qa }] });
    plan.update('priority', p, { leadGroup: { leadId: qa } });
    plan.removeLead(qa);
    expect(leadNames(plan)).toEqual([['Schools']]);
    expect(plan.snapshot().priorities[0]!.leadGroup).toBeNull();
    expect(plan.snapshot().leads).toEqual([]);
    plan.undo();
    expect(leadNames(plan)).toEqual([['Schools', 'QA Sub-group']]);
    expect(plan.snapshot().priorities[0]!.leadGroup?.name).toBe('QA Sub-group');
  });
});
