import { describe, expect, it } from 'vitest';
import { Governance } from '../../src/governance.js';
import { newPlan, smallPlanInput, steppingClock } from '../helpers.js';

describe('a seat in the bin', () => {
  it('is named by its agency and role (a role is often empty), also once its agency is in the bin too', () => {
    const plan = newPlan(smallPlanInput('Testshire'), { user: 'Sam', now: steppingClock() });
    const gov = new Governance(plan);
    const ids = gov.load({
      partnership: 'Testshire',
      agencies: [
        { id: 'la', name: 'Testshire Council', statutoryPartner: true },
        { id: 'police', name: 'Testshire Police', statutoryPartner: true },
        { id: 'fire', name: 'Fire and Rescue' },
      ],
      groups: [
        {
          id: 'smg',
          name: 'Strategic Management Group',
          kind: 'strategic',
          chair: 'Independent Chair',
          meets: 'quarterly',
          seats: [
            { id: 's1', agencyId: 'la', role: "Children's Services" },
            { id: 's2', agencyId: 'police' },
            { id: 's3', agencyId: 'fire' },
          ],
          quorum: { kind: 'agencies', required: ['la', 'police'], others: 0 },
          attendanceThreshold: 0.75,
          decisions: { otherwise: 'chair-decides', consensusOnly: [] },
        },
      ],
    });
    for (const s of plan.children('seat', ids.get('smg')!)) plan.delete('seat', s.id);
    plan.delete('agency', ids.get('fire')!);
    const seats = plan.snapshot().bin.filter((b) => b.kind === 'seat');
    expect(seats.map((b) => b.label).sort()).toEqual(['Fire and Rescue', "Testshire Council, Children's Services", 'Testshire Police']);
  });
});
