export * from "./kmeans";
export * from "./kmeans-predict";
export * from "./agglomerative";
export * from "./dbscan";
export * from "./k-distances";
export * from "./gmm";
