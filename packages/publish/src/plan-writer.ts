import type { PlanSnapshot } from '@coplan/core';

/** What a format's file is called and what it holds. */
export interface ExportFormatInfo {
  /** Without the dot. */
  extension: string;
  mimeType: string;
  label: string;
  /** Text formats come back as a string, the others as bytes. */
  binary: boolean;
}

/**
 * One format a plan is published in: the small interface every writer
 * implements, and every writer passes the same acceptance suite
 * (`runPlanFormatTests` in `@coplan/seeds/acceptance`). Writers load their
 * office library on first use, so importing this package stays cheap.
 */
export interface PlanWriter extends ExportFormatInfo {
  /** The plan as a file of this format: a string for text formats, bytes for the others. */
  write(snapshot: PlanSnapshot): Promise<Uint8Array | string>;
}
