import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPlan, listActions } from '@coplan/core';
import { seedPlans } from '@coplan/seeds';
import { registerToCsv } from '../src/index.js';

describe('the register as CSV', () => {
  it('has one row per action, quoted where it must be', () => {
    const s = createPlan(new Y.Doc(), seedPlans[1]!.input).snapshot();
    const lines = registerToCsv(s).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + listActions(s).length);
    expect(lines[0]).toBe('Ref,Priority,Objective,Action,Leads,Timescale,Due,Status,RAG,Latest progress,Progress date');
    expect(lines[1]).toBe(
      '1.1.1,Improve the effectiveness of agencies and the community in preventing child sexual exploitation (CSE),"Ensure there is an effective, multi-agency strategy in place to tackle CSE",Refresh Pan-Lancs CSE strategy and re-launch,LSCB team,By 31/03/16,2016-03-31,not-started,,,',
    );
  });
});
