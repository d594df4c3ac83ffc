const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', hellip: '…' };

/** Decodes the HTML entities that pasted Word and web text carries. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/**
 * Removes stray HTML that extraction left in a cell (`<p>`, `<i>`, `<ul …>`):
 * block tags become line breaks, so `<p>A</p> <p>B</p>` stays two items.
 */
export function stripStrayHtml(text: string): string {
  if (!/[<&]/.test(text)) return text;
  return decodeEntities(
    text
      .replace(/<\s*(?:br|\/p|\/li|\/div|\/h\d|\/tr)\s*\/?>/gi, '\n')
      .replace(/<\s*(?:li|p)\b[^>]*>/gi, '\n• ')
      .replace(/<\/?[a-z][^<>]*>/gi, ' '),
  );
}

// "Page 3 of 7", "- 4 -", and file names like "LSCP_Business Plan_2018.21_V1.1".
const FURNITURE = [/^page\s+\d+\s*(?:of\s+\d+)?$/i, /^[^\s]*\.(?:docx?|pdf|xlsx?|odt)$/i, /^(?=.*_.*_)[\w .-]+$/, /^(?=.*_v\d)[\w .-]+$/i];

/** Whether a line is page furniture: page numbers, running file names. */
export function isFurniture(line: string): boolean {
  const l = line.trim();
  return l.length > 0 && l.length < 120 && FURNITURE.some((re) => re.test(l));
}

/** Cleans a cell: stray HTML out, furniture lines out, spaces tidied, line breaks kept. */
export function cleanCell(text: string): string {
  return stripStrayHtml(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\t\u00a0 ]+/g, ' ').trim())
    .filter((l) => l && !isFurniture(l))
    .join('\n');
}

// A word extraction wrapped at its hyphen: "multi-" then "agency".
const HYPHEN_WRAP = /(?<=[A-Za-z]-)[ \t]*\n\s*(?=[A-Za-z])/g;

/** A cell's text on one line, as a field that holds one statement stores it. */
export function oneLine(text: string): string {
  return text
    .replace(HYPHEN_WRAP, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** Two wrapped lines joined back into one: with a space, or none after a hyphen ("multi-" "agency"). */
export function joinWrapped(a: string, b: string): string {
  return /[A-Za-z]-$/.test(a) && /^[A-Za-z]/.test(b) ? `${a}${b}` : `${a} ${b}`;
}
