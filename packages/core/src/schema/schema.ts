import { ACTION_STATUSES, LEAD_KINDS, PLAN_STATUSES, RAG_VALUES } from '../values/values.js';
import { GROUP_KINDS } from '../governance/arrangements.js';
import { checkDecisionMethod, checkDecisionRule, checkQuorumRule } from '../governance/arrangement-checks.js';
import { REPORTING_EVERY } from '../scorecard/periods.js';
import { USUAL_THRESHOLDS } from '../scorecard/thresholds.js';
import { checkThresholdRules } from '../scorecard/threshold-checks.js';

/**
 * How a field is held in the document.
 * - `text`: a `Y.Text`, so people typing in one field merge character by character.
 * - `textList`: a `Y.Array` of `Y.Text` (success statements, principles).
 * - `string`: a plain string, last writer wins (short names, authors).
 * - `enum`: one of a fixed set of strings.
 * - `date`: an ISO date `YYYY-MM-DD`.
 * - `bool`: true or false.
 * - `leads`: a `Y.Array` of lead references (registry id or free text).
 * - `lead`: one lead reference, or null.
 * - `ref`: the id of another entity of a given kind, or null.
 * - `values`: a `Y.Map` of indicator readings keyed by date.
 * - `number`: a finite number within `min` and `max`.
 * - `json`: a small plain value set whole, last writer wins, checked by `check` (a quorum rule, threshold rules).
 * - `marks`: a `Y.Map` of attendance marks keyed by seat id; an update sets only the seats it names,
 *   so two people marking one meeting's attendance both keep theirs.
 * - `figures`: a scorecard's actual, target and commentary per period, each
 *   figure a key of its own in the entity's map (`figures/2025-Q1/actual`), so
 *   partners entering different figures offline all keep theirs, and no
 *   shared type is ever created twice.
 */
export type FieldType = 'text' | 'textList' | 'string' | 'enum' | 'date' | 'bool' | 'leads' | 'lead' | 'ref' | 'values' | 'number' | 'json' | 'marks' | 'figures';

/** How one field is held and checked. */
export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  /** For `enum` fields. */
  values?: readonly string[];
  /** For `ref` fields: the kind referred to. */
  refKind?: EntityKind;
  /** The value a new entity gets when none is given. */
  default?: unknown;
  /** For `number` fields: the smallest and largest values accepted. */
  min?: number;
  max?: number;
  /** For `json` fields: what is wrong with a value, in words, or undefined when it is fine. */
  check?: (value: unknown) => string | undefined;
}

/** Every kind of entity a plan holds. Each lives in its own flat `Y.Map` keyed by id. */
export type EntityKind = 'priority' | 'objective' | 'action' | 'milestone' | 'variant' | 'progress' | 'lead' | 'partnership' | 'indicator' | 'context' | 'consultation' | GovernanceKind;

/** The kinds that hold the partnership's arrangements and its meetings (issue 15). */
export type GovernanceKind = 'agency' | 'group' | 'seat' | 'meeting' | 'declaration' | 'decision' | 'arising';

/** The shape of one entity kind. */
export interface KindSpec {
  /** The kind of the parent, or null for items that sit at the top of the plan. */
  parent: EntityKind | null;
  /** Whether siblings carry an order key (progress updates are ordered by date instead). */
  ordered: boolean;
  /** The field that names an item in lists, the bin and diffs. */
  label: string;
  fields: Record<string, FieldSpec>;
}

const text = (required = false): FieldSpec => ({ type: 'text', required });
const str = (required = false): FieldSpec => ({ type: 'string', required });

