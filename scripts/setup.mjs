#!/usr/bin/env node
// Set-up that installs itself: every step checks whether it is already done and skips it if so.
// Steps: npm dependencies (patches/ applied by their postinstall) → build dist/ → link the package to its
// own name → .venv with the Python tools → the tslab and Deno kernels inside .venv → the RFM SQL dialects → the
// data sets (sha256-checked) → chromium (with --browser) → PostgreSQL and Java (with --engines).
// Plain Node with no dependencies, because it runs before node_modules exists.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const venv = path.join(root, ".venv");
const python = path.join(venv, "bin", "python");
const started = Date.now();

function step(name, isDone, run, verb = "installing") {
  const t0 = Date.now();
  if (isDone()) {
    console.log(`setup: ${name}: up to date`);
    return;
  }
  console.log(`setup: ${name}: ${verb}…`);
  try {
    run();
  } catch (err) {
    // The failing command has already printed its own error; end without a stack trace.
    console.error(`setup: ${name}: FAILED (${err.status !== undefined ? `exit status ${err.status}` : err.message})`);
    process.exit(1);
  }
  console.log(`setup: ${name}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function sh(cmd, cmdArgs, opts = {}) {
  execFileSync(cmd, cmdArgs, { cwd: root, stdio: ["ignore", "inherit", "inherit"], ...opts });
}

/** `apt-get install` of Debian packages (through sudo when not root), after an `apt-get update`. */
function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (aptArgs) =>
    process.getuid?.() === 0 ? sh("apt-get", aptArgs, { env }) : sh("sudo", ["apt-get", ...aptArgs], { env });
  apt(["update", "-qq"]);
  apt(["install", "-y", "-qq", ...packages]);
}

const sha256 = (file) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
const readOr = (file, fallback) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : fallback);

function newestIn(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, mtime(path.join(entry.parentPath ?? entry.path, entry.name)));
  }
  return newest;
}

function checkToolchain() {
  const [major] = process.versions.node.split(".").map(Number);
  if (major < 20) throw new Error(`Node >= 20 is required, found ${process.versions.node}`);
  try {
    execFileSync("python3", ["-c", "import sys, venv; assert sys.version_info >= (3, 10)"], { stdio: "ignore" });
  } catch {
    throw new Error("Python >= 3.10 with the venv module is required (python3 on PATH)");
  }
}

try {
  checkToolchain();
} catch (err) {
  console.error(`setup: ${err.message}`);
  process.exit(1);
}

// 1. npm dependencies, re-installed when the lockfile or a patch in patches/ changes (the package's
//    postinstall applies the patches/ to node_modules with patch-package).
const npmStamp = path.join(root, "node_modules", ".mall-segments-lock.sha256");
const lockFile = path.join(root, "package-lock.json");
const patchesDir = path.join(root, "patches");
const npmInputs = () =>
  [
    lockFile,
    ...(fs.existsSync(patchesDir)
      ? fs
          .readdirSync(patchesDir)
          .sort()
          .map((f) => path.join(patchesDir, f))
      : []),
  ]
    .map(sha256)
    .join(",");
step(
  "npm dependencies",
  () => fs.existsSync(lockFile) && readOr(npmStamp, "") === npmInputs(),
  () => {
    sh("npm", [fs.existsSync(lockFile) ? "ci" : "install", "--no-audit", "--no-fund"]);
    fs.writeFileSync(npmStamp, npmInputs());
  },
);

// 2. Build src/ → dist/ (CommonJS + .d.ts), which notebooks, the CLI and the kernel load.
const distStamp = path.join(root, "dist", ".built");
step(
  "build dist/",
  () => mtime(distStamp) > Math.max(newestIn(path.join(root, "src")), mtime(path.join(root, "tsconfig.build.json"))),
  () => {
    sh(process.execPath, [path.join(root, "scripts", "build.mjs")]); // the same build as `npm run build`
    fs.writeFileSync(distStamp, new Date().toISOString());
  },
);

// 3. `import … from "mall-segments"` resolves from notebooks/ (tslab uses Node10 resolution).
const selfLink = path.join(root, "node_modules", "mall-segments");
step(
  "link mall-segments",
  () => fs.existsSync(path.join(selfLink, "package.json")),
  () => {
    fs.rmSync(selfLink, { recursive: true, force: true });
    fs.symlinkSync("..", selfLink, "dir");
  },
);

// 4. Project-local Python environment, re-installed when requirements.txt changes.
const reqFile = path.join(root, "requirements.txt");
const reqStamp = path.join(venv, ".requirements.sha256");
step(
  "python .venv",
  () => fs.existsSync(python) && readOr(reqStamp, "") === sha256(reqFile),
  () => {
    if (!fs.existsSync(python)) sh("python3", ["-m", "venv", venv]);
    sh(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", reqFile]);
    fs.writeFileSync(reqStamp, sha256(reqFile));
  },
);

// 5. The tslab kernel, registered inside .venv and pointing at this project's own tslab.
const tslabBin = path.join(root, "node_modules", ".bin", "tslab");
const kernelJson = path.join(venv, "share", "jupyter", "kernels", "tslab", "kernel.json");
step(
  "tslab kernel in .venv",
  () => readOr(kernelJson, "").includes(JSON.stringify(tslabBin)),
  () => sh(tslabBin, ["install", `--python=${python}`, `--binary=${tslabBin}`, "--sys-prefix"]),
);

// 5b. The postgres and spark RFM scripts, transpiled by sqlglot from the DuckDB SQL (regenerated after each build).
const dialectsDir = path.join(root, "dist", "rfm", "sql", "dialects");
const dialectFiles = ["postgres", "spark"].flatMap((d) =>
  ["first", "min"].map((t) => path.join(dialectsDir, `rfm-warehouse.${d}.${t}.sql`)),
);
step(
  "RFM SQL dialects",
  () =>
    Math.min(...dialectFiles.map(mtime)) >
    Math.max(
      mtime(distStamp),
      mtime(reqStamp),
      ...["transpile_sql.py", "rfm-sql-dialects.mjs"].map((f) => mtime(path.join(root, "scripts", f))),
    ),
  () => sh(process.execPath, [path.join(root, "scripts", "rfm-sql-dialects.mjs")]),
  "generating",
);

// 5c. Deno's kernel (the `deno` npm package's binary), registered inside .venv next to tslab's. `deno
//     jupyter --install` writes to the user's data folder, so it installs into a temporary one that is
//     moved here, with the kernel's command pointing at this project's own deno.
const denoBin = path.join(root, "node_modules", ".bin", "deno");
const denoKernelDir = path.join(venv, "share", "jupyter", "kernels", "deno");
step(
  "deno kernel in .venv",
  () => readOr(path.join(denoKernelDir, "kernel.json"), "").includes(JSON.stringify(denoBin)),
  () => {
    const dataHome = fs.mkdtempSync(path.join(root, "node_modules", ".deno-kernelspec-"));
    try {
      sh(denoBin, ["jupyter", "--install", "--force"], {
        env: { ...process.env, XDG_DATA_HOME: dataHome, DENO_NO_UPDATE_CHECK: "1" },
      });
      const installed = path.join(dataHome, "jupyter", "kernels", "deno");
      const spec = JSON.parse(fs.readFileSync(path.join(installed, "kernel.json"), "utf8"));
      spec.argv[0] = denoBin;
      spec.env = { ...spec.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };
      fs.writeFileSync(path.join(installed, "kernel.json"), `${JSON.stringify(spec, null, 2)}\n`);
      fs.rmSync(denoKernelDir, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(denoKernelDir), { recursive: true });
      fs.cpSync(installed, denoKernelDir, { recursive: true });
    } finally {
      fs.rmSync(dataHome, { recursive: true, force: true });
    }
  },
);

// 6. Data sets: a valid local copy, else $MALL_SEGMENTS_DATA_DIR, else a download; always sha256-checked.
step(
  "data sets",
  () => false,
  () => sh(process.execPath, [path.join(root, "dist", "cli", "fetch-data.js")]),
  "checking",
);

// 7. Debian's chromium for the real-browser tests.
if (args.has("--browser")) {
  step(
    "chromium",
    () => fs.existsSync("/usr/bin/chromium"),
    () => aptInstall(["chromium"]),
  );
}

// 8. PostgreSQL 15 and Java 17 (for pyspark) from Debian, for the real-engine tests (test/engine-*.test.ts).
if (args.has("--engines")) {
  const java17 = () =>
    fs.existsSync("/usr/lib/jvm") && fs.readdirSync("/usr/lib/jvm").some((d) => /^java-17-openjdk/.test(d));
  step(
    "PostgreSQL 15 and Java 17",
    () => fs.existsSync("/usr/lib/postgresql/15/bin/initdb") && java17(),
    () => aptInstall(["--no-install-recommends", "postgresql-15", "openjdk-17-jre-headless"]),
  );
}

console.log(`setup: ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
