export * from "./build-report";
