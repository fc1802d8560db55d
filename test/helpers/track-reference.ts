import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { venvPython } from "./retail";

/** True when the project's .venv (numpy, pandas) is there to recompute the references. */
export const haveVenv = fs.existsSync(venvPython);

/** Run test/fixtures/track_reference.py in `mode` on `spec` (passed as a JSON file) and parse its JSON answer. */
export function trackReference<T>(mode: string, spec: unknown): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "track-ref-"));
  try {
    const file = path.join(dir, "spec.json");
    fs.writeFileSync(file, JSON.stringify(spec));
    const script = path.join(__dirname, "..", "fixtures", "track_reference.py");
    return JSON.parse(execFileSync(venvPython, [script, mode, file], { encoding: "utf8", maxBuffer: 256 << 20 })) as T;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
