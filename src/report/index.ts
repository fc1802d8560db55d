export * from "./build-report";
export * from "./report-pca";
export * from "./build-drift-report";
