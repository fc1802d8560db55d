export * from "./scaler";
export * from "./standard-scale";
export * from "./min-max-scale";
export * from "./robust-scale";
export * from "./scale-features";
export * from "./clean";
export * from "./one-hot";
