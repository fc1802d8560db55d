// Kernel detection and the one-bundle display in each kernel, with each kernel's channel replaced by a
// recorder; the live kernels are exercised by kernel-idioms.test.ts and the notebook runs.
import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import type { Figure } from "../src/charts/figure";
import { displayHtml, displayMarkdown, displayMime, runningKernel } from "../src/charts/display";
import { displayBundle, show } from "../src/charts/show";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tslabJupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };
const globals = globalThis as { Deno?: unknown };
const figure: Figure = { data: [{ type: "bar", x: ["a"], y: [1] }], layout: { title: { text: "Sizes" } } };

afterEach(() => {
  delete globals.Deno;
  tslabJupyter.lastWriteDisplayData = null;
});

/** A Deno.jupyter whose display, like Deno's, sends only after a turn of the event loop. */
function fakeDeno(): { bundle: unknown; options: unknown }[] {
  const sent: { bundle: unknown; options: unknown }[] = [];
  const display = (bundle: unknown, options: unknown) =>
    new Promise<void>((resolve) => setImmediate(() => resolve(void sent.push({ bundle, options }))));
  globals.Deno = { jupyter: { display } };
  return sent;
}

function fakeTslab(): { data: unknown; update: boolean }[] {
  const sent: { data: unknown; update: boolean }[] = [];
  tslabJupyter.lastWriteDisplayData = (data: unknown, update: boolean) => void sent.push({ data, update });
  return sent;
}

describe("runningKernel", () => {
  it("is undefined in plain Node", () => assert.equal(runningKernel(), undefined));
  it("sees tslab's display channel", () => {
    fakeTslab();
    assert.equal(runningKernel(), "tslab");
  });
  it("is undefined in Deno outside its kernel, where reading Deno.jupyter throws", () => {
    globals.Deno = {
      get jupyter(): never {
        throw new Error("Deno.jupyter is only available in `deno jupyter` subcommand");
      },
    };
    assert.equal(runningKernel(), undefined);
    assert.throws(() => displayHtml("x"), { name: "KernelError" });
  });
  it("sees Deno.jupyter, and prefers it", () => {
    fakeTslab();
    fakeDeno();
    assert.equal(runningKernel(), "deno");
  });
});

describe("displayMime, show and the HTML/Markdown helpers", () => {
  it("send the same single bundle through Deno.jupyter.display, raw, and resolve once Deno has sent it", async () => {
    const sent = fakeDeno();
    await show(figure);
    await displayHtml("<b>5</b>");
    await displayMarkdown("- five");
    assert.deepEqual(sent, [
      { bundle: displayBundle(figure), options: { raw: true } },
      { bundle: { "text/html": "<b>5</b>" }, options: { raw: true } },
      { bundle: { "text/markdown": "- five" }, options: { raw: true } },
    ]);
  });
  it("send the same single bundle through tslab, as a new output, at once", async () => {
    const sent = fakeTslab();
    const shown = show(figure);
    assert.equal(sent.length, 1, "sent before the promise is awaited");
    await shown;
    await displayHtml("<b>5</b>");
    assert.deepEqual(sent, [
      { data: { data: displayBundle(figure), metadata: {}, transient: {} }, update: false },
      { data: { data: { "text/html": "<b>5</b>" }, metadata: {}, transient: {} }, update: false },
    ]);
  });
  it("throw a KernelError outside a kernel", () => {
    assert.throws(() => displayMime({ "text/plain": "x" }), {
      name: "KernelError",
      message: /no Jupyter kernel is running/,
    });
    assert.throws(() => displayHtml("<b>5</b>"), { name: "KernelError" });
  });
});
