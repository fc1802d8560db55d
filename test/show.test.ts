import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Figure } from "../src/charts/figure";
import { PLOTLY_MIME, displayBundle, show } from "../src/charts/show";

const figure: Figure = {
  data: [{ type: "scatter", mode: "markers", x: [1, 2], y: [3, 4], name: "</script><b>" }],
  layout: { title: { text: "Income × spending" }, height: 300 },
};

describe("displayBundle", () => {
  const bundle = displayBundle(figure);
  it("carries the Plotly mime type, an HTML fallback and a text summary in one bundle", () => {
    assert.deepEqual(Object.keys(bundle).sort(), [PLOTLY_MIME, "text/html", "text/plain"].sort());
    const json = bundle[PLOTLY_MIME] as Figure;
    assert.deepEqual(json.data, figure.data);
    assert.equal(json.config?.displaylogo, false);
    assert.equal(bundle["text/plain"], "<Plotly figure: Income × spending>");
  });
  it("keeps plotly.js itself out of the output", () => {
    assert.ok(JSON.stringify(bundle).length < 2000);
    assert.doesNotMatch(bundle["text/html"] as string, /<script[^>]+src=/);
  });
  it("draws with window.Plotly and cannot be broken out of by data", () => {
    const html = bundle["text/html"] as string;
    assert.match(html, /window\.Plotly\.newPlot\("ms-[0-9a-f]{12}",fig\)/);
    assert.equal(html.match(/<\/script>/g)?.length, 1);
    assert.match(html, /height:300px/);
  });
  it("is deterministic, and differs between figures", () => {
    assert.deepEqual(displayBundle(figure), bundle);
    const other = displayBundle({ ...figure, data: [{ type: "bar", x: [1], y: [1] }] });
    assert.notEqual(other["text/html"], bundle["text/html"]);
  });
  it("keeps animation frames", () => {
    const animated = displayBundle({ ...figure, frames: [{ name: "0", data: [] }] });
    assert.equal((animated[PLOTLY_MIME] as Figure).frames?.length, 1);
  });
});

describe("show", () => {
  it("refuses to run outside a kernel, with a named error", () =>
    assert.throws(() => show(figure), { name: "KernelError", message: /displayMime: no Jupyter kernel is running/ }));
});
