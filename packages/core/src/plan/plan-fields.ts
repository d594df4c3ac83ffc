// Changing the plan's own fields (title, period, status…): the period is given as one value and stored as two.
import { validateField, writeField } from '../document/field-codec.js';
import { PlanError } from '../schema/errors.js';
import { META_FIELDS } from '../schema/schema.js';
import type { PlanContext } from './plan-context.js';
import type { PlanPatch } from './plan-options.js';

/** Checks every field of `patch`, then writes them all in one transaction. */
export function updatePlanFields(ctx: PlanContext, patch: PlanPatch): void {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (name === 'period') {
      if (value === null) {
        values.periodStart = null;
        values.periodEnd = null;
        continue;
      }
      const p = value as { start?: unknown; end?: unknown };
      values.periodStart = validateField(META_FIELDS.periodStart!, 'period.start', p?.start, { kind: 'plan' });
      values.periodEnd = validateField(META_FIELDS.periodEnd!, 'period.end', p?.end, { kind: 'plan' });
      if ((values.periodEnd as string) < (values.periodStart as string))
        throw new PlanError('invalid-date', `plan.period ends (${p.end}) before it starts (${p.start}); give an end on or after the start.`, { kind: 'plan', field: 'period' });
      continue;
    }
    const spec = META_FIELDS[name];
    if (!spec || name === 'periodStart' || name === 'periodEnd')
      throw new PlanError(
        'unknown-field',
        `The plan has no field "${name}"; it has ${Object.keys(META_FIELDS)
          .filter((f) => !f.startsWith('period'))
          .concat('period')
          .join(', ')}.`,
        {
          kind: 'plan',
          field: name,
        },
      );
    values[name] = validateField(spec, name, value, { kind: 'plan' });
  }
  ctx.transact(() => {
    for (const [name, value] of Object.entries(values)) writeField(ctx.layout.meta, META_FIELDS[name]!, name, value);
    ctx.stamp(ctx.layout.meta, false);
  });
}
