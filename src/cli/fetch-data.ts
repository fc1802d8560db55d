#!/usr/bin/env node
/** `node dist/cli/fetch-data.js`: make every data set of data/manifest.json present and verified. */
import path from "node:path";
import { fetchDataset, readManifest } from "../data/fetch";

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..", "..");
  const dataDir = path.join(root, "data");
  for (const entry of readManifest(path.join(dataDir, "manifest.json"))) {
    const { source } = await fetchDataset(entry, { dataDir });
    console.log(`setup: data ${entry.file}: ${source === "present" ? "up to date" : source} (sha256 ok)`);
  }
}

main().catch((err: Error) => {
  console.error(`setup: data: ${err.name}: ${err.message}`);
  process.exit(2);
});
