import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPlan, type ActionInput, type PlanInput } from '@coplan/core';
import { previewImport } from '../src/index.js';
import { seedPlans } from '@coplan/seeds';
import { readSeedText, type SeedName } from '@coplan/seeds/texts';

const seedText = (seed: SeedName) => readSeedText(seed);
const actionsOf = (p: PlanInput): ActionInput[] => (p.priorities ?? []).flatMap((x) => (x.objectives ?? []).flatMap((o) => o.actions ?? []));
const words = (s: string) => new Set(s.toLowerCase().match(/[a-z]{4,}/g) ?? []);

/**
 * Each seed's text pasted as it stands. The hand transcription in the
 * fixtures is the answer; extraction lost some structure (PDF column dumps
 * in 000 and 003), so the bars below are what the importer reaches, pinned
 * so a regression shows.
 */
const BARS: Record<string, { priorities: number; actionShare: number; leadShare: number; timescaleShare: number }> = {
  '000_b1e6cc473b1acf17': { priorities: 5, actionShare: 0.95, leadShare: 0.9, timescaleShare: 0 },
  '002_70289ed330aeee55': { priorities: 4, actionShare: 0.95, leadShare: 0.95, timescaleShare: 0.95 },
  '003_cbbf7fa25313b429': { priorities: 6, actionShare: 0.95, leadShare: 0.95, timescaleShare: 0.9 },
  '004_5187200b7a039977': { priorities: 5, actionShare: 0.9, leadShare: 0.8, timescaleShare: 0.9 },
};

