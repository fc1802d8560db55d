import type { FieldKind } from "./types";

function kindOf(value: unknown, kind: FieldKind): boolean {
  switch (kind) {
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "string":
      return typeof value === "string";
    case "number[]":
      return Array.isArray(value) && value.every((v) => typeof v === "number" && Number.isFinite(v));
    default: {
      const unknownKind: never = kind;
      throw new Error(`answer-shape: unknown kind ${String(unknownKind)}`);
    }
  }
}

/**
 * Check an answer's shape at run time (a notebook may be run without its type check).
 *
 * @param answer - what the learner gave, not undefined.
 * @param shape - one kind, or one kind per field of an object.
 * @param form - the expected form in words, for the message.
 * @returns `null` when the shape fits, else a message naming the field that does not.
 */
export function validateAnswer(
  answer: unknown,
  shape: FieldKind | Record<string, FieldKind>,
  form: string,
): string | null {
  if (typeof shape === "string") return kindOf(answer, shape) ? null : `the answer must be ${form}.`;
  if (typeof answer !== "object" || answer === null || Array.isArray(answer))
    return `the answer must be an object ${form}.`;
  const fields = answer as Record<string, unknown>;
  for (const [name, kind] of Object.entries(shape)) {
    if (!(name in fields)) return `the answer has no field "${name}"; it must be ${form}.`;
    if (!kindOf(fields[name], kind))
      return `the field "${name}" must be a ${kind === "number[]" ? "list of numbers" : kind}.`;
  }
  return null;
}
