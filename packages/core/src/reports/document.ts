import { RAG_LABELS, type Rag } from '../values/values.js';

/**
 * A document to publish, as plain blocks: what the plan and report exports
 * build, and what the Word, HTML and Markdown writers render. One layout,
 * three file formats.
 */
export interface PublishedDocument {
  /** The document's title: the first heading, and the running header on every page. */
  title: string;
  /** Shown beside the title in the running header, e.g. "V1.1 (agreed)". */
  version: string;
  /** Wide tables read better across the page. */
  landscape: boolean;
  blocks: Block[];
}

/** One piece of a document, in reading order. */
export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | BarChartBlock;

/** A heading: the title, a priority or a report section. */
export interface HeadingBlock {
  type: 'heading';
  /** 1 is the document title; priorities and report sections are 2. */
  level: 1 | 2 | 3;
  text: string;
  /** Start a new page for this heading when printed. */
  pageBreak?: boolean;
}

/** A paragraph, with an optional bold lead-in. */
export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  /** A bold lead-in such as "Owner". */
  label?: string;
}

/** A bulleted list. */
export interface ListBlock {
  type: 'list';
  items: string[];
}

/** A table with a header row that repeats on every printed page. */
export interface TableBlock {
  type: 'table';
  /** Says what the table holds (a caption in HTML, a bold line above it in Word). */
  caption: string;
  columns: { title: string /** relative width */; width: number }[];
  rows: TableRow[];
}

/** A row's cells; `null` where a cell above spans down over this one. */
export type TableRow = (TableCell | null)[];

/** One cell of a table. */
export interface TableCell {
  /** Each line is a paragraph of its own. */
  lines: string[];
  /** Colours the cell; the word is always written too, so colour is never the only sign. */
  rag?: Rag | 'none';
  /** How many rows this cell covers (1 when omitted). */
  rowSpan?: number;
}

/** Stacked bars of counts, e.g. RAG per priority; always published beside a table of the same figures. */
export interface BarChartBlock {
  type: 'bar-chart';
  title: string;
  bars: { label: string; segments: { key: Rag | 'none'; label: string; count: number }[] }[];
}

/** What a RAG key reads as in a report, "Not rated" where there is none. */
export const RAG_KEY_LABELS: Readonly<Record<Rag | 'none', string>> = { ...RAG_LABELS, none: 'Not rated' };

/** A cell of plain lines. */
export function cell(...lines: (string | undefined | null)[]): TableCell {
  return { lines: lines.filter((l): l is string => typeof l === 'string' && l !== '') };
}
