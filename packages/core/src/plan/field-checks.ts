// Checking the fields a caller gives for an item before anything is written, so bad input is refused in words.
import { validateField } from '../document/field-codec.js';
import { PlanError } from '../schema/errors.js';
import { KINDS, type EntityKind, type FieldSpec } from '../schema/schema.js';
import { an } from './a-noun.js';
import type { PlanTree } from './plan-tree.js';

/**
 * The fields of `input` as they will be stored: each one known to the kind
 * and valid, each reference to a live item; when `creating`, every required
 * field present. Fields given as undefined are left out.
 */
export function validateFields(tree: PlanTree, kind: EntityKind, id: string | undefined, input: Record<string, unknown>, creating: boolean): Record<string, unknown> {
  if (!input || typeof input !== 'object') throw new PlanError('invalid-value', `${kind} fields must be an object.`, { kind, ...(id ? { id } : {}) });
  const fields = KINDS[kind].fields;
  const out: Record<string, unknown> = {};
  const where = id ? { kind, id } : { kind };
  for (const name in input) {
    const value = input[name];
    if (value === undefined) continue;
    const spec: FieldSpec | undefined = fields[name];
    if (!spec) throw new PlanError('unknown-field', `${kind} has no field "${name}"; it has ${Object.keys(fields).join(', ')}.`, { ...where, field: name });
    out[name] = validateField(spec, name, value, where);
    if (spec.type === 'ref' && out[name] !== null) tree.liveEntity(spec.refKind!, out[name] as string);
  }
  if (creating) {
    for (const [name, spec] of Object.entries(fields)) {
      if (spec.required && out[name] === undefined) throw new PlanError('required', `${an('new ' + kind, true)} needs ${name}.`, { kind, field: name });
    }
  }
  return out;
}
