import assert from "node:assert/strict";
import { test } from "node:test";
import { clusters2dChart } from "../src/charts/clusters-2d";
import { clusters3dChart } from "../src/charts/clusters-3d";
import { dendrogramChart, type MergeRow } from "../src/charts/dendrogram";
import { clusterColor } from "../src/charts/figure";
import { covarianceEllipse, gmmEllipsesChart } from "../src/charts/gmm-ellipses";
import { kmeansAnimationChart, kmeansAnimationSteps } from "../src/charts/kmeans-animation";
import { assertClose } from "./helpers/assert-close";

// Loose type for reading back trace JSON.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

test("clusters2dChart: one trace per cluster, noise in grey, centroids last", () => {
  const X = [
    [0, 0],
    [1, 1],
    [5, 5],
    [9, 9],
  ];
  const fig = clusters2dChart(X, [0, 0, 1, -1], {
    centroids: [
      [0.5, 0.5],
      [5, 5],
    ],
    featureNames: ["income", "spending"],
    hoverText: ["a", "b", "c", "d"],
  });
  const traces = fig.data as Json[];
  assert.deepEqual(
    traces.map((t) => t.name),
    ["noise", "cluster 0", "cluster 1", "centroids"],
  );
  assert.deepEqual(traces[1]!.x, [0, 1]);
  assert.deepEqual(traces[1]!.text, ["a", "b"]);
  assert.equal(traces[0]!.marker.color, "#9e9e9e");
  assert.deepEqual(traces[3]!.marker.color, [clusterColor(0), clusterColor(1)]);
  assert.equal((fig.layout.xaxis as Json).title.text, "income");
});

test("clusters3dChart: scatter3d traces with the z column and scene titles", () => {
  const fig = clusters3dChart(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    [1, 0],
    { featureNames: ["age", "income", "spending"], clusterNames: ["young", "old"] },
  );
  const traces = fig.data as Json[];
  assert.deepEqual(
    traces.map((t) => [t.type, t.name, t.z]),
    [
      ["scatter3d", "young", [6]],
      ["scatter3d", "old", [3]],
    ],
  );
  assert.equal((fig.layout.scene as Json).zaxis.title.text, "spending");
});

test("kmeansAnimationChart: one frame per step, a play button and a slider step per frame", () => {
  const X = [
    [0, 0],
    [1, 0],
    [10, 0],
  ];
  const steps = [
    {
      labels: [0, 0, 1],
      centroids: [
        [0, 0],
        [10, 0],
      ],
    },
    {
      labels: [0, 1, 1],
      centroids: [
        [0, 0],
        [5.5, 0],
      ],
    },
  ];
  const fig = kmeansAnimationChart(X, steps);
  assert.equal(fig.frames!.length, 2);
  const frame1 = fig.frames![1]!.data as Json[];
  assert.deepEqual(frame1[0]!.marker.color, [clusterColor(0), clusterColor(1), clusterColor(1)]);
  assert.deepEqual(frame1[1]!.x, [0, 5.5]);
  const menu = (fig.layout.updatemenus as Json[])[0]!;
  assert.equal(menu.buttons[0].method, "animate");
  assert.equal(menu.buttons[0].args[0], null);
  assert.deepEqual(
    (fig.layout.sliders as Json[])[0]!.steps.map((s: Json) => s.args[0][0]),
    ["iteration 1", "iteration 2"],
  );
  assert.deepEqual((fig.data as Json[])[1]!.x, [0, 10]); // starts at step 1
  assert.throws(() => kmeansAnimationChart(X, []), /steps is empty/);
  assert.throws(() => kmeansAnimationChart(X, [{ labels: [0], centroids: [[0, 0]] }]), /has length 1, X has 3/);
});

// Leaves 0,1 at height 1; leaves 2,3 at height 1; then both pairs at 9 (scipy: [[0,1,1,2],[2,3,1,2],[4,5,9,4]]).
const merges: MergeRow[] = [
  [0, 1, 1, 2],
  [2, 3, 1, 2],
  [4, 5, 9, 4],
];

