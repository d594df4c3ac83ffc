import * as Y from 'yjs';
import { PlanError } from '../schema/errors.js';
import type { EntityKind, FieldSpec } from '../schema/schema.js';
import type { IndicatorFigure, IndicatorValue, LeadRef } from '../schema/entities.js';
import { readFigures, validateFigures, writeFigures } from './figure-cells.js';
import { isIsoDate } from '../values/iso-date.js';
import type { AttendanceMark } from '../governance/quorum.js';
import { newText, setTextListMinimal, setTextMinimal } from './text-edit.js';

type Where = { kind: EntityKind | 'plan'; id?: string };

/**
 * Checks one field value against its spec and returns it normalised.
 * Throws a {@link PlanError} naming the field and what it accepts.
 */
type FailCode = 'invalid-value' | 'invalid-date' | 'invalid-rag' | 'required';

function failField(where: Where, name: string, value: unknown, code: FailCode, what: string): never {
  throw new PlanError(code, `${where.kind}.${name} ${what}`, { ...where, field: name, value });
}

export function validateField(spec: FieldSpec, name: string, value: unknown, where: Where): unknown {
  const fail = (code: FailCode, what: string): never => failField(where, name, value, code, what);
  switch (spec.type) {
    case 'text':
    case 'string': {
      if (typeof value === 'string' && (!spec.required || value.trim() !== '')) return value;
      if (typeof value !== 'string') fail('invalid-value', `must be a string, not ${describe(value)}.`);
      if (spec.required && (value as string).trim() === '') fail('required', 'is required: give it some text.');
      return value;
    }
    case 'textList': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) fail('invalid-value', `must be a list of strings, not ${describe(value)}.`);
      return value;
    }
    case 'enum': {
      if (typeof value !== 'string' || !spec.values!.includes(value)) {
        const code = name === 'rag' ? 'invalid-rag' : 'invalid-value';
        fail(code, `must be one of ${spec.values!.join(', ')}; got ${describe(value)}.`);
      }
      return value;
    }
    case 'date': {
      if (value === null && !spec.required) return null;
      if (typeof value !== 'string' || !isIsoDate(value)) fail('invalid-date', `must be a real calendar date written YYYY-MM-DD; got ${describe(value)}.`);
      return value;
    }
    case 'bool': {
      if (typeof value !== 'boolean') fail('invalid-value', `must be true or false, not ${describe(value)}.`);
      return value;
    }
    case 'ref': {
      if (value === null && !spec.required) return null;
      if (typeof value !== 'string' || value === '') fail(spec.required ? 'required' : 'invalid-value', `must be the id of a ${spec.refKind}.`);
      return value;
    }
    case 'lead': {
      if (value === null) return null;
      return validateLeadRef(value, name, where);
    }
    case 'leads': {
      if (!Array.isArray(value)) fail('invalid-value', `must be a list of leads ({ leadId } or { name }), not ${describe(value)}.`);
      return (value as unknown[]).map((v) => validateLeadRef(v, name, where));
    }
    case 'values': {
      if (!Array.isArray(value)) fail('invalid-value', 'must be a list of { date, value, note? } readings.');
      const seen = new Set<string>();
      return (value as unknown[]).map((v) => {
        const r = v as Partial<IndicatorValue> | null;
        if (!r || typeof r !== 'object' || typeof r.date !== 'string' || !isIsoDate(r.date)) fail('invalid-date', `readings need a date written YYYY-MM-DD; got ${describe(r?.date)}.`);
        if (typeof r!.value !== 'number' || !Number.isFinite(r!.value)) fail('invalid-value', `readings need a finite number value; got ${describe(r!.value)}.`);
        if (seen.has(r!.date!)) fail('invalid-value', `has two readings for ${r!.date}; give one per date.`);
        seen.add(r!.date!);
        return r!.note ? { date: r!.date!, value: r!.value!, note: String(r!.note) } : { date: r!.date!, value: r!.value! };
      });
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) fail('invalid-value', `must be a number, not ${describe(value)}.`);
      const n = value as number;
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) fail('invalid-value', `must be between ${spec.min ?? '-∞'} and ${spec.max ?? '∞'}; got ${n}.`);
      return n;
    }
    case 'json': {
      const problem = spec.check?.(value);
      if (problem) fail('invalid-value', `${problem} Got ${describe(value)}.`);
      return JSON.parse(JSON.stringify(value)) as unknown;
    }
    case 'marks': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) fail('invalid-value', 'must map seat ids to marks ({ status: "present" }, …), or to null to clear one.');
      const out: Record<string, AttendanceMark | null> = {};
      for (const [seatId, mark] of Object.entries(value as Record<string, unknown>))
        out[seatId] = mark === null ? null : validateMark(mark, (what) => fail('invalid-value', `for seat ${seatId} ${what}`));
      return out;
    }
    case 'figures': {
      const checked = validateFigures(value);
      if (typeof checked === 'string') fail('invalid-value', checked);
      return checked;
    }
  }
}

/** One attendance mark, normalised; a substitute must be named. */
function validateMark(mark: unknown, fail: (what: string) => never): AttendanceMark {
  const m = mark as { status?: unknown; name?: unknown } | null;
  const status = m && typeof m === 'object' ? m.status : undefined;
  if (status === 'present' || status === 'apologies' || status === 'absent') return { status };
  if (status === 'substitute') {
    if (typeof m!.name === 'string' && m!.name.trim() !== '') return { status, name: m!.name.trim() };
    return fail('a substitute needs the name of the person who came instead.');
  }
  return fail(`has status ${describe(status)}; use present, substitute (with a name), apologies or absent.`);
}

