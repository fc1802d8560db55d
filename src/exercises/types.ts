import type { CourseData } from "./course-data";

/** How an answer fared: right, wrong (with a hint), or not given yet. */
export type CheckStatus = "correct" | "incorrect" | "unanswered";

/** The result of {@link Exercise.check}: `ok` only for a right answer; `message` never states the solution. */
export interface Check {
  /** The exercise, e.g. `"04.2"`. */
  id: string;
  ok: boolean;
  status: CheckStatus;
  /** One line: a confirmation, the hint for the mistake found, or how to answer. */
  message: string;
}

/** One field of a structured answer and the type it must have at run time. */
export type FieldKind = "number" | "string" | "number[]";

/**
 * One exercise as a chapter file defines it. `judge` computes the right answer itself, from the library and the
 * course data, and returns `null` for a right answer or the hint for the mistake it recognises.
 */
export interface ExerciseDefinition<A> {
  /** The question, short. */
  prompt: string;
  /** What the answer looks like, for the "not answered yet" line, e.g. `{ band, customers }`. */
  answerForm: string;
  /** The answer's type at run time: one kind, or one kind per field of an object. */
  shape: FieldKind | Record<string, FieldKind>;
  /** `null` when the answer is right, else a hint that names the likely mistake (never the solution). */
  judge(answer: A, data: CourseData): Promise<string | null>;
}
