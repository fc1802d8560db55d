export * from "./transactions";
export * from "./features";
