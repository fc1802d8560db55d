export * from "./pca";
