// Both kernels the course supports are registered inside the project's .venv (not in the user's
// ~/.local), each pointing at this project's own copy: tslab from node_modules/.bin/tslab (patched),
// Deno from node_modules/.bin/deno (the npm package `deno`, pinned in package.json).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";

const ROOT = path.resolve(__dirname, "..");
const VENV = path.join(ROOT, ".venv");

interface KernelSpecs {
  kernelspecs: Record<
    string,
    { resource_dir: string; spec: { argv: string[]; display_name: string; language: string } }
  >;
}

describe("kernelspecs in .venv", () => {
  const run = spawnSync(path.join(VENV, "bin", "jupyter"), ["kernelspec", "list", "--json"], {
    encoding: "utf8",
    timeout: 60_000,
  });
  const specs = run.status === 0 ? (JSON.parse(run.stdout) as KernelSpecs).kernelspecs : {};
  const expected = [
    { name: "tslab", bin: path.join(ROOT, "node_modules", ".bin", "tslab"), display: "TypeScript" },
    { name: "deno", bin: path.join(ROOT, "node_modules", ".bin", "deno"), display: "Deno" },
  ];
  for (const { name, bin, display } of expected) {
    it(`${name}: in .venv, running this project's ${path.relative(ROOT, bin)}`, () => {
      assert.equal(run.status, 0, run.stderr);
      const found = specs[name];
      assert.ok(found, `no ${name} kernelspec (found: ${Object.keys(specs).join(", ")})`);
      assert.equal(
        path.relative(VENV, found.resource_dir).startsWith(".."),
        false,
        `${found.resource_dir} is outside .venv`,
      );
      assert.equal(found.spec.argv[0], bin);
      assert.equal(found.spec.display_name, display);
      assert.equal(found.spec.language, "typescript");
    });
  }
  it("the deno binary is the pinned npm package's", () => {
    const version = spawnSync(path.join(ROOT, "node_modules", ".bin", "deno"), ["--version"], { encoding: "utf8" });
    const pinned = (require(path.join(ROOT, "package.json")) as { devDependencies: Record<string, string> })
      .devDependencies.deno;
    assert.match(version.stdout, new RegExp(`^deno ${pinned!.replace(/\./g, "\\.")} `));
  });
});
