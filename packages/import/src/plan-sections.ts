import type { PlanInput } from '@coplan/core';

type ContextStatementInput = NonNullable<PlanInput['contextStatements']>[number];

/** The plan-level text found above the first priority, each part in the field it belongs in. */
export interface PlanSections {
  vision?: string;
  principles?: string[];
  statutoryObjectives?: string[];
  contextStatements?: ContextStatementInput[];
  /** Lines under no heading Coplan knows, and those under "Introduction": the plan's opening words. */
  introduction: string[];
}

type Section = 'vision' | 'principles' | 'statutoryObjectives' | 'context' | 'introduction';

// The headings plans give their opening sections, as partnerships write them.
const SECTION_HEADINGS: [RegExp, Section][] = [
  [/^(?:our\s+|the\s+)?(?:shared\s+)?vision(?:\s+statement)?$/i, 'vision'],
  [/^(?:our\s+|the\s+)?(?:key\s+|guiding\s+|shared\s+)?(?:principles|values)(?:\s+and\s+values)?$/i, 'principles'],
  [/^(?:(?:our|the)\s+)?(?:statutory|overall|core)\s+(?:objectives|duties|functions)\b.{0,40}$/i, 'statutoryObjectives'],
  [/^(?:[Tt]he\s+)?[A-Z]{2,8}\s+(?:is|are)\s+(?:statutorily\s+)?responsible\s+for:?$/, 'statutoryObjectives'],
  [/^.{0,40}\bcontext(?:\s+statement)?$/i, 'context'],
  [/^(?:introduction|purpose|foreword|about this plan)$/i, 'introduction'],
];

/** The heading of a priority's success statements: "What will success look like?". */
export const SUCCESS_HEADING = /^(?:what will success look like|outcome statements|success (?:measures|statements)|outcomes?)\??$/i;

/** Whether a line only heads a section (of the plan, or a priority's success statements): structure, not content. */
export function isSectionHeading(line: string): boolean {
  return sectionOf(line) !== null || SUCCESS_HEADING.test(line.trim());
}

/** A short line that heads one of a plan's opening sections, or null. */
function sectionOf(line: string): Section | null {
  const t = line.replace(/\*\*|^#+\s*/g, '').trim();
  if (t.split(/\s+/).length > 8) return null;
  return SECTION_HEADINGS.find(([re]) => re.test(t) || re.test(t.replace(/[:.]$/, '')))?.[1] ?? null;
}

/** A short line with no closing punctuation, as headings are: "Priorities of the Partnership". */
function headingLike(line: string): boolean {
  return !BULLET.test(line) && line.split(/\s+/).length <= 6 && /^[A-Z]/.test(line) && !/[.,;:!?)]$/.test(line);
}

const BULLET = /^[•·▪◦●○■–\-*]\s+|^\d{1,2}[.)]\s+/;

/**
 * Sorts the lines above a plan's first priority into its vision, principles,
 * statutory objectives and context statements, by the headings above them
 * ("Our Vision", "Principles", "Covid-19 context statement"). Every line
 * lands in a field: what no heading claims stays the introduction.
 */
export function readPlanSections(lines: string[]): PlanSections {
  const out: PlanSections = { introduction: [] };
  let section: Section = 'introduction';
  let context: ContextStatementInput | null = null;
  let bulleted = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const heading = sectionOf(line);
    if (heading) {
      section = heading;
      bulleted = false;
      if (heading === 'context') {
        context = { title: line.replace(/[:.]$/, ''), text: '' };
        (out.contextStatements ??= []).push(context);
      }
      continue;
    }
    // A heading Coplan does not know ends the section above it: what follows is the introduction's.
    if (section !== 'introduction' && headingLike(line)) section = 'introduction';
    // A bulleted list ends at the first line that is not a bullet.
    if (bulleted && !BULLET.test(line)) section = 'introduction';
    bulleted = section !== 'introduction' && BULLET.test(line);
    const item = line.replace(BULLET, '').trim();
    if (section === 'vision') out.vision = out.vision ? `${out.vision}\n${line}` : line;
    else if (section === 'principles') (out.principles ??= []).push(item);
    else if (section === 'statutoryObjectives') (out.statutoryObjectives ??= []).push(item);
    else if (section === 'context' && context) context.text = context.text ? `${context.text}\n${line}` : line;
    else out.introduction.push(raw);
  }
  // A context heading with nothing under it is only a line of the introduction.
  if (out.contextStatements) {
    for (const c of out.contextStatements.filter((c) => !c.text)) out.introduction.push(c.title);
    out.contextStatements = out.contextStatements.filter((c) => c.text);
    if (!out.contextStatements.length) delete out.contextStatements;
  }
  return out;
}

/** A version label at the end of a plan's title ("… 2020 to 2021 (v1.2)", "… Version 3"), and the title without it. */
export function splitVersionLabel(title: string): { title: string; versionLabel?: string } {
  const m = /\s*[([]?\s*\b(v(?:ersion)?\.?\s*\d+(?:\.\d+)*(?:\s*draft)?)\s*[)\]]?\s*$/i.exec(title);
  if (!m || m.index === 0) return { title };
  const label = m[1]!.replace(/^version\s*/i, 'v').replace(/^v\.\s*/i, 'v');
  return { title: title.slice(0, m.index).replace(/[\s\-–—,:]+$/, ''), versionLabel: label };
}

// "This will be reviewed and updated following …", "this plan will be regularly reviewed …", "this plan is reviewed each quarter".
const REVIEWED = /\b(?:this|it|the\s+(?:business\s+)?plan|this\s+(?:business\s+)?plan)\s+(?:(?:will|shall|is\s+to|are\s+to)\s+be|is|are)\s+(?:\w+\s+)?reviewed\b/i;

/**
 * The sentence of a plan's opening text that says when the plan is
 * reviewed, or undefined. It stays in its paragraph too: it is part of it.
 */
export function readReviewSchedule(paragraphs: readonly string[]): string | undefined {
  for (const p of paragraphs)
    for (const sentence of p.replace(/\s*\n\s*/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z])/)) {
      const m = REVIEWED.exec(sentence);
      if (!m) continue;
      // "… in that context. As this is a changing situation this plan will be …": the sentence, from its start.
      return sentence.trim();
    }
  return undefined;
}
