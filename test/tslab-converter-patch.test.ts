// The patch in patches/tslab+1.0.22.patch: tslab's cell converter rewrites a reference to an earlier
// cell's variable as `exports.name`; it missed the name of a shorthand property (`{ k }`), so the
// emitted cell referred to a variable that does not exist, and it rewrote the property name of a
// destructuring pattern (`{ k: kk } = opts`) when `opts` came from an earlier cell. These tests convert cells with tslab's own
// converter (the code the kernel runs) and execute the output as the kernel does, one shared
// `exports` per session; the live-kernel checks are in kernel-idioms.test.ts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createConverter } from "tslab/dist/converter";

/** Convert and run cells in order, as a tslab session does; returns the session's variables. */
function runCells(cells: string[]): Record<string, unknown> {
  const converter = createConverter();
  const scope: Record<string, unknown> = {};
  let decls = "";
  try {
    for (const [i, src] of cells.entries()) {
      const out = converter.convert(decls, src);
      assert.deepEqual(out.diagnostics, [], `cell ${i + 1}: ${src}`);
      new Function("exports", "require", out.output ?? "")(scope, require);
      decls = out.declOutput ?? "";
    }
  } finally {
    converter.close();
  }
  return scope;
}

describe("tslab converter: shorthand over an earlier cell's variable", () => {
  it("{ k } reads the earlier k (was: ReferenceError: k is not defined)", () => {
    const scope = runCells(["const k = 5;", "const options = { k, seed: 42 };"]);
    assert.deepEqual(scope.options, { k: 5, seed: 42 });
  });
  it("emits { k: exports.k } for an earlier variable and leaves the cell's own shorthand alone", () => {
    const converter = createConverter();
    try {
      const first = converter.convert("", "const k = 5;");
      const second = converter.convert(first.declOutput ?? "", "const own = 1;\nconst o = { k, own };");
      assert.match(second.output ?? "", /\{ k: exports\.k, own \}/);
    } finally {
      converter.close();
    }
  });
  it("works as a call argument, nested, and after a re-run cell redefined the variable", () => {
    const scope = runCells([
      "const k = 3;",
      "const k = 4;",
      "function fit(o: { k: number; init: { k: number } }) { return o.k * 10 + o.init.k; }",
      "const score = fit({ k, init: { k } });",
    ]);
    assert.equal(scope.score, 44);
  });
  it("keeps a default in a destructuring assignment to an earlier let", () => {
    const scope = runCells(["let d = 1;", "({ d = 7 } = {} as { d?: number });"]);
    assert.equal(scope.d, 7);
  });
  it("does not touch a parameter of the same name", () => {
    const scope = runCells(["const k = 5;", "const f = (k: number) => ({ k });", "const r = f(9);"]);
    assert.deepEqual(scope.r, { k: 9 });
  });
});

describe("tslab converter: destructuring an earlier cell's object", () => {
  it("renamed properties and rest (was: SyntaxError: Identifier 'exports' has already been declared)", () => {
    const scope = runCells(["const opts = { k: 5, seed: 42 };", "const { k: kk, ...rest } = opts;"]);
    assert.equal(scope.kk, 5);
    assert.deepEqual(scope.rest, { seed: 42 });
  });
  it("property names of an earlier interface stay property names", () => {
    const scope = runCells([
      "interface Opts { k: number; seed?: number }\nconst base: Opts = { k: 2 };",
      "const { k: size = 0, seed: s = 1 }: Opts = base;\nconst again: Opts = { k: size + s };",
    ]);
    assert.deepEqual(scope.again, { k: 3 });
  });
  it("still rewrites earlier functions, classes, enums and imports", () => {
    const scope = runCells([
      'import { basename } from "node:path";\nfunction twice(x: number) { return 2 * x; }\nclass Box { constructor(public v: number) {} }\nenum Level { Low = 1, High = 3 }',
      'const out = [twice(Level.High), new Box(4).v, basename("/a/b.txt")];',
    ]);
    assert.deepEqual(scope.out, [6, 4, "b.txt"]);
  });
});
