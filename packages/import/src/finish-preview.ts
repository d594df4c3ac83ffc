import { PLAN_STATUSES, type PlanInput, type PlanStatus } from '@coplan/core';
import type { ImportColumn, ImportPreview } from './import-preview.js';
import type { NotImported, PlanBuilder } from './plan-builder.js';
import type { ParsedSource } from './source.js';
import { readPlanSections, splitVersionLabel } from './plan-sections.js';
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
  if (front.versionLabel ?? versioned.versionLabel) plan.versionLabel = front.versionLabel ?? versioned.versionLabel;
  if (front.status) plan.status = front.status;
  const partnerships = [...front.partnerships];
  for (const name of builder.partnershipNames) {
    const key = name.toLowerCase();
    if (!partnerships.some((p) => p.name.toLowerCase() === key || p.shortName?.toLowerCase() === key)) partnerships.push({ name, shortName: name });
  }
  if (partnerships.length) plan.partnerships = partnerships;
  const sections = readPlanSections(front.rest);
  if (sections.vision) plan.vision = sections.vision;
  if (sections.principles) plan.principles = sections.principles;
  if (sections.statutoryObjectives) plan.statutoryObjectives = sections.statutoryObjectives;
  if (sections.contextStatements) plan.contextStatements = sections.contextStatements;
  if (sections.introduction.length) plan.introduction = sections.introduction.join('\n');
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
    const period = m && label === 'period' ? /^(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$/.exec(m[2]!.trim()) : null;
    if (period && !out.period) {
      out.period = { start: period[1]!, end: period[2]! };
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
