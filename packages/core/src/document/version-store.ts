import type { PlanLayout } from './layout.js';
import { isIsoDate } from '../values/iso-date.js';
import { PlanError } from '../schema/errors.js';
import type { PlanSnapshot, VersionInfo } from '../schema/snapshot.js';

/** What agreeing a version takes. */
export interface AgreeVersionInput {
  /** The label partners use, e.g. `v1.2`. */
  label: string;
  /** Who agreed it (people or bodies present). */
  agreedBy: string[];
  /** When it was agreed: a date `YYYY-MM-DD` or an ISO date-time; default now. */
  agreedAt?: string;
  note?: string;
}

/** A version as stored: its details and the frozen plan, written once and never edited. */
interface StoredVersion extends VersionInfo {
  snapshot: string;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Checks a version's details; throws a {@link PlanError} saying what is wrong. */
export function validateVersionInput(input: AgreeVersionInput, now: Date): Required<AgreeVersionInput> {
  if (!input || typeof input.label !== 'string' || input.label.trim() === '') throw new PlanError('required', 'A version needs a label, such as "v1.2".', { kind: 'plan', field: 'label' });
  if (!Array.isArray(input.agreedBy) || input.agreedBy.some((a) => typeof a !== 'string' || a.trim() === ''))
    throw new PlanError('invalid-value', 'agreedBy must list who agreed the version, each as some text.', { kind: 'plan', field: 'agreedBy', value: input.agreedBy });
  const agreedAt = input.agreedAt ?? now.toISOString();
  const validDate = isIsoDate(agreedAt) || (ISO_DATE_TIME.test(agreedAt) && !Number.isNaN(Date.parse(agreedAt)) && isIsoDate(agreedAt.slice(0, 10)));
  if (!validDate)
    throw new PlanError('invalid-date', `agreedAt must be a date written YYYY-MM-DD or an ISO date-time; got ${JSON.stringify(agreedAt)}.`, {
      kind: 'plan',
      field: 'agreedAt',
      value: agreedAt,
    });
  return { label: input.label.trim(), agreedBy: input.agreedBy.map((a) => a.trim()), agreedAt, note: input.note ?? '' };
}

/** Stores a version with the plan as it stands (call inside a transaction, after validating). */
export function storeVersion(layout: PlanLayout, id: string, input: Required<AgreeVersionInput>, snapshot: PlanSnapshot, recordedBy: string): void {
  // A version records the business plan as agreed; the governance (meetings go on being recorded) is not frozen with it.
  const { versions: _v, bin: _b, governance: _g, ...frozen } = snapshot;
  const stored: StoredVersion = { id, ...input, recordedBy, snapshot: JSON.stringify(frozen) };
  layout.versions.set(id, stored);
}

/** The versions, in the order they were agreed. */
export function listVersions(layout: PlanLayout): VersionInfo[] {
  const out: VersionInfo[] = [];
  layout.versions.forEach((v) => {
    const { snapshot: _s, ...info } = v as StoredVersion;
    out.push(info);
  });
  return out.sort((a, b) => (a.agreedAt < b.agreedAt ? -1 : a.agreedAt > b.agreedAt ? 1 : a.id < b.id ? -1 : 1));
}

/** A version by id, or by label (the latest agreed with that label). */
export function findVersion(layout: PlanLayout, idOrLabel: string): StoredVersion {
  const byId = layout.versions.get(idOrLabel) as StoredVersion | undefined;
  if (byId) return byId;
  const matches = listVersions(layout).filter((v) => v.label === idOrLabel);
  const last = matches[matches.length - 1];
  if (!last) {
    const known = listVersions(layout).map((v) => v.label);
    throw new PlanError('not-found', `No version "${idOrLabel}" has been agreed${known.length ? `; the versions are ${known.join(', ')}` : ' yet'}.`, {
      kind: 'plan',
      value: idOrLabel,
    });
  }
  return layout.versions.get(last.id) as StoredVersion;
}

/** The plan as it stood when the version was agreed. */
export function readVersionSnapshot(version: StoredVersion): PlanSnapshot {
  const frozen = JSON.parse(version.snapshot) as Omit<PlanSnapshot, 'versions' | 'bin' | 'governance'>;
  return { ...frozen, governance: { agencies: [], groups: [] }, versions: [], bin: [] };
}
