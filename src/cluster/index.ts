export {};
export * from "./agglomerative";
export * from "./dbscan";
export * from "./k-distances";
