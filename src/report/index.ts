export * from "./build-report";
export * from "./report-pca";
export * from "./report-rules";