test("dendrogramChart: U shapes at the merge heights, leaves at 5, 15, 25, 35", () => {
  const fig = dendrogramChart(merges);
  const t = (fig.data as Json[])[0]!;
  // Merge 0 joins leaf 0 (x 5) and leaf 1 (x 15) at height 1; merge 2 joins node 4 (x 10) and node 5 (x 30) at 9.
  assert.deepEqual(t.x.slice(0, 5), [5, 5, 15, 15, null]);
  assert.deepEqual(t.y.slice(0, 5), [0, 1, 1, 0, null]);
  assert.deepEqual(t.x.slice(10, 14), [10, 10, 30, 30]);
  assert.deepEqual(t.y.slice(10, 14), [1, 9, 9, 1]);
  assert.equal(fig.layout.shapes, undefined);
});

test("dendrogramChart with k: clusters coloured like cutTree, grey above the cut, cut line between heights", () => {
  const fig = dendrogramChart(merges, { k: 2 });
  const traces = fig.data as Json[];
  assert.deepEqual(
    traces.map((t) => t.name),
    ["above the cut", "cluster 0", "cluster 1"],
  );
  assert.equal(traces[1]!.line.color, clusterColor(0));
  assert.deepEqual(traces[2]!.x.slice(0, 4), [25, 25, 35, 35]);
  assert.equal((fig.layout.shapes as Json[])[0]!.y0, 5); // (1 + 9) / 2
  assert.throws(() => dendrogramChart(merges, { k: 5 }), /k=5 must be an integer in 1..4/);
});

test("covarianceEllipse: axes along the eigenvectors, scaled by s·sqrt(eigenvalue)", () => {
  // Σ = diag(4, 1): semi-axes 2s along x and s along y; t = 0 → (μx + 2s, μy), t = π/2 → (μx, μy + s).
  const [x, y] = covarianceEllipse(
    [1, 2],
    [
      [4, 0],
      [0, 1],
    ],
    2,
    4,
  );
  assertClose([x[0]!, y[0]!], [5, 2]);
  assertClose([x[1]!, y[1]!], [1, 4], 1e-9, 1e-9);
  // Σ = [[2, 1], [1, 2]]: eigenvalues 3 (along (1,1)) and 1; t = 0 → μ + sqrt(3)·(1,1)/sqrt(2).
  const [x2, y2] = covarianceEllipse(
    [0, 0],
    [
      [2, 1],
      [1, 2],
    ],
    1,
    4,
  );
  assertClose([x2[0]!, y2[0]!], [Math.sqrt(1.5), Math.sqrt(1.5)]);
});

test("gmmEllipsesChart: points by most probable component with probability as opacity, ellipses per nStd", () => {
  const X = [
    [0, 0],
    [10, 10],
    [5, 5],
  ];
  const P = [
    [0.9, 0.1],
    [0.2, 0.8],
    [0.5, 0.5],
  ];
  const fig = gmmEllipsesChart(
    X,
    P,
    [
      [0, 0],
      [10, 10],
    ],
    [
      [
        [1, 0],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 1],
      ],
    ],
    { nStd: [1, 2, 3] },
  );
  const traces = fig.data as Json[];
  assert.equal(traces.length, 2 + 2 * 3);
  assert.deepEqual(traces[0]!.x, [0, 5]); // ties go to the first component
  assert.deepEqual(traces[0]!.marker.opacity, [0.9, 0.5]);
  assert.deepEqual(traces[1]!.marker.opacity, [0.8]);
  assert.equal(traces[2]!.x.length, 61);
  assert.throws(
    () =>
      gmmEllipsesChart(
        X,
        P.slice(1),
        [[0, 0]],
        [
          [
            [1, 0],
            [0, 1],
          ],
        ],
      ),
    /probabilities has 2 rows, X has 3/,
  );
});

test("kmeansAnimationSteps: a start step, one per iteration of run 0, capped keeping the last", () => {
  const it = (run: number, i: number) => ({ run, labels: [i], centroids: [[i]], previousCentroids: [[i - 1]] });
  const { steps, names } = kmeansAnimationSteps([it(0, 1), it(0, 2), it(0, 3), it(1, 1)]);
  assert.deepEqual(names, ["start", "iteration 1", "iteration 2", "iteration 3"]);
  assert.deepEqual(
    steps.map((s) => s.centroids[0]![0]),
    [0, 1, 2, 3],
  );
  const capped = kmeansAnimationSteps([it(0, 1), it(0, 2), it(0, 3), it(0, 4)], 3);
  assert.deepEqual(capped.names, ["start", "iteration 1", "iteration 4"]);
  assert.throws(() => kmeansAnimationSteps([it(1, 1)]), /no iteration of run 0/);
});
