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
export type { Chapter01Answers } from "./chapter-01";
export type { Chapter02Answers } from "./chapter-02";
export type { Chapter03Answers } from "./chapter-03";
export type { Chapter04Answers } from "./chapter-04";
export type { Chapter05Answers } from "./chapter-05";
export type { Chapter06Answers } from "./chapter-06";
export type { Chapter07Answers } from "./chapter-07";
export type { Chapter08Answers } from "./chapter-08";
