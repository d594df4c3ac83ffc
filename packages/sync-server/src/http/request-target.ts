/** A request's path and query, read without ever throwing. */
export interface RequestTarget {
  /** The path as sent, still percent-encoded. */
  rawPath: string;
  query: URLSearchParams;
}

/**
 * Reads a request's target (`/path?query`, or an absolute URL). Returns null
 * for one that is not a URL at all, so the caller can answer 400 instead of
 * throwing (`new URL('//', base)`, for one, throws).
 */
export function readTarget(raw: string | undefined): RequestTarget | null {
  if (!raw) return null;
  try {
    const url = raw.startsWith('/') ? new URL(`http://relay.invalid${raw}`) : new URL(raw);
    return { rawPath: url.pathname, query: url.searchParams };
  } catch {
    return null;
  }
}

/** Percent-decodes a path or a segment of one, or returns null when it is not valid UTF-8 percent-encoding. */
export function decodePath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
