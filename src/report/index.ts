export * from "./build-report";
export * from "./report-pca";
export * from "./html-parts";
export * from "./build-drift-report";
