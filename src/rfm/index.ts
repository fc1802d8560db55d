export * from "./transactions";
export * from "./features";
export * from "./scoring";
export * from "./segments";
export * from "./cluster-rfm";
export * from "./compare-groupings";
export * from "./rfm-command";
export * from "./synthetic-transactions";
