import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { TaskStatus } from '@lit/task';
import { createPlan, type PlanSnapshot } from '@coplan/core';
import { demoPlanInput } from '@coplan/seeds';
import { exportFile } from '../src/state/publish.js';
import { Publishing, type Publishers } from '../src/state/publishing.js';

/** A stand-in for the Files menu: the task needs only addController and requestUpdate. */
function host() {
  const h = { updates: 0, addController: () => undefined, removeController: () => undefined, requestUpdate: () => void h.updates++, updateComplete: Promise.resolve(true) };
  return h;
}

function demoSnapshot(): PlanSnapshot {
  return createPlan(new Y.Doc(), demoPlanInput, { user: 'Office' }).snapshot();
}

/** The real writers, as the app loads them; printing needs a page, so it is not run here. */
const writers: Publishers = {
  exportFile,
  printPlan: () => Promise.reject(new Error('printing needs a browser page')),
};

describe('Publishing, as a task', () => {
  it('is pending while the writer works, then complete with the file and the words that say so', async () => {
    const s = demoSnapshot();
    const h = host();
    const publishing = new Publishing(h, () => s, writers);
    expect(publishing.task.status).toBe(TaskStatus.INITIAL);
    const done = publishing.run('csv');
    expect(publishing.task.status).toBe(TaskStatus.PENDING);
    expect(publishing.preparing).toBe('Preparing the register…');
    await done;
    expect(publishing.task.status).toBe(TaskStatus.COMPLETE);
    const { file, said } = publishing.task.value!;
    expect(file!.name).toBe(`${s.title} - register.csv`);
    expect(file!.type).toMatch(/^text\/csv/);
    expect(String(file!.data)).toContain(s.priorities[0]!.objectives[0]!.actions[0]!.text.slice(0, 30));
    expect(said).toBe(`Downloaded ${s.title} - register.csv.`);
    expect(h.updates).toBeGreaterThanOrEqual(2);
  });

  it('writes a Word document the same way', async () => {
    const s = demoSnapshot();
    const publishing = new Publishing(host(), () => s, writers);
    await publishing.run('docx');
    expect(publishing.task.status).toBe(TaskStatus.COMPLETE);
    const data = publishing.task.value!.file!.data as Uint8Array;
    // A .docx is a zip: it starts "PK".
    expect(String.fromCharCode(data[0]!, data[1]!)).toBe('PK');
  });

  it('ends in error with what went wrong and what to do, when the writers cannot be loaded (offline, never published before)', async () => {
    const s = demoSnapshot();
    const unloadable: Publishers = {
      exportFile: async (...args) => (await import(/* @vite-ignore */ `./writers-not-on-this-device-${Date.now()}.js`)).exportFile(...args),
      printPlan: writers.printPlan,
    };
    const publishing = new Publishing(host(), () => s, unloadable);
    await publishing.run('docx');
    expect(publishing.task.status).toBe(TaskStatus.ERROR);
    const message = (publishing.task.error as Error).message;
    expect(message).toMatch(/^Could not prepare the Word document \(.+\)\. Try again; if this device is offline and has not published before, connect once first\.$/);
  });

  it('does nothing before the plan has been read', async () => {
    const publishing = new Publishing(host(), () => null, writers);
    await publishing.run('csv');
    expect(publishing.task.status).toBe(TaskStatus.INITIAL);
  });
});
