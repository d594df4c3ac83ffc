// What one line of loose text reads as, by its words alone: a lead's name, a timescale, a title, or prose.
// The rules that join lines into cells and cells into rows all start from these.
import { parseTimescale } from '@coplan/core';
import { TASK_VERBS } from './split-cell.js';

/** What a paragraph of loose text is: a priority heading, a lead's name, a timescale, or prose. */
export type Kind = 'heading' | 'lead' | 'timescale' | 'text';

const LEAD_WORDS =
  /\b(?:sub-?group|sub group|sub|group|board|team|partners?|co-?ordinator|coordinator|manager|lead|officer|chair|panel|service|services|designated|named|head of|director|nurse|executive|partnership)\b/i;
// Organisations are named with capitals: "Trust" is a lead, "public trust" is not.
const ORGANISATIONS = /\b(?:LSCP|LSCB|SCP|Police|Council|Trust|NHS|CCG|ICB|MASH|LADO)\b/;
const GROUP_END = /\b(?:sub-?group|group|board|team|panel|partnership|officers?|lead|manager|co-?ordinator)$/i;

// A cell's first word in these plans: a task verb with a lower-case word after it.
export const CELL_START = new RegExp(`^(?:${TASK_VERBS}) [a-z]`);

/** One wrapped line of a title: its long words capitalised ("Enhancing the Emotional"). */
export function titleCaseLine(line: string): boolean {
  const long = line.split(/\s+/).filter((w) => w.replace(/[^A-Za-z]/g, '').length > 3);
  return long.length > 0 && long.filter((w) => /^[A-Z]/.test(w)).length >= long.length * 0.7 && !LEAD_WORDS.test(line) && !ORGANISATIONS.test(line) && !/[.:;]$/.test(line);
}

/** "Enhancing the Emotional Wellbeing of Children and Young People": most long words capitalised. */
export function titleCase(text: string): boolean {
  const words = text.split(/\s+/);
  const long = words.filter((w) => w.replace(/[^A-Za-z]/g, '').length > 3);
  // Two long words may make a title ("Promoting Healthy") only when every word of it is capitalised.
  const enough = long.length >= 3 || (long.length === 2 && words.every((w) => /^[A-Z]/.test(w)));
  return (
    words.length <= 12 &&
    enough &&
    !LEAD_WORDS.test(text) &&
    !ORGANISATIONS.test(text) &&
    long.filter((w) => /^[A-Z]/.test(w)).length >= long.length * 0.7 &&
    !/[.:;,]$/.test(text) &&
    (text.match(/,/g) ?? []).length < 2
  );
}

/** A line that is not a priority heading: a lead, a timescale, or prose. */
export function kindOf(text: string): Kind {
  return isLeadLike(text) ? 'lead' : isTimescaleLike(text) ? 'timescale' : 'text';
}

/** A lead's name, or a list of them ("CSE Sub, Police"): a group's or an organisation's words, and no sentence. */
export function isLeadLike(line: string): boolean {
  if (/[.;:?]$/.test(line) || /^\(?\d+[.)]/.test(line) || /^(?:to|the|a|an|for|ensure|develop|review|partners work)\b/i.test(line)) return false;
  // A sentence, not a name: it has a verb ("Services is smooth …") or stops on a little word ("… Partners in").
  if (/\b(?:is|are|was|were|will|be|been|has|have)\b/i.test(line) || /\b(?:in|of|the|a|an|for|including|from|on|at|by|as)$/i.test(line)) return false;
  if (!LEAD_WORDS.test(line) && !ORGANISATIONS.test(line)) return false;
  // Asides in brackets ("(CCG Hosted Safeguarding Team)") do not make a name longer.
  const bare = line.replace(/\([^()]*\)/g, ' ').trim();
  const words = bare.split(/\s+/).length;
  if (words <= 8) return true;
  // A longer cell that is a list of names, or one long group name: "Development and Procedures Subgroup/Multi-agency Task and Finish Group".
  if (words > 14) return false;
  const parts = bare.split(/\s*,\s*/);
  return GROUP_END.test(bare) || (parts.length > 1 && parts.every((p) => p.split(/\s+/).length <= 8 && (LEAD_WORDS.test(p) || ORGANISATIONS.test(p))));
}

/** A short line that is mostly a date or a period ("By March 2016", "Quarterly"). */
export function isTimescaleLike(line: string): boolean {
  if (line.split(/\s+/).length > 14) return false;
  const t = parseTimescale(line);
  return t.parts.some((p) => p.kind !== 'unparsed') && (t.ok || t.unparsed.join(' ').length < line.length / 2);
}
