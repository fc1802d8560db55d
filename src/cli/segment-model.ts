/** The model file moved to the library (`src/model/segment-model.ts`); this re-export keeps `fit-segments.ts` compiling. */
export type { Algorithm } from "../model/segment-model";
