export * from "./build-report";
export * from "./build-drift-report";
