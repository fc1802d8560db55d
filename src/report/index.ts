export * from "./build-report";
export * from "./report-pca";
