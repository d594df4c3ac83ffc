import type { PlanInput } from '../dist/index.js';

/** A plan of the given shape, with leads, timescales as partnerships write them, and progress updates. */
export function generatePlan(priorities: number, objectives: number, actions: number, updates: number): PlanInput {
  return {
    title: 'Generated business plan',
    period: { start: '2025-04-01', end: '2026-03-31' },
    leads: Array.from({ length: 20 }, (_, i) => ({ name: `Sub-group ${i}`, kind: 'group' as const })),
    priorities: Array.from({ length: priorities }, (_, p) => ({
      title: `Priority ${p}: improve the effectiveness of agencies in safeguarding children`,
      aim: 'Partners work together to identify risk early.',
      successStatements: ['Children report feeling safer', 'Referrals come from a wider range of agencies'],
      objectives: Array.from({ length: objectives }, (_, o) => ({
        text: `Objective ${p}.${o}: ensure there is an effective multi-agency strategy in place`,
        actions: Array.from({ length: actions }, (_, a) => ({
          text: `Action ${p}.${o}.${a}: audit to be undertaken as part of QA activity and reported to the Board`,
          leads: [`Sub-group ${(p + o + a) % 20}`, 'Business Manager'],
          timescale: ['By 31/03/26', 'September 2025', 'Spring 2026', 'Ongoing throughout the reporting year'][a % 4]!,
          updates: Array.from({ length: updates }, (_, u) => ({
            date: `2025-0${5 + u}-15`,
            author: 'Business Manager',
            rag: (['green', 'amber', 'red'] as const)[(a + u) % 3]!,
            narrative: `Update ${u}: the sub-group met and reviewed progress; the audit sample has been agreed.`,
          })),
        })),
      })),
    })),
  };
}
