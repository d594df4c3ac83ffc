/**
 * @coplan/core/formats: what the packages that read and write plan files
 * (`@coplan/import`, `@coplan/publish`) build on. An embedder needs none of it.
 */

// The parts of a plan's input, as a reader builds them
export type { PriorityInput, ObjectiveInput, MilestoneInput, VariantInput } from './schema/input.js';

// The .coplan file, recognised and read whole
export { isCoplanFile, readCoplanFile } from './document/coplan-file.js';

// A plan or report laid out as blocks, for a writer to typeset
export { planDocument, versionLine } from './reports/plan-document.js';
export { REGISTER_COLUMNS, registerRows } from './reports/action-register.js';
export { SCORECARD_COLUMNS, scorecardRows } from './reports/scorecard-rows.js';
export {
  RAG_KEY_LABELS,
  type PublishedDocument,
  type Block,
  type HeadingBlock,
  type ParagraphBlock,
  type ListBlock,
  type TableBlock,
  type TableRow,
  type TableCell,
  type BarChartBlock,
} from './reports/document.js';
