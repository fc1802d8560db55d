import { displayMime, runningKernel } from "../charts/display";
import { ArgumentError } from "../core/errors";
import { validateAnswer } from "./answer-shape";
import { type Chapter01Answers, chapter01 } from "./chapter-01";
import { type Chapter02Answers, chapter02 } from "./chapter-02";
import { type Chapter03Answers, chapter03 } from "./chapter-03";
import { type Chapter04Answers, chapter04 } from "./chapter-04";
import { type Chapter05Answers, chapter05 } from "./chapter-05";
import { type Chapter06Answers, chapter06 } from "./chapter-06";
import { type Chapter07Answers, chapter07 } from "./chapter-07";
import { type Chapter08Answers, chapter08 } from "./chapter-08";
import { COURSE_DATA_DIR, courseData } from "./course-data";
import { checkHtml, checkText } from "./check-display";
import type { Check, ExerciseDefinition } from "./types";

/** Every exercise's answer type, by id ("NN.M": chapter NN, question M of its Exercises list). */
export type ExerciseAnswers = Chapter01Answers &
  Chapter02Answers &
  Chapter03Answers &
  Chapter04Answers &
  Chapter05Answers &
  Chapter06Answers &
  Chapter07Answers &
  Chapter08Answers;

/** The id of a checkable exercise, e.g. `"04.2"`. */
export type ExerciseId = keyof ExerciseAnswers;

const EXERCISES: { [I in ExerciseId]: ExerciseDefinition<ExerciseAnswers[I]> } = {
  ...chapter01,
  ...chapter02,
  ...chapter03,
  ...chapter04,
  ...chapter05,
  ...chapter06,
  ...chapter07,
  ...chapter08,
};

/** The ids of every checkable exercise, in course order. */
export const EXERCISE_IDS = Object.keys(EXERCISES).sort() as ExerciseId[];

/** The environment variable that makes a wrong or missing answer throw (set by `run_notebooks.py --solutions`). */
export const EXERCISES_STRICT_ENV = "MALL_SEGMENTS_EXERCISES_STRICT";

export interface ExerciseOptions {
  /** The folder of the course data sets. @default the package's `data/` folder */
  dataDir?: string;
  /** Show the result as a cell output. @default true inside a tslab or Deno kernel, false elsewhere */
  display?: boolean;
  /** Throw an {@link ExerciseError} unless the answer is right. @default process.env.MALL_SEGMENTS_EXERCISES_STRICT === "1" */
  strict?: boolean;
}

/** A checkable exercise: its question and a check that computes the right answer itself. */
export interface Exercise<A> {
  id: ExerciseId;
  /** The question, short. */
  prompt: string;
  /**
   * Check an answer: a ✓, a ✗ with a hint for the mistake (never the solution), or "not answered yet" for
   * `undefined`. Shown as a cell output in a notebook.
   * @throws {ExerciseError} in strict mode, unless the answer is right.
   */
  check(answer: A | undefined): Promise<Check>;
}

/** A wrong or missing answer in strict mode (the solutions run). */
export class ExerciseError extends Error {
  override name = "ExerciseError";
}

/**
 * The exercise `id` of the course, to check an answer in its notebook.
 *
 * @param id - `"NN.M"`: chapter NN, question M of the chapter's Exercises (see {@link EXERCISE_IDS}).
 * @param options - `dataDir`, `display`, `strict`; see {@link ExerciseOptions}.
 * @returns the exercise, with `prompt` and `check(answer)`.
 * @throws {ArgumentError} for an unknown id.
 * @example
 * await exercise("01.1").check(undefined); // shows "… 01.1 not answered yet: …", resolves { ok: false, … }
 */
export function exercise<I extends ExerciseId>(id: I, options: ExerciseOptions = {}): Exercise<ExerciseAnswers[I]> {
  const definition = EXERCISES[id] as ExerciseDefinition<ExerciseAnswers[I]> | undefined;
  if (!definition) throw new ArgumentError(`exercise: unknown id "${id}"; the ids are ${EXERCISE_IDS.join(", ")}`);
  const settings = {
    dataDir: options.dataDir ?? COURSE_DATA_DIR,
    display: options.display ?? runningKernel() !== undefined,
    strict: options.strict ?? process.env[EXERCISES_STRICT_ENV] === "1",
  };
  return {
    id,
    prompt: definition.prompt,
    check: async (answer) => {
      const result = await judged(id, definition, answer, settings.dataDir);
      if (settings.display) await displayMime({ "text/html": checkHtml(result), "text/plain": checkText(result) });
      if (settings.strict && !result.ok) throw new ExerciseError(checkText(result));
      return result;
    },
  };
}

/** The check of a validated or missing answer; assumes a known exercise. */
async function judged<A>(
  id: ExerciseId,
  definition: ExerciseDefinition<A>,
  answer: A | undefined,
  dataDir: string,
): Promise<Check> {
  if (answer === undefined || answer === null) {
    const message = `not answered yet: set your answer (${definition.answerForm}) and run the cell again.`;
    return { id, ok: false, status: "unanswered", message };
  }
  const problem = validateAnswer(answer, definition.shape, definition.answerForm);
  if (problem) return { id, ok: false, status: "incorrect", message: problem };
  const hint = await definition.judge(answer, courseData(dataDir));
  return hint === null
    ? { id, ok: true, status: "correct", message: "correct." }
    : { id, ok: false, status: "incorrect", message: hint };
}
