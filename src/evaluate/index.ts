export * from "./silhouette";
export * from "./davies-bouldin";
export * from "./calinski-harabasz";
export * from "./adjusted-rand";
export * from "./inertia";
