#!/usr/bin/env node
// The worked examples of `npm start`: the `segment` command applied to the course's data, into reports/ —
// the Mall customers' segments, the RFM table of the Online Retail sample, and the drift between its June and
// December snapshots. The course website (scripts/build_site.py) links the reports. Needs dist/ (the set-up).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const segment = (...args) =>
  execFileSync(process.execPath, [path.join(root, "dist", "cli", "segment.js"), ...args], {
    cwd: root,
    stdio: "inherit",
  });

segment("run", "data/Mall_Customers.csv", "--out", "reports/segments");
segment("rfm", "data/online_retail_sample.csv", "--out", "reports/rfm");
segment("rfm", "data/online_retail_sample.csv", "--as-of", "2011-07-01", "--out", "reports/rfm-june", "--quiet");
segment(
  "run",
  "reports/rfm-june/rfm.csv",
  "--features",
  "recency_days,frequency,monetary",
  "--scale",
  "minmax",
  "--k",
  "4",
  "--out",
  "reports/segments-june",
  "--quiet",
);
segment(
  "drift",
  "reports/segments-june/model.json",
  "reports/rfm-june/rfm.csv",
  "reports/rfm/rfm.csv",
  "--out",
  "reports/drift",
);
