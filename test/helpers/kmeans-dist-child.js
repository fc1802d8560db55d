// Runs k-means on worker threads from a compiled (CommonJS .js) tree, as the notebooks and the CLI run dist/, and
// prints the results (WebAssembly and JavaScript kernels) as JSON with whether the helper threads took blocks of rows.
//   node test/helpers/kmeans-dist-child.js <compiled src dir> <nSamples> <seed>
const path = require("node:path");

const [dir, nArg, seedArg] = process.argv.slice(2);
const { checkKMeansOptions, kmeans, kmeansFlat } = require(path.join(dir, "cluster", "kmeans.js"));
const { HamerlyBounds } = require(path.join(dir, "cluster", "kmeans-bounds.js"));
const { AssignTeam, sharedCopy } = require(path.join(dir, "cluster", "kmeans-threads.js"));
const { sharedStore } = require(path.join(dir, "cluster", "kmeans-store.js"));
const { seededRandom } = require(path.join(dir, "core", "random.js"));

const n = Number(nArg);
const random = seededRandom(Number(seedArg));
const X = Array.from({ length: n }, () => [random(), random(), random(), random()]);

// The helper threads start in the background: run passes until they take a share of the blocks, so that they
// take part in the k-means run below.
const data = sharedCopy(Float64Array.from(X.flat()));
const team = new AssignTeam(sharedStore(data, n, 5, 4), 2);
let passes = 0;
for (const deadline = Date.now() + 20_000; Date.now() < deadline && team.mainBlocks === passes * team.nBlocks; ) {
  passes++;
  new HamerlyBounds(n, 5, team).assign(
    { data, nSamples: n, nFeatures: 4 },
    data.slice(0, 20),
    team.state.labels.fill(-1),
    new Float64Array(20),
    new Float64Array(5),
    "none",
  );
}
team.close();
// the default (WebAssembly) kernel, and the JavaScript one
const options = { k: 5, seed: 3, nInit: 1, maxIter: 50, tol: 0, threads: 2 };
const result = kmeans(X, options);
const flat = { data: Float64Array.from(X.flat()), nSamples: n, nFeatures: 4 };
const js = kmeansFlat(flat, checkKMeansOptions(options, n, 4), { kernel: "js" });
console.log(JSON.stringify({ result, js, helpersTookBlocks: team.mainBlocks < passes * team.nBlocks }));