function validateLeadRef(value: unknown, name: string, where: Where): LeadRef {
  const v = value as { leadId?: unknown; name?: unknown } | null;
  if (v && typeof v === 'object' && typeof v.leadId === 'string' && v.leadId !== '') return { leadId: v.leadId };
  if (v && typeof v === 'object' && typeof v.name === 'string' && v.name.trim() !== '') return { name: v.name.trim() };
  throw new PlanError('invalid-value', `${where.kind}.${name} takes leads as { leadId } or { name } with some text; got ${describe(value)}.`, {
    ...where,
    field: name,
    value,
  });
}

/** The value a field has when nothing was given. */
export function emptyValue(spec: FieldSpec): unknown {
  if (spec.default !== undefined) return spec.default;
  switch (spec.type) {
    case 'text':
    case 'string':
      return '';
    case 'textList':
    case 'leads':
    case 'values':
    case 'figures':
      return [];
    case 'marks':
      return {};
    case 'bool':
      return false;
    default:
      return null;
  }
}

/**
 * Writes a validated value into `map`, editing shared types in place so
 * concurrent edits merge. `fresh` says the map was made in this transaction,
 * so there is nothing to compare against.
 */
export function writeField(map: Y.Map<unknown>, spec: FieldSpec, name: string, value: unknown, fresh = false): void {
  if (spec.type === 'figures') {
    writeFigures(map, name, value as IndicatorFigure[]);
    return;
  }
  if (fresh && spec.type !== 'text' && spec.type !== 'textList' && spec.type !== 'leads' && spec.type !== 'values' && spec.type !== 'marks') {
    map.set(name, value);
    return;
  }
  const current = fresh ? undefined : map.get(name);
  switch (spec.type) {
    case 'text':
      if (current instanceof Y.Text) setTextMinimal(current, value as string);
      else map.set(name, newText(value as string));
      return;
    case 'textList':
      if (current instanceof Y.Array) setTextListMinimal(current as Y.Array<Y.Text>, value as string[]);
      else map.set(name, Y.Array.from((value as string[]).map(newText)));
      return;
    case 'leads': {
      const next = value as LeadRef[];
      if (current instanceof Y.Array) {
        const prev = (current as Y.Array<LeadRef>).toArray();
        if (sameJson(prev, next)) return;
        // Keep the unchanged ends so a partner adding a lead at the same time keeps theirs.
        let s = 0;
        while (s < prev.length && s < next.length && sameJson(prev[s], next[s])) s++;
        let ep = prev.length;
        let en = next.length;
        while (ep > s && en > s && sameJson(prev[ep - 1], next[en - 1])) {
          ep--;
          en--;
        }
        if (ep > s) current.delete(s, ep - s);
        if (en > s) current.insert(s, next.slice(s, en));
      } else map.set(name, Y.Array.from(next));
      return;
    }
    case 'values': {
      const next = value as IndicatorValue[];
      const ymap = current instanceof Y.Map ? (current as Y.Map<unknown>) : new Y.Map<unknown>();
      const keep = new Set(next.map((v) => v.date));
      // A new map has nothing to drop (and Yjs warns when one not yet in the document is read).
      if (current instanceof Y.Map) for (const key of Array.from(ymap.keys())) if (!keep.has(key)) ymap.delete(key);
      for (const v of next) {
        const stored = v.note ? { value: v.value, note: v.note } : { value: v.value };
        if (!sameJson(ymap.get(v.date), stored)) ymap.set(v.date, stored);
      }
      if (!(current instanceof Y.Map)) map.set(name, ymap);
      return;
    }
    case 'marks': {
      // Only the seats named change: a partner marking other seats at the same time keeps theirs.
      // A new map goes into the document before it is read: reading one that is not yet there makes Yjs warn.
      let ymap = current instanceof Y.Map ? (current as Y.Map<unknown>) : undefined;
      if (!ymap) map.set(name, (ymap = new Y.Map<unknown>()));
      for (const [seatId, mark] of Object.entries(value as Record<string, AttendanceMark | null>)) {
        if (mark === null) ymap.delete(seatId);
        else if (!sameJson(ymap.get(seatId), mark)) ymap.set(seatId, mark);
      }
      return;
    }
    default:
      if (!sameJson(current, value)) map.set(name, value);
  }
}

/** Reads a field as plain data. */
export function readField(map: Y.Map<unknown>, spec: FieldSpec, name: string): unknown {
  if (spec.type === 'figures') return readFigures(map, name);
  const v = map.get(name);
  switch (spec.type) {
    case 'text':
      return v instanceof Y.Text ? v.toString() : '';
    case 'textList':
      return v instanceof Y.Array ? (v as Y.Array<Y.Text>).toArray().map((t) => t.toString()) : [];
    case 'leads':
      return v instanceof Y.Array ? (v as Y.Array<LeadRef>).toArray() : [];
    case 'values': {
      if (!(v instanceof Y.Map)) return [];
      const out: IndicatorValue[] = [];
      (v as Y.Map<{ value: number; note?: string }>).forEach((r, date) => out.push(r.note ? { date, value: r.value, note: r.note } : { date, value: r.value }));
      return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
    case 'marks':
      return v instanceof Y.Map ? (v.toJSON() as Record<string, AttendanceMark>) : {};
    default:
      return v === undefined ? emptyValue(spec) : v;
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
