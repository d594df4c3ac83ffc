import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { BarChartBlock, Block, PublishedDocument, TableBlock } from '@coplan/core/formats';
import { RAG_COLOURS } from './rag-colours.js';
import { runningHeader } from './running-header.js';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
// A4 less 12 mm margins each side, in twips (1 mm = 56.7 twips).
const TEXT_WIDTH = { landscape: Math.round((297 - 24) * 56.7), portrait: Math.round((210 - 24) * 56.7) };
const MARGIN = Math.round(12 * 56.7);

function lineParagraphs(lines: string[], colour?: string): Paragraph[] {
  // An empty cell still needs one paragraph to be valid Word.
  return (lines.length ? lines : ['']).map((l) => new Paragraph({ children: [new TextRun({ text: l, ...(colour ? { color: colour } : {}) })] }));
}

function table(b: TableBlock, width: number): FileChild[] {
  const total = b.columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = b.columns.map((c) => Math.floor((c.width / total) * width));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: b.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'DEE0E2' },
          children: [new Paragraph({ children: [new TextRun({ text: c.title, bold: true })] })],
        }),
    ),
  });
  const rows = b.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.flatMap((c, i) => {
          if (c === null) return [];
          const rag = c.rag ? RAG_COLOURS[c.rag] : undefined;
          const children = rag
            ? [new Paragraph({ children: [new TextRun({ text: rag.label, bold: true, color: rag.text })] }), ...(c.lines.length ? lineParagraphs(c.lines, rag.text) : [])]
            : lineParagraphs(c.lines);
          return [
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              ...((c.rowSpan ?? 1) > 1 ? { rowSpan: c.rowSpan } : {}),
              ...(rag ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: rag.fill } } : {}),
              children,
            }),
          ];
        }),
      }),
  );
  return [
    new Paragraph({ keepNext: true, spacing: { before: 160, after: 60 }, children: [new TextRun({ text: b.caption, bold: true })] }),
    new Table({ rows: [header, ...rows], columnWidths: widths, width: { size: width, type: WidthType.DXA }, layout: TableLayoutType.FIXED }),
  ];
}

/** Word has no SVG the writer can draw unaided: each bar is a row of shaded runs, as long as its count. */
function barChart(b: BarChartBlock): FileChild[] {
  const max = Math.max(1, ...b.bars.map((bar) => bar.segments.reduce((s, x) => s + x.count, 0)));
  const out: FileChild[] = [new Paragraph({ keepNext: true, spacing: { before: 160, after: 60 }, children: [new TextRun({ text: b.title, bold: true })] })];
  for (const bar of b.bars) {
    const runs = bar.segments
      .filter((s) => s.count > 0)
      .map((s) => {
        const c = RAG_COLOURS[s.key];
        const cells = Math.max(String(s.count).length + 2, Math.round((s.count / max) * 40));
        const label = String(s.count)
          .padStart(Math.ceil((cells + String(s.count).length) / 2), '\u00a0')
          .padEnd(cells, '\u00a0');
        return new TextRun({ text: label, color: c.text, bold: true, font: 'Consolas', shading: { type: ShadingType.CLEAR, color: 'auto', fill: c.fill } });
      });
    out.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: `${bar.label}  ` }), ...runs] }));
  }
  const keys = [...new Set(b.bars.flatMap((bar) => bar.segments.map((s) => s.key)))];
  out.push(
    new Paragraph({
      spacing: { after: 120 },
      children: keys.flatMap((k) => [
        new TextRun({ text: '\u00a0\u00a0\u00a0', shading: { type: ShadingType.CLEAR, color: 'auto', fill: RAG_COLOURS[k].fill } }),
        new TextRun({ text: ` ${RAG_COLOURS[k].label}   ` }),
      ]),
    }),
  );
  return out;
}

function block(b: Block, width: number, first: boolean): FileChild[] {
  switch (b.type) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level], pageBreakBefore: Boolean(b.pageBreak) && !first, keepNext: true, children: [new TextRun(b.text)] })];
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 80 }, children: [...(b.label ? [new TextRun({ text: `${b.label}: `, bold: true })] : []), new TextRun(b.text)] })];
    case 'list':
      return b.items.map((i) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(i)] }));
    case 'table':
      return table(b, width);
    case 'bar-chart':
      return barChart(b);
  }
}

/**
 * A published document as a Word file, written with the `docx` library:
 * real headings (so Word's navigation pane and PDF bookmarks work), tables
 * whose header rows repeat on every page, the title and version in the page
 * header and "Page X of Y" in the footer.
 */
export async function renderDocx(doc: PublishedDocument): Promise<Uint8Array> {
  const width = doc.landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
  const file = new Document({
    creator: 'Coplan',
    title: doc.title,
    description: runningHeader(doc),
    // en-GB: spell-checking and screen readers read it as British English.
    styles: { default: { document: { run: { font: 'Arial', size: 20, language: { value: 'en-GB' } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: doc.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: Math.round(MARGIN / 2), footer: Math.round(MARGIN / 2) },
          },
        },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: runningHeader(doc), size: 16, color: '505A5F' })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16, color: '505A5F' })] }),
            ],
          }),
        },
        children: doc.blocks.flatMap((b, i) => block(b, width, i === 0)),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}
