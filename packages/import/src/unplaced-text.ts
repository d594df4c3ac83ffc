import type { PlanInput } from '@coplan/core';
import { cleanCell, isFurniture } from './clean-text.js';
import { recogniseHeading } from './headings.js';
import type { ImportColumn } from './import-preview.js';
import type { NotImported } from './plan-builder.js';
import type { ParsedSource } from './source.js';
import { isSectionHeading } from './plan-sections.js';

const words = (text: string): string[] => text.toLowerCase().match(/[a-z]{4,}/g) ?? [];

/** Every string a plan holds, for the person to see and edit after importing. */
function planStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) planStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) planStrings(v, out);
  return out;
}

/**
 * The lines of the source with words that landed nowhere: in no field of
 * the plan and not already listed as not imported. Column headings and page
 * furniture are not content. A line counts as placed when every one of its
 * words (four letters or more) is somewhere in the plan, so that "Not
 * imported (0)" means nothing the person wrote was dropped.
 */
export function findUnplacedText(parsed: ParsedSource, plan: PlanInput, notImported: readonly NotImported[], columns: readonly ImportColumn[]): NotImported[] {
  const placed = new Set([...planStrings(plan), ...notImported.map((n) => n.text), ...columns.map((c) => c.heading)].flatMap(words));
  // "Group Chair Jo Bloggs": the word went into a field's name, the lead's Chair.
  if (plan.leads?.some((l) => l.chair)) placed.add('chair');
  const missing: NotImported[] = [];
  const check = (line: string, where: string) => {
    const l = line.trim();
    const ws = words(l);
    if (ws.length === 0) return;
    const lost = ws.filter((w) => !placed.has(w)).length;
    // Headings and furniture are looked up only for lines that went missing: most lines were placed.
    if (lost === 0 || isFurniture(l) || recogniseHeading(l) || isSectionHeading(l)) return;
    missing.push({ where, text: l, reason: 'Coplan read this text but could not tell which field it belongs in. Copy it into the plan where it belongs after importing.' });
  };
  let tableNo = 0;
  const tables = parsed.blocks.some((b) => b.kind === 'table');
  for (const block of parsed.blocks) {
    if (block.kind === 'text') {
      for (const line of cleanCell(block.text).split('\n')) check(line, tableNo ? `text after table ${tableNo}` : tables ? 'text before the first table' : 'the text');
      continue;
    }
    tableNo++;
    block.rows.forEach((row, ri) => {
      row.forEach((cell, ci) => {
        // Most cells landed whole: only a cell with a word missing is cleaned and looked at line by line.
        if (words(cell).every((w) => placed.has(w))) return;
        for (const line of cleanCell(cell).split('\n')) check(line, `table ${tableNo}, row ${ri + 1}, column ${ci + 1}`);
      });
    });
  }
  return missing;
}
