export * from "./segment-model";
export * from "./validate-model";
export * from "./score-model";
export * from "./model-sql";
export * from "./read-model-table";
