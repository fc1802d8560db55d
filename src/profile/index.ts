export * from "./profile-segments";
export * from "./name-segments";
export * from "./recommend-segments";
export * from "./pseudonymise-ids";
export * from "./to-csv";
export * from "./bootstrap-segments";
