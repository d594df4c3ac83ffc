import { PLAN_STATUSES, type PlanInput, type PlanStatus } from '@coplan/core';
import { parseUkDate } from '@coplan/core/formats';
import type { ImportColumn, ImportPreview } from './import-preview.js';
import type { NotImported, PlanBuilder } from './plan-builder.js';
import type { ParsedSource } from './source.js';
import { isFurniture } from './clean-text.js';
import { namedPartnerships } from './partnership-names.js';
import { readPlanSections, readReviewSchedule, splitVersionLabel } from './plan-sections.js';
import { findUnplacedText } from './unplaced-text.js';

/** A plan period read from its title: "2015/16", "2018-21", "April 2020 to March 2021". */
export function periodFromTitle(title: string): PlanInput['period'] {
  const m = /\b(20\d\d)\s*(?:[/\-–]|to)\s*(?:[a-z]+\s+)?(20\d\d|\d\d)\b/i.exec(title);
  if (!m) return null;
  const start = Number(m[1]);
  let end = m[2]!.length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) : Number(m[2]);
  if (end <= start) end = start + 1;
  return { start: `${start}-04-01`, end: `${end}-03-31` };
}

/** Assembles the preview from what the builder holds. */
export function finish(parsed: ParsedSource, builder: PlanBuilder, title: string, preamble: string[], columns: ImportColumn[], notImported: NotImported[], warnings: string[]): ImportPreview {
  // The first line is not always the title ("Notes: Please read!"): a line naming the plan wins, then a short heading-like one.
  const lines = [title, ...preamble].filter(Boolean);
  const pick = lines.findIndex((l) => /\bplan\b/i.test(l) && titleLike(l, 20));
  const chosen = pick >= 0 ? pick : lines.findIndex(titleLike);
  if (chosen >= 0) {
    title = lines[chosen]!;
    preamble = lines.filter((_, i) => i !== chosen);
  } else {
    title = '';
    preamble = lines;
  }
  const fromName = /^pasted\b/i.test(parsed.name) ? '' : parsed.name.replace(/\.[a-z0-9]+$/i, '');
  const versioned = splitVersionLabel(title || fromName || 'Imported plan');
  const planTitle = versioned.title;
  builder.priorities.forEach((p, i) => {
    if (!p.title) p.title = `Priority ${i + 1}`;
  });
  const priorities = builder.priorities.filter((p) => (p.objectives?.length ?? 0) > 0 || p.aim || p.successStatements?.length);
  const plan: PlanInput = { title: planTitle, period: periodFromTitle(planTitle), priorities, leads: builder.leads() };
  if (builder.objectivesMadeUp > 0)
    warnings.push(
      `${builder.objectivesMadeUp === 1 ? 'One priority' : `${builder.objectivesMadeUp} priorities`} had actions with no objective above them; each such priority's actions sit under one objective named after it. Map a column to "Objective" above, or rename the objective after importing.`,
    );
  const front = readFrontMatter(preamble);
  if (front.period) plan.period = front.period;
  const versionLabel = front.versionLabel ?? versioned.versionLabel ?? runningVersion(parsed);
  if (versionLabel) plan.versionLabel = versionLabel;
  if (front.status) plan.status = front.status;
  const partnerships = [...front.partnerships];
  // Named in full with its short name ("The Lincolnshire Safeguarding Children Partnership (LSCP)"): both are kept.
  for (const named of namedPartnerships([title, ...preamble])) {
    const same = partnerships.find((p) => p.shortName === named.shortName || p.name === named.shortName);
    if (same) Object.assign(same, named);
    else if (!partnerships.some((p) => p.name === named.name)) partnerships.push(named);
  }
  for (const name of builder.partnershipNames) {
    const key = name.toLowerCase();
    if (!partnerships.some((p) => p.name.toLowerCase() === key || p.shortName?.toLowerCase() === key)) partnerships.push({ name, shortName: name });
  }
  // A short name from cells ("LRSCP: …") gains its full name where the text gives it.
  for (const p of partnerships) {
    if (p.name !== p.shortName) continue;
    const named = namedPartnerships(preamble).find((n) => n.shortName === p.shortName);
    if (named) p.name = named.name;
  }
  if (partnerships.length) plan.partnerships = partnerships;
  const sections = readPlanSections(front.rest);
  if (sections.vision) plan.vision = sections.vision;
  if (sections.principles) plan.principles = sections.principles;
  if (sections.statutoryObjectives) plan.statutoryObjectives = sections.statutoryObjectives;
  if (sections.contextStatements) plan.contextStatements = sections.contextStatements;
  if (sections.introduction.length) plan.introduction = sections.introduction.join('\n');
  // When the plan is reviewed, where its opening text says: the sentence is also kept where it was written.
  const review = readReviewSchedule([...sections.introduction, ...(sections.contextStatements ?? []).map((c) => c.text), sections.vision ?? '']);
  if (review) plan.reviewSchedule = review;
  for (const p of builder.priorities)
    if (!priorities.includes(p)) {
      notImported.push({ where: `priority heading`, text: p.title, reason: 'A priority heading with no objectives or actions under it.' });
    }
  // "Not imported (0)" must mean nothing was lost: text no field took is listed too.
  notImported.push(...findUnplacedText(parsed, plan, notImported, columns));
  const actions = priorities.flatMap((p) => (p.objectives ?? []).flatMap((o) => o.actions ?? []));
  return {
    source: { name: parsed.name, format: parsed.format },
    plan,
    columns,
    notImported,
    warnings,
    counts: {
      priorities: priorities.length,
      objectives: priorities.reduce((n, p) => n + (p.objectives?.length ?? 0), 0),
      actions: actions.length,
      withLeads: actions.filter((a) => a.leads?.length).length,
      withTimescales: actions.filter((a) => a.timescale).length,
    },
  };
}

