export * from "./bands";
export * from "./psi";
export * from "./categorical-stability";
export * from "./migration";
export * from "./outcomes";
export * from "./drift";
export * from "./drift-experiment";
export * from "./run-drift";
