export type { Check, CheckStatus } from "./types";
export {
  type ExerciseAnswers,
  type ExerciseId,
  type ExerciseOptions,
  type Exercise,
  EXERCISE_IDS,
  EXERCISES_STRICT_ENV,
  ExerciseError,
  exercise,
} from "./exercise";