/** The shape of every entity kind: its parent level and its fields. */
export const KINDS: Readonly<Record<EntityKind, KindSpec>> = {
  priority: {
    parent: null,
    ordered: true,
    label: 'title',
    fields: {
      title: text(true),
      aim: text(),
      owner: text(),
      successStatements: { type: 'textList' },
      focusAreas: { type: 'textList' },
      leadGroup: { type: 'lead' },
    },
  },
  objective: {
    parent: 'priority',
    ordered: true,
    label: 'text',
    fields: { text: text(true), impact: text() },
  },
  action: {
    parent: 'objective',
    ordered: true,
    label: 'text',
    fields: {
      text: text(true),
      leads: { type: 'leads' },
      timescale: text(),
      status: { type: 'enum', values: ACTION_STATUSES, default: 'not-started' },
      impact: text(),
    },
  },
  milestone: {
    parent: 'action',
    ordered: true,
    label: 'text',
    fields: { text: text(true), timescale: text(), done: { type: 'bool', default: false } },
  },
  variant: {
    parent: 'action',
    ordered: true,
    label: 'text',
    fields: {
      partnershipId: { type: 'ref', refKind: 'partnership', required: true },
      text: text(),
      leads: { type: 'leads' },
      timescale: text(),
    },
  },
  progress: {
    parent: 'action',
    ordered: false,
    label: 'narrative',
    fields: {
      date: { type: 'date', required: true },
      author: str(true),
      rag: { type: 'enum', values: RAG_VALUES, required: true },
      narrative: text(true),
      evidence: text(),
    },
  },
  lead: {
    parent: null,
    ordered: true,
    label: 'name',
    fields: {
      name: str(true),
      kind: { type: 'enum', values: LEAD_KINDS, default: 'group' },
      chair: str(),
      organisation: str(),
    },
  },
  partnership: {
    parent: null,
    ordered: true,
    label: 'name',
    fields: { name: str(true), shortName: str() },
  },
  indicator: {
    parent: null,
    ordered: true,
    label: 'name',
    fields: {
      name: text(true),
      priorityId: { type: 'ref', refKind: 'priority' },
      target: str(),
      unit: str(),
      values: { type: 'values' },
      owner: str(),
      direction: { type: 'enum', values: ['higher', 'lower'], default: 'higher' },
      every: { type: 'enum', values: REPORTING_EVERY, default: 'quarter' },
      thresholds: { type: 'json', check: checkThresholdRules, default: USUAL_THRESHOLDS },
      figures: { type: 'figures' },
    },
  },
  context: {
    parent: null,
    ordered: true,
    label: 'title',
    fields: { title: text(true), text: text() },
  },
  consultation: {
    parent: null,
    ordered: true,
    label: 'who',
    fields: { who: text(true), when: text() },
  },
  ...GOVERNANCE_KINDS(),
};

/** The arrangements (agencies, groups and their seats) and meetings, each kind a flat map like the plan's items. */
function GOVERNANCE_KINDS(): Record<GovernanceKind, KindSpec> {
  const bool = (value: boolean): FieldSpec => ({ type: 'bool', default: value });
  return {
    agency: { parent: null, ordered: true, label: 'name', fields: { name: str(true), statutoryPartner: bool(false) } },
    group: {
      parent: null,
      ordered: true,
      label: 'name',
      fields: {
        name: str(true),
        kind: { type: 'enum', values: GROUP_KINDS, default: 'sub-group' },
        chair: str(),
        meets: str(),
        quorum: { type: 'json', check: checkQuorumRule, default: { kind: 'count', members: 1 } },
        attendanceThreshold: { type: 'number', min: 0, max: 1, default: 0.75 },
        decisions: { type: 'json', check: checkDecisionRule, default: { otherwise: 'chair-decides', consensusOnly: [] } },
      },
    },
    seat: { parent: 'group', ordered: true, label: 'role', fields: { agencyId: { type: 'ref', refKind: 'agency', required: true }, role: str(), voting: bool(true) } },
    meeting: {
      parent: 'group',
      ordered: false,
      label: 'date',
      fields: { date: { type: 'date', required: true }, chairPresent: bool(false), attendance: { type: 'marks' }, visitors: { type: 'textList' } },
    },
    declaration: { parent: 'meeting', ordered: true, label: 'who', fields: { who: str(true), item: str(), interest: text(), left: bool(false) } },
    decision: {
      parent: 'meeting',
      ordered: true,
      label: 'text',
      fields: { text: text(true), item: str(), topic: str(), method: { type: 'json', check: checkDecisionMethod, default: { by: 'consensus' } }, notQuorate: bool(false) },
    },
    arising: { parent: 'meeting', ordered: true, label: 'text', fields: { text: text(true), owner: str(), due: { type: 'date' }, actionId: { type: 'ref', refKind: 'action' } } },
  };
}

/** Every entity kind, parents before children. */
export const ENTITY_KINDS = Object.keys(KINDS) as EntityKind[];

/** The plan's own fields, held in the `meta` map. */
export const META_FIELDS: Readonly<Record<string, FieldSpec>> = {
  title: text(true),
  introduction: text(),
  vision: text(),
  versionLabel: str(),
  status: { type: 'enum', values: PLAN_STATUSES, default: 'draft' },
  periodStart: { type: 'date' },
  periodEnd: { type: 'date' },
  principles: { type: 'textList' },
  statutoryObjectives: { type: 'textList' },
  reviewSchedule: text(),
};

/** The kinds whose items are children of `kind`. */
export function childKindsOf(kind: EntityKind | null): EntityKind[] {
  return ENTITY_KINDS.filter((k) => KINDS[k].parent === kind);
}
