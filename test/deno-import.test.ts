// The package imports by name from Deno, as from Node: package.json has an `exports` map (Deno
// resolves a package's own name through it) and `"type": "commonjs"` (Deno treats .js files as ES
// modules unless told; without it `import … from "mall-segments"` failed with
// "ReferenceError: exports is not defined").
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";

const ROOT = path.resolve(__dirname, "..");
const DENO = path.join(ROOT, "node_modules", ".bin", "deno");

function denoEval(code: string) {
  return spawnSync(DENO, ["eval", "--ext=ts", code], {
    cwd: path.join(ROOT, "notebooks"),
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
  });
}

describe("mall-segments in Deno", () => {
  it("imports by name (named imports and a namespace) and runs", () => {
    const run = denoEval(
      'import { kmeans, displayBundle, runningKernel } from "mall-segments";\n' +
        'import * as ms from "mall-segments";\n' +
        "const fit = kmeans([[0, 0], [0, 1], [9, 9], [9, 10]], { k: 2, seed: 1 });\n" +
        'const bundle = displayBundle({ data: [], layout: { title: { text: "t" } } });\n' +
        'console.log(JSON.stringify({ same: fit.labels[0] === fit.labels[1], apart: fit.labels[0] !== fit.labels[2], plain: bundle["text/plain"], kernel: runningKernel() ?? null, ns: typeof ms.show }));',
    );
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      same: true,
      apart: true,
      plain: "<Plotly figure: t>",
      kernel: null,
      ns: "function",
    });
  });
  it("show() outside a kernel is a KernelError there too", () => {
    const run = denoEval(
      'import { show } from "mall-segments";\ntry { await show({ data: [], layout: {} }); } catch (e) { console.log((e as Error).name); }',
    );
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), "KernelError");
  });
});
