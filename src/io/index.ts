export * from "./read-input";
export * from "./output-place";
export * from "./output-writer";
