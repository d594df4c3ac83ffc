/**
 * A figure as people write it in a spreadsheet cell or a text box: "87%",
 * "1,234", "£1,200.50", "-3". Returns null when the text is not a number.
 *
 * @example
 * ```ts
 * readFigureNumber('1,204'); // 1204
 * readFigureNumber('n/a'); // null
 * ```
 */
export function readFigureNumber(text: string): number | null {
  const t = text
    .trim()
    .replace(/^£/, '')
    .replace(/%$/, '')
    .replace(/,(?=\d{3}\b)/g, '')
    .trim();
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}
