export * from "./build-report";
export * from "./build-drift-report";
export * from "./report-rules";
