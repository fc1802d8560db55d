export * from "./errors";
export * from "./matrix";
export * from "./random";
export * from "./quantile";
