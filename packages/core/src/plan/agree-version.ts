// Agreeing a version: the plan as it stands stored with who agreed it, and the plan's label moved on to it.
import { writeField } from '../document/field-codec.js';
import { newId } from '../document/ids.js';
import { storeVersion, validateVersionInput, type AgreeVersionInput } from '../document/version-store.js';
import { META_FIELDS } from '../schema/schema.js';
import type { PlanContext } from './plan-context.js';
import { buildSnapshot } from './snapshot-builder.js';

/** Records the plan now as version `input.label` and returns the version's id. */
export function agreeVersion(ctx: PlanContext, input: AgreeVersionInput): string {
  const valid = validateVersionInput(input, ctx.now());
  const id = newId(ctx.random);
  const snapshot = { ...buildSnapshot(ctx.layout), versionLabel: valid.label };
  ctx.transact(() => {
    storeVersion(ctx.layout, id, valid, snapshot, ctx.user);
    writeField(ctx.layout.meta, META_FIELDS.versionLabel!, 'versionLabel', valid.label);
    ctx.stamp(ctx.layout.meta, false);
  });
  return id;
}
