import { svg, html, type TemplateResult } from 'lit';
import type { ScorecardIndicator } from '@coplan/core/scorecard';

const TREND_WORDS = { better: 'getting better', worse: 'getting worse', same: 'holding steady' } as const;

/** The words a trend chart stands for, so the chart never carries meaning on its own. */
export function trendWords(i: ScorecardIndicator): string {
  const shown = i.figures.filter((f) => f.actual !== null);
  if (!shown.length) return `${i.name}: no figures yet.`;
  const unit = i.unit === '%' ? '%' : i.unit ? ` ${i.unit}` : '';
  const points = shown.map((f) => `${f.label} ${f.actual}${unit}${f.target !== null ? ` against ${f.target}` : ''}`).join('; ');
  return `${i.name}: ${points}.${i.trend ? ` Latest ${TREND_WORDS[i.trend]} (${i.direction} is better).` : ''}`;
}

/**
 * A small line chart of an indicator's actual figures (solid) and targets
 * (dashed), with its text alternative. Inline SVG: no library, nothing to load.
 */
export function trendChart(i: ScorecardIndicator): TemplateResult {
  const w = 160;
  const h = 40;
  const figs = i.figures;
  const values = figs.flatMap((f) => [f.actual, f.target]).filter((v): v is number => v !== null);
  const words = trendWords(i);
  if (values.length === 0 || figs.length < 2) return html`<span class="no-trend">${figs.length ? 'One period so far: no trend yet.' : 'No figures yet.'}</span>`;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (n: number) => 4 + (n * (w - 8)) / (figs.length - 1);
  const y = (v: number) => h - 4 - ((v - min) * (h - 8)) / span;
  const line = (key: 'actual' | 'target') =>
    figs
      .map((f, n) => (f[key] === null ? null : `${x(n).toFixed(1)},${y(f[key]!).toFixed(1)}`))
      .filter(Boolean)
      .join(' ');
  return html`<svg class="trend" role="img" viewBox="0 0 ${w} ${h}" width=${w} height=${h} aria-label=${words}>
    <title>${words}</title>
    ${svg`<polyline points=${line('target')} fill="none" stroke="#505a5f" stroke-width="1.5" stroke-dasharray="4 3"></polyline>
    <polyline points=${line('actual')} fill="none" stroke="#1d70b8" stroke-width="2.5"></polyline>
    ${figs.map((f, n) => (f.actual === null ? null : svg`<circle cx=${x(n)} cy=${y(f.actual)} r="3" fill="#1d70b8"></circle>`))}`}
  </svg>`;
}
