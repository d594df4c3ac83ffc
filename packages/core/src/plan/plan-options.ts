// What a caller hands a Plan: where an item goes, how to open one, and the plan's own fields.
// Kept apart from the Plan class so the modules of edits can name them without importing the class.
import type { PlanStatus } from '../values/values.js';

/** Where an item goes: under which parent, and at which position among its visible siblings. */
export interface Placement {
  /** The parent's id; omit or null for top-level kinds (priorities, leads…). */
  parentId?: string | null;
  /** 0-based position among the visible siblings; omitted means last. */
  index?: number;
}

/** Options for opening or creating a plan. */
export interface PlanOptions {
  /** The person working on this device, recorded on what they change. */
  user?: string;
  /** The clock; tests and imports pass their own. */
  now?: () => Date;
  /** A source of randomness for ids and order keys; fuzz tests pass a seeded one. */
  random?: () => number;
  /** Keystrokes closer together than this (ms) undo as one step. Default 500. */
  undoCaptureTimeout?: number;
}

/** The plan's own fields, as {@link Plan.updatePlan} takes them. */
export interface PlanPatch {
  title?: string;
  introduction?: string;
  vision?: string;
  versionLabel?: string;
  status?: PlanStatus;
  period?: { start: string; end: string } | null;
  principles?: string[];
  statutoryObjectives?: string[];
  reviewSchedule?: string;
}
