import fs from "node:fs";
import path from "node:path";

/** This package's version (from its package.json), recorded in the files the commands write; "0.0.0" if unreadable. */
export function packageVersion(): string {
  try {
    return (
      JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }
    ).version;
  } catch {
    return "0.0.0";
  }
}