/**
 * The version a document's running file name carries on every page
 * ("LSCP_Business Plan_2018.21_V1.1"), when every such line says the same.
 */
function runningVersion(parsed: ParsedSource): string | undefined {
  const labels = new Set<string>();
  for (const b of parsed.blocks) {
    if (b.kind !== 'text') continue;
    const line = b.text.trim();
    const m = /_(v\d+(?:\.\d+)*)$/i.exec(line);
    if (m && isFurniture(line)) labels.add(m[1]!);
  }
  return labels.size === 1 ? [...labels][0] : undefined;
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).length;
}

/** A line that could be a document's title: short, not a note, a number or a question. */
function titleLike(line: string, maxWords = 15): boolean {
  return wordCount(line) <= maxWords && !/[!?:;,]$/.test(line.trim()) && !/^(?:notes?|please|page|contents|\d)/i.test(line.trim());
}

/** A plan status written as a word ("agreed") or as Coplan publishes it ("Out for consultation"). */
function statusFromWords(text: string): PlanStatus | null {
  const t = text.trim().toLowerCase();
  if ((PLAN_STATUSES as readonly string[]).includes(t)) return t as PlanStatus;
  if (/consultation/.test(t)) return 'consultation';
  return null;
}

/**
 * The labelled lines at the top of a plan ("Partnership: …", "Period: …",
 * "Version: …", as Coplan publishes them and many plans write them) read into
 * the plan's fields; every other line stays, as the introduction.
 */
export function readFrontMatter(lines: string[]): { partnerships: { name: string; shortName?: string }[]; period?: PlanInput['period']; versionLabel?: string; status?: PlanStatus; rest: string[] } {
  const out: ReturnType<typeof readFrontMatter> = { partnerships: [], rest: [] };
  for (const raw of lines) {
    const line = raw.replace(/\*\*/g, '').trim();
    const m = /^(Partnerships?|Period|Version|Status):\s*(.+)$/i.exec(line);
    const label = m?.[1]?.toLowerCase();
    if (m && label!.startsWith('partnership') && out.partnerships.length === 0) {
      for (const part of m[2]!.split(/;\s*/)) {
        const named = /^(.*?)\s*\(([^()]+)\)$/.exec(part.trim());
        if (named) out.partnerships.push({ name: named[1]!, shortName: named[2]! });
        else if (part.trim()) out.partnerships.push({ name: part.trim() });
      }
      continue;
    }
    // "1 April 2025 to 31 March 2026", as Coplan publishes it, or in ISO days as older files did.
    const ends = m && label === 'period' ? /^(.+?) to (.+)$/.exec(m[2]!.trim()) : null;
    const period = ends ? { start: parseUkDate(ends[1]!), end: parseUkDate(ends[2]!) } : null;
    if (period?.start && period.end && !out.period) {
      out.period = { start: period.start, end: period.end };
      continue;
    }
    const status = m && label === 'status' ? statusFromWords(m[2]!) : null;
    if (status && out.status === undefined) {
      out.status = status;
      continue;
    }
    if (m && label === 'version' && out.versionLabel === undefined) {
      for (const part of m[2]!.split(' · ').map((x) => x.trim())) {
        const said = statusFromWords(part);
        if (said) out.status ??= said;
        else if (part) out.versionLabel = part;
      }
      continue;
    }
    out.rest.push(raw);
  }
  return out;
}
