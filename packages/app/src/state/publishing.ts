import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import { PlanError, type PlanSnapshot } from '@coplan/core';
import type { ExportedFile } from './publish.js';

/** What a person asked to publish: a file to download, or the plan to print (or save as PDF). */
export type PublishRequest = 'docx' | 'xlsx' | 'csv' | 'md' | 'print';

/** How a publish went: the file to hand to the person (none when printing), and the words that say so. */
export interface Published {
  file: ExportedFile | null;
  said: string;
}

/** What publishing is done with: the writers, loaded on first use in the app (the Word and Excel writers are large). */
export interface Publishers {
  exportFile(snapshot: PlanSnapshot, format: Exclude<PublishRequest, 'print'>, suffix?: string): Promise<ExportedFile>;
  printPlan(snapshot: PlanSnapshot): Promise<void>;
}

/** The app's writers, loaded when first asked for. */
const lazyPublishers: Publishers = {
  exportFile: async (...args) => (await import('./publish.js')).exportFile(...args),
  printPlan: async (s) => (await import('./publish.js')).printPlan(s),
};

/** What each request prepares, in words. */
const PREPARING: Record<PublishRequest, string> = {
  docx: 'Preparing the Word document…',
  xlsx: 'Preparing the Excel register…',
  csv: 'Preparing the register…',
  md: 'Preparing the Markdown file…',
  print: 'Preparing the plan for printing…',
};

/**
 * Publishing the plan as a Lit {@link Task}: one request at a time, pending
 * while the writers load and write, then complete with the file (and the
 * words "Downloaded …") or in error with what went wrong in words a person
 * can act on (a refusal in the core's own words).
 *
 * @example
 * ```ts
 * class FilesMenu extends LitElement {
 *   private readonly publishing = new Publishing(this, () => snapshots.snapshot);
 *   render() {
 *     return html`<button @click=${() => this.publishing.run('docx')}>Download Word (.docx)</button>
 *       ${this.publishing.task.render({ pending: () => this.publishing.preparing, complete: (p) => p.said, error: (e) => (e as Error).message })}`;
 *   }
 * }
 * ```
 */
export class Publishing implements ReactiveController {
  /** The task itself: its `status`, `value` and `error` say how the last request went. */
  readonly task: Task<readonly [PublishRequest, PlanSnapshot], Published>;
  /** What the request under way is preparing, in words ('' before any). */
  preparing = '';

  constructor(
    host: ReactiveControllerHost,
    private readonly snapshot: () => PlanSnapshot | null,
    publishers: Publishers = lazyPublishers,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      autoRun: false,
      task: async ([request, s]) => {
        try {
          if (request === 'print') {
            await publishers.printPlan(s);
            return { file: null, said: 'The plan was sent to the print dialog. To make a PDF, choose “Save as PDF” as the printer.' };
          }
          const file = await publishers.exportFile(s, request, request === 'xlsx' || request === 'csv' ? ' - register' : '');
          return { file, said: `Downloaded ${file.name}.` };
        } catch (e) {
          if (e instanceof PlanError) throw e;
          const why = e instanceof Error ? e.message : String(e);
          throw new Error(
            `${PREPARING[request].replace(/^Preparing (.*)…$/, 'Could not prepare $1')} (${why}). Try again; if this device is offline and has not published before, connect once first.`,
          );
        }
      },
    });
  }

  /** The Files menu left the page (the plan was closed): what was being prepared is abandoned. */
  hostDisconnected(): void {
    this.task.abort();
  }

  /** Starts publishing; nothing happens before the plan has been read. Resolves once the task has settled. */
  run(request: PublishRequest): Promise<void> {
    const s = this.snapshot();
    if (!s) return Promise.resolve();
    this.preparing = PREPARING[request];
    return this.task.run([request, s]);
  }
}
