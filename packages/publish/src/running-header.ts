import type { PublishedDocument } from '@coplan/core/formats';

/** The running header: title and version. */
export function runningHeader(doc: PublishedDocument): string {
  return doc.version ? `${doc.title} · ${doc.version}` : doc.title;
}
