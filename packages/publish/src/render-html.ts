import type { BarChartBlock, Block, PublishedDocument, TableBlock } from '@coplan/core/formats';
import { RAG_COLOURS } from './rag-colours.js';
import { runningHeader } from './running-header.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: nothing a person typed can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A string for a CSS `content:` value; `<` is escaped so no text can close the style element. */
function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/</g, '\\3c ')
    .replace(/[\r\n]+/g, ' ')}"`;
}

function lines(ls: string[]): string {
  return ls.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
}

function table(b: TableBlock, n: number): string {
  const total = b.columns.reduce((s, c) => s + c.width, 0) || 1;
  const cols = b.columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(1)}%">`).join('');
  const head = b.columns.map((c) => `<th scope="col">${escapeHtml(c.title)}</th>`).join('');
  const body = b.rows
    .map((row) => {
      const cells = row
        .map((c) => {
          if (c === null) return '';
          const span = (c.rowSpan ?? 1) > 1 ? ` rowspan="${c.rowSpan}"` : '';
          const rag = c.rag ? `<p class="rag rag-${c.rag}">${RAG_COLOURS[c.rag].label}</p>` : '';
          return `<td${span}>${rag}${lines(c.lines)}</td>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('\n');
  return `<table id="table-${n}"><caption>${escapeHtml(b.caption)}</caption><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function barChart(b: BarChartBlock, n: number): string {
  const max = Math.max(1, ...b.bars.map((bar) => bar.segments.reduce((s, x) => s + x.count, 0)));
  const rowHeight = 28;
  const labelWidth = 260;
  const barWidth = 420;
  const height = b.bars.length * rowHeight + 8;
  const rows = b.bars
    .map((bar, i) => {
      let x = labelWidth;
      const y = 4 + i * rowHeight;
      const segs = bar.segments
        .filter((s) => s.count > 0)
        .map((s) => {
          const w = (s.count / max) * barWidth;
          const colours = RAG_COLOURS[s.key];
          const out = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="#${colours.fill}"><title>${escapeHtml(`${s.label}: ${s.count}`)}</title></rect>${
            w >= 18 ? `<text x="${(x + w / 2).toFixed(1)}" y="${y + 15}" text-anchor="middle" fill="#${colours.text}" font-size="12">${s.count}</text>` : ''
          }`;
          x += w;
          return out;
        })
        .join('');
      const label = bar.label.length > 38 ? bar.label.slice(0, 37) + '…' : bar.label;
      return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" font-size="12" fill="#0b0c0c">${escapeHtml(label)}</text>${segs}`;
    })
    .join('');
  const legend = [...new Set(b.bars.flatMap((bar) => bar.segments.map((s) => s.key)))].map((k) => `<li><span class="swatch rag-${k}"></span>${RAG_COLOURS[k].label}</li>`).join('');
  return `<figure class="chart"><svg role="img" aria-labelledby="chart-${n}" viewBox="0 0 ${labelWidth + barWidth + 10} ${height}" width="100%" style="max-width:${labelWidth + barWidth + 10}px"><title id="chart-${n}">${escapeHtml(b.title)} (the same figures are in the table below)</title>${rows}</svg><figcaption>${escapeHtml(b.title)}<ul class="legend">${legend}</ul></figcaption></figure>`;
}

function block(b: Block, n: number): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level}${b.pageBreak ? ' class="new-page"' : ''}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${b.label ? `<strong>${escapeHtml(b.label)}:</strong> ` : ''}${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'table':
      return table(b, n);
    case 'bar-chart':
      return barChart(b, n);
  }
}

function styles(doc: PublishedDocument): string {
  const ragRules = Object.entries(RAG_COLOURS)
    .map(([k, c]) => `.rag-${k} { background: #${c.fill}; color: #${c.text}; }`)
    .join('\n');
  return `
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; color: #0b0c0c; line-height: 1.35; margin: 1.5rem; }
h1 { font-size: 20pt; margin: 0 0 0.5rem; }
h2 { font-size: 15pt; margin: 1.25rem 0 0.4rem; }
h3 { font-size: 12pt; margin: 1rem 0 0.3rem; }
p { margin: 0 0 0.4rem; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; table-layout: fixed; }
caption { text-align: left; font-weight: bold; padding: 0.2rem 0; }
th, td { border: 1px solid #505a5f; padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #dee0e2; }
td p { margin: 0 0 0.25rem; }
.rag { display: inline-block; font-weight: bold; padding: 0 0.35rem; border-radius: 2px; }
${ragRules}
.chart { margin: 0.5rem 0; }
.legend { list-style: none; padding: 0; margin: 0.25rem 0; display: flex; gap: 1rem; flex-wrap: wrap; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em; vertical-align: middle; border: 1px solid #0b0c0c; }
@page {
  size: A4 ${doc.landscape ? 'landscape' : 'portrait'};
  margin: 16mm 12mm 16mm;
  @top-center { content: ${cssString(runningHeader(doc))}; font: 9pt Arial, sans-serif; color: #505a5f; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; color: #505a5f; }
}
@media print {
  body { margin: 0; font-size: 9.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1, h2, h3, caption { break-after: avoid; }
  .new-page { break-before: page; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}`;
}

/**
 * A published document as one self-contained HTML page: readable on screen,
 * and printed (or saved as PDF) in the familiar layout, with the title and
 * version at the top of every page, "Page X of Y" at the foot, and each
 * table's header row repeated on every page.
 */
export function renderHtml(doc: PublishedDocument): string {
  const body = doc.blocks.map(block).join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Coplan">
<title>${escapeHtml(runningHeader(doc))}</title>
<style>${styles(doc)}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
