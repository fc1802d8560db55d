export * from "./read-csv";
export * from "./load-mall";
export * from "./fetch";
export * from "./dirty";
export * from "./describe";
