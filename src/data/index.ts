export * from "./read-csv";
export * from "./load-mall";
export * from "./fetch";
export * from "./dirty";
export * from "./describe";
export * from "./missing-values";
export * from "./customer-table";
export * from "./check-degenerate";
