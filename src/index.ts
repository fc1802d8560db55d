/**
 * mall-segments: customer segmentation in TypeScript.
 * Stages, in the order the notebooks use them: data → preprocess → cluster → evaluate → reduce →
 * profile → rules → charts → report.
 */
export * from "./core";
export * from "./data";
export * from "./preprocess";
export * from "./cluster";
export * from "./evaluate";
export * from "./reduce";
export * from "./profile";
export * from "./charts";
export * from "./report";
export * from "./rfm";
export * from "./rules";
