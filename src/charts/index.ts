export * from "./figure";
export * from "./show";
