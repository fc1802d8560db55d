import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { ChecksumError } from "../src/core/errors";
import { type DatasetEntry, fetchDataset, normalisedSha256, readManifest } from "../src/data/fetch";
import { dataFile } from "./helpers/data-files";

const LF = "a,b\n1,2\n";
const entry: DatasetEntry = {
  file: "t.csv",
  sha256: createHash("sha256").update(LF).digest("hex"),
  urls: ["https://example.invalid/t.csv"],
};
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "fetch-"));
const noDownload = async (url: string): Promise<Uint8Array> => {
  throw new Error(`offline (${url})`);
};

describe("fetchDataset", () => {
  it("hashes CRLF and LF text alike", () => {
    assert.equal(normalisedSha256(Buffer.from("a,b\r\n1,2\r\n")), entry.sha256);
  });

  it("keeps a valid file already in the data folder", async () => {
    const dataDir = tmp();
    fs.writeFileSync(path.join(dataDir, "t.csv"), LF);
    assert.deepEqual(await fetchDataset(entry, { dataDir, sourceDir: "", download: noDownload }), {
      path: path.join(dataDir, "t.csv"),
      source: "present",
    });
  });

  it("refuses a file in the data folder whose sha256 differs, never using it", async () => {
    const dataDir = tmp();
    fs.writeFileSync(path.join(dataDir, "t.csv"), "a,b\n1,3\n");
    await assert.rejects(
      fetchDataset(entry, { dataDir, download: noDownload }),
      (e: unknown) => e instanceof ChecksumError && /does not match/.test(e.message),
    );
  });

  it("copies from MALL_SEGMENTS_DATA_DIR, storing LF line endings", async () => {
    const [dataDir, sourceDir] = [tmp(), tmp()];
    fs.writeFileSync(path.join(sourceDir, "t.csv"), "a,b\r\n1,2\r\n");
    const result = await fetchDataset(entry, { dataDir, sourceDir, download: noDownload });
    assert.equal(result.source, "copied");
    assert.equal(fs.readFileSync(result.path, "utf8"), LF);
  });

  it("downloads when no copy exists, and rejects a download with the wrong sha256", async () => {
    const dataDir = tmp();
    const got = await fetchDataset(entry, { dataDir, sourceDir: "", download: async () => Buffer.from(LF) });
    assert.equal(got.source, "downloaded");
    await assert.rejects(
      fetchDataset(entry, { dataDir: tmp(), sourceDir: "", download: async () => Buffer.from("tampered") }),
      /sha256 .* does not match/,
    );
    assert.equal(fs.readdirSync(dataDir).filter((f) => f.endsWith(".tmp")).length, 0);
  });

  it("names every place it looked when nothing is found", async () => {
    await assert.rejects(
      fetchDataset(entry, { dataDir: tmp(), sourceDir: tmp(), download: noDownload }),
      /not found[\s\S]*offline/,
    );
  });

  it("the manifest's checksums match the shared copies", () => {
    const manifest = readManifest(path.resolve(__dirname, "..", "data", "manifest.json"));
    assert.deepEqual(
      manifest.map((d) => d.file),
      ["Mall_Customers.csv", "online_retail_sample.csv"],
    );
    for (const d of manifest) assert.equal(normalisedSha256(fs.readFileSync(dataFile(d.file))), d.sha256, d.file);
  });
});
