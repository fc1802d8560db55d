/** Strict input reading: the UTF-8 scanner agrees with Node's own validator, and the chunked file check with both. */
import assert from "node:assert/strict";
import { isUtf8 } from "node:buffer";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { seededRandom } from "../src/core/random";
import { firstInvalidUtf8, firstInvalidUtf8InFile, isUtf8File } from "../src/io/read-input";

test("firstInvalidUtf8 agrees with buffer.isUtf8 on 3,000 random byte strings, and its offset is the first bad byte", () => {
  const random = seededRandom(9);
  const alphabet = [
    0x41, 0x0a, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0x80, 0xc0, 0xff, 0xf5,
  ];
  for (let t = 0; t < 3000; t++) {
    const bytes = Buffer.from(
      Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]!),
    );
    const bad = firstInvalidUtf8(bytes);
    assert.equal(bad === -1, isUtf8(bytes), bytes.toString("hex"));
    if (bad >= 0) {
      assert.ok(isUtf8(bytes.subarray(0, bad)), `prefix before ${bad} of ${bytes.toString("hex")}`);
    }
  }
});

test("isUtf8File and firstInvalidUtf8InFile across a 4 MiB chunk boundary", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "read-input-"));
  try {
    const good = path.join(dir, "good.csv");
    const head = Buffer.alloc((4 << 20) - 1, 0x61);
    fs.writeFileSync(good, Buffer.concat([head, Buffer.from("é€😀\n", "utf8")])); // "é" straddles the boundary
    assert.equal(isUtf8File(good), true);
    assert.equal(firstInvalidUtf8InFile(good), undefined);
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, Buffer.concat([Buffer.from("a\nb\n"), head, Buffer.from([0xe9, 0x0a])]));
    assert.equal(isUtf8File(bad), false);
    assert.deepEqual(firstInvalidUtf8InFile(bad), { offset: 4 + head.length, byte: 0xe9, line: 3 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
