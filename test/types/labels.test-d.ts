// Type-level tests: checked by `tsc` (npm run typecheck), never executed.
import { expectTypeOf } from "vitest";
import type { ContactCardLabels, ContactLabelOverrides, FlowIQErrorCode } from "../../src/index.js";
import { defaultContactCardLabels } from "../../src/index.js";

// Error labels are keyed by FlowIQErrorCode: every code, and only codes.
expectTypeOf<keyof ContactCardLabels["errors"]>().toEqualTypeOf<FlowIQErrorCode>();

const { session_refused: _dropped, ...withoutOne } = defaultContactCardLabels.errors;

// A label set missing one code's words does not build.
// @ts-expect-error session_refused has no title and sentence
export const missing: ContactCardLabels["errors"] = withoutOne;

// Nor does a whole set with a code left out.
// @ts-expect-error errors lacks session_refused
export const incomplete: ContactCardLabels = { ...defaultContactCardLabels, errors: withoutOne };

// A code that does not exist is not a label either.
// @ts-expect-error no such code
export const unknown: ContactLabelOverrides = { errors: { sign_in_required: { title: "?" } } };

// Labels are plain data: a function is not a label.
// @ts-expect-error moreTags takes plural forms, not a function
export const fn: ContactLabelOverrides = { moreTags: (n: number) => `+${n}` };

// Overrides may give part of a group, or one half of an error's words.
export const partial: ContactLabelOverrides = { errors: { unauthorized: { title: "Key refused" } }, moreTags: { one: "+{count} weiteres" } };