describe('pasting a seed plan as it stands', () => {
  it('takes the line that names the plan as its title, not a note above it', async () => {
    const title = async (seed: SeedName) => (await previewImport({ name: 'pasted text', data: seedText(seed) })).plan.title;
    expect(await title('002_70289ed330aeee55')).toBe('LSCB Business Plan 2015/16');
    expect(await title('000_b1e6cc473b1acf17')).toBe('Business Plan 2018-2021');
    // Leicestershire's draft opens with "Notes: Please read!" and never names itself: the person is asked for a title.
    const leics = await previewImport({ name: 'pasted text', data: seedText('003_cbbf7fa25313b429') });
    expect(leics.plan.title).toBe('Imported plan');
    expect(leics.plan.introduction).toMatch(/^Notes: Please read!/);
    // Read from a PDF's column dump: the preview says how far to trust it.
    expect(leics.warnings.join(' ')).toMatch(/copied out of a PDF.*Check each action's leads and timescale/);
  });

  it('reads the plan-level facts the seeds state: version, partnerships in full, and when the plan is reviewed', async () => {
    const lincs = (await previewImport({ name: 'pasted text', data: seedText('000_b1e6cc473b1acf17') })).plan;
    // The version is on every page's running file name ("LSCP_Business Plan_2018.21_V1.1").
    expect(lincs.versionLabel).toBe('V1.1');
    expect(lincs.partnerships).toEqual([{ name: 'Lincolnshire Safeguarding Children Partnership', shortName: 'LSCP' }]);
    expect(lincs.reviewSchedule).toBe('This will be reviewed and updated following the implementation of the new multi-agency safeguarding arrangements in 2019-20.');
    const llr = (await previewImport({ name: 'pasted text', data: seedText('004_5187200b7a039977') })).plan;
    expect(llr.versionLabel).toBe('v1.2');
    expect(llr.reviewSchedule).toBe('As this is a changing situation this plan will be regularly reviewed to respond to this.');
    // LLR's text never writes its partnerships' full names: they come in by their short names, to be completed by hand.
    expect(llr.partnerships).toEqual([
      { name: 'LRSCP', shortName: 'LRSCP' },
      { name: 'LSCPB', shortName: 'LSCPB' },
    ]);
  });

  for (const { seed, input } of seedPlans) {
    it(`imports ${seed} with its priorities, objectives, actions, leads and timescales`, async () => {
      const bar = BARS[seed]!;
      const preview = await previewImport({ name: 'pasted text', data: seedText(seed) });
      const got = preview.plan;
      expect(got.priorities!.length).toBeGreaterThanOrEqual(bar.priorities);
      expect(got.priorities!.length).toBeLessThanOrEqual(input.priorities!.length);
      // Priorities found carry the fixture's titles (the first words at least).
      for (const p of got.priorities!.slice(0, bar.priorities)) {
        const match = input.priorities!.some((f) => f.title.toLowerCase().startsWith(p.title.toLowerCase().slice(0, 12)));
        expect(match, `priority "${p.title}" is one of the plan's`).toBe(true);
      }
      expect(preview.counts.objectives).toBeGreaterThan(0);
      const want = actionsOf(input);
      const acts = actionsOf(got);
      // Every word of the fixture's actions is somewhere in the imported actions or objectives.
      const imported = new Set([...acts.map((a) => a.text), ...got.priorities!.flatMap((p) => (p.objectives ?? []).map((o) => o.text))].flatMap((t) => [...words(t)]));
      const wanted = [...new Set(want.flatMap((a) => [...words(a.text)]))];
      expect(wanted.filter((w) => imported.has(w)).length / wanted.length).toBeGreaterThanOrEqual(bar.actionShare);
      // A lead or timescale in one partnership's part of an action (plans serving two partnerships) counts all the same.
      const withLeads = acts.filter((a) => a.leads?.length || a.variants?.some((v) => v.leads?.length)).length / acts.length;
      expect(withLeads).toBeGreaterThanOrEqual(bar.leadShare);
      const withTime = acts.filter((a) => a.timescale || a.variants?.some((v) => v.timescale)).length / acts.length;
      expect(withTime).toBeGreaterThanOrEqual(bar.timescaleShare);
      // Page furniture is gone.
      expect(JSON.stringify(got)).not.toMatch(/Page \d+ of \d+|LSCP_Business Plan/);
      // And what it found makes a plan.
      const plan = createPlan(new Y.Doc(), got);
      expect(plan.snapshot().priorities.length).toBe(got.priorities!.length);
    });
  }

  // How many of the fixture's actions come back word for word, with the same leads and timescale, and
  // how many of its priorities with the same title and owner. Measured 2026-12-01 (before: 000 27/15/27,
  // 002 49/49/49, 003 40/28/29 then 41/30/30, 004 16/11/12; 000 then 28/16/28 with 3 priorities); pinned exactly, so a regression, or a gain, shows.
  // 003's one miss: its key gives "Audit to test outcomes …" the last lead and date of a page that lists one
  // of each beside three items; the text does not say which of them sit in the column beside the lead.
  // 004's last action cannot come back: the key's text ends "… mitigate future risk" and "risk" is not in
  // the text. 000 and 003 are PDF column dumps whose cells arrive out of order and cut at cell edges
  // (docs/benchmarks.md, "Import accuracy"; a Word table of each comes back whole).
  const EXACT: Record<string, { text: number; leads: number; timescale: number; priorities: number }> = {
    '000_b1e6cc473b1acf17': { text: 29, leads: 16, timescale: 29, priorities: 4 },
    '002_70289ed330aeee55': { text: 49, leads: 49, timescale: 49, priorities: 4 },
    '003_cbbf7fa25313b429': { text: 46, leads: 45, timescale: 45, priorities: 6 },
    '004_5187200b7a039977': { text: 22, leads: 22, timescale: 22, priorities: 5 },
  };
  for (const { seed, input } of seedPlans) {
    it(`brings back ${seed}'s actions and priorities as transcribed by hand`, async () => {
      const norm = (s: string) =>
        s
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, ' ')
          .trim();
      const plan = (await previewImport({ name: 'pasted text', data: seedText(seed) })).plan;
      const got = new Map(actionsOf(plan).map((a) => [norm(a.text), a]));
      let text = 0,
        leads = 0,
        timescale = 0;
      for (const a of actionsOf(input)) {
        const g = got.get(norm(a.text));
        if (!g) continue;
        text++;
        if (norm((g.leads ?? []).join(' ')) === norm((a.leads ?? []).join(' '))) leads++;
        if ((g.timescale ?? '') === (a.timescale ?? '')) timescale++;
      }
      const priorities = input.priorities!.filter((f) => plan.priorities!.some((p) => p.title === f.title && p.owner === f.owner)).length;
      expect({ text, leads, timescale, priorities }).toEqual(EXACT[seed]);
    });
  }

  it('says plainly when a document holds no plan table (seed 001 is a partnership arrangements document)', async () => {
    const preview = await previewImport({ name: 'pasted text', data: seedText('001_24b62c69f27e8151') });
    expect(preview.counts.actions).toBe(0);
    expect(preview.warnings.join(' ')).toMatch(/No priority headings or table headings were found/);
  });

  it('reads the leads and timescales of Lancashire 2015/16 row by row, as the plan has them', async () => {
    const preview = await previewImport({ name: 'pasted text', data: seedText('002_70289ed330aeee55') });
    const p1 = preview.plan.priorities![0]!;
    expect(p1.title).toMatch(/^Improve the effectiveness of agencies and the community in preventing child sexual exploitation/);
    expect(p1.objectives![0]).toMatchObject({
      text: 'Ensure there is an effective, multi-agency strategy in place to tackle CSE',
      actions: [{ text: 'Refresh Pan-Lancs CSE strategy and re-launch', leads: ['LSCB team'], timescale: 'By 31/03/16' }],
    });
    // "<p>MFH Group</p> <p>QA Sub</p>" beside two tasks: one lead each, the stray HTML gone.
    const p2o4 = preview.plan.priorities![1]!.objectives![3]!;
    expect(p2o4.actions!.length).toBe(4);
    expect(p2o4.actions!.flatMap((a) => a.leads)).toEqual(expect.arrayContaining(['MFH Group', 'QA Sub']));
    expect(JSON.stringify(preview.plan)).not.toMatch(/<\/?p>|<i>/);
    // Priority 3's focus areas, listed under its heading.
    expect(preview.plan.priorities![2]!.focusAreas).toEqual(expect.arrayContaining(['Children whose parents are in prison']));
    expect(preview.columns.map((c) => [c.field, c.confidence])).toEqual([
      ['objective', 1],
      ['action', 1],
      ['lead', 1],
      ['timescale', 1],
    ]);
    expect(preview.notImported).toEqual([]);
  });

  it('says how far to trust each reading: no column of a PDF dump is "sure", guesses are warned of, dropped words listed', async () => {
    const leics = await previewImport({ name: 'pasted text', data: seedText('003_cbbf7fa25313b429') });
    expect(leics.columns.length).toBeGreaterThan(3);
    expect(leics.columns.filter((c) => c.confidence >= 0.9)).toEqual([]);
    // Its rows' leads and dates paired with their last items, and a line split across two cut cells: both warned of.
    expect(leics.warnings.join(' ')).toMatch(/paired, in order, with the row's last items/);
    expect(leics.warnings.join(' ')).toMatch(/ran the ends of two cells together/);
    // The progress cell ("Current draft completed 10/12/15") is a dated update, not rated: grey, not a guessed green.
    const neglect = leics.plan.priorities![5]!;
    expect(neglect.objectives![0]!.actions![0]!.updates).toEqual([expect.objectContaining({ date: '2015-12-10', rag: 'grey', narrative: 'Current draft completed 10/12/15' })]);
    expect(neglect.aim).toMatch(/^\(Identifying neglect earlier/);
    const llr = await previewImport({ name: 'pasted text', data: seedText('004_5187200b7a039977') });
    expect(llr.warnings.join(' ')).toMatch(/in the order the plan names them \(LRSCP, LSCPB\)/);
    expect(llr.warnings.join(' ')).toMatch(/shared out among its row's tasks/);
    // A lead cell's cut sentence ("… and LSCP to monitor") is listed: "monitor" is in no field.
    const lincs = await previewImport({ name: 'pasted text', data: seedText('000_b1e6cc473b1acf17') });
    expect(lincs.notImported.map((n) => [n.where, n.text])).toEqual([['the text', 'and LSCP to monitor']]);
  });

  it('lists what it could not place, with where it was and why', async () => {
    const preview = await previewImport({ name: 'pasted text', data: seedText('004_5187200b7a039977') });
    expect(preview.notImported.length).toBeGreaterThan(0);
    for (const n of preview.notImported) {
      expect(n.where).toMatch(/table \d+|text after table/);
      expect(n.reason.length).toBeGreaterThan(10);
    }
    expect(preview.notImported.map((n) => n.text)).toContain('This page is intentionally left blank');
  });
});
