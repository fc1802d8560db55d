export * from "./tree";
export * from "./tree-rules";
export * from "./explain-segments";
export * from "./unscale-tree";
export { bestImmCut, immTree, type ImmCut } from "./imm";
export * from "./rules-file";
