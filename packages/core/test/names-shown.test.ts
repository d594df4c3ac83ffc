import { describe, expect, it } from 'vitest';
import { namesShownIn, type PlanChange } from '../src/index.js';
import { newPlan } from './helpers.js';

describe('the names an action shows', () => {
  it('are its registry leads and each partnership part with that part’s leads, once each; a rename of one reaches a watcher of it', () => {
    const plan = newPlan({ title: 'Plan', partnerships: [{ name: 'Leicester', shortName: 'LSCPB' }] });
    const p = plan.create('priority', { title: 'Neglect' });
    const o = plan.create('objective', { text: 'Name neglect' }, { parentId: p });
    const a = plan.create('action', { text: 'Audit' }, { parentId: o });
    const other = plan.create('action', { text: 'Train' }, { parentId: o });
    const qa = plan.create('lead', { name: 'QA Sub', kind: 'group', chair: '' });
    const office = plan.create('lead', { name: 'Business Office', kind: 'organisation', chair: '' });
    const partnershipId = plan.snapshot().partnerships[0]!.id;
    plan.update('action', a, { leads: [{ leadId: qa }, { name: 'CPBs' }] });
    plan.create('variant', { partnershipId, text: 'Leicester does it this way', leads: [{ leadId: office }, { leadId: qa }] }, { parentId: a });
    expect(namesShownIn(plan.readAction(a)!)).toEqual([
      { kind: 'lead', id: qa },
      { kind: 'partnership', id: partnershipId },
      { kind: 'lead', id: office },
    ]);
    expect(namesShownIn(plan.readAction(other)!)).toEqual([]);

    // A lead merged into another: the action shows the one kept, and follows it.
    plan.mergeLeads(office, qa);
    expect(namesShownIn(plan.readAction(a)!)).toEqual([
      { kind: 'lead', id: qa },
      { kind: 'partnership', id: partnershipId },
    ]);
    const seen: PlanChange[] = [];
    for (const { kind, id } of namesShownIn(plan.readAction(a)!)) plan.onEntityChange(kind, id, (c) => seen.push(c));
    plan.update('lead', qa, { name: 'Quality Assurance Sub-group' });
    expect(seen).toHaveLength(1);
    expect(plan.readAction(a)!.leads.map((l) => l.name)).toEqual(['Quality Assurance Sub-group', 'CPBs']);
  });
});
