#!/usr/bin/env node
/**
 * Build src/ → dist/ (CommonJS + .d.ts) as `npm run build` and the set-up both do: the WebAssembly kernels
 * (scripts/build-wasm.mjs), a fresh dist/, the TypeScript compiler on tsconfig.build.json, the .wasm files beside
 * their modules, the SQL files of src/rfm/sql/ copied beside the compiled modules that read them,
 * and the `segment` bin made executable.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");

const wasm = spawnSync(process.execPath, [path.join(root, "scripts", "build-wasm.mjs")], { stdio: "inherit" });
if (wasm.status !== 0) process.exit(wasm.status ?? 1);
fs.rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"],
  {
    cwd: root,
    stdio: "inherit",
  },
);
if (tsc.status !== 0) {
  console.error("build: tsc failed");
  process.exit(tsc.status ?? 1);
}
for (const entry of fs.readdirSync(path.join(root, "src"), { recursive: true })) {
  if (!String(entry).endsWith(".sql") && !String(entry).endsWith(".wasm")) continue;
  fs.mkdirSync(path.dirname(path.join(dist, entry)), { recursive: true });
  fs.copyFileSync(path.join(root, "src", entry), path.join(dist, entry));
}
fs.chmodSync(path.join(dist, "cli", "segment.js"), 0o755); // the package's `bin`
