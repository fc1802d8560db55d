#!/usr/bin/env node
// Type-check notebooks: each notebook's code cells, in order, become one TypeScript module that the
// project's TypeScript compiles with the project's strict options (tsconfig.json), so a type error in
// a notebook fails the tests whatever kernel runs it (Deno's kernel does not type-check cells; tslab
// does, with its own TypeScript 5.0). Errors are reported by notebook, code cell and line in the cell:
//
//   notebooks/03-clustering.ipynb, code cell 6, line 2: TS2322 Type 'string' is not assignable to type 'number'.
//
// Options differ from tsconfig.json only where a notebook is not a file of src/: module ES2022 (cells
// use top-level await), `mall-segments` resolved to src/index.ts (the same API as the built package,
// without needing dist/), and no unused-locals check (a cell may define a value just to look at it).
// A const declared again in a later cell (a notebook's "re-run with a new value") is an error here,
// as it would be in a file: notebooks read top to bottom.
//
// Usage: node scripts/typecheck-notebooks.mjs [NOTEBOOK ...]   (default: notebooks/*.ipynb)
// Exit status 0 when every notebook type-checks, 1 otherwise (each error on its own line).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ts = createRequire(import.meta.url)(path.join(root, "node_modules", "typescript"));

/** One notebook → module source, and for each line of it the code cell (1-based) and line in that cell. */
export function notebookModule(file) {
  const nb = JSON.parse(fs.readFileSync(file, "utf8"));
  const lines = ["export {};"];
  const origin = [null];
  let cellNumber = 0;
  for (const cell of nb.cells) {
    if (cell.cell_type !== "code") continue;
    cellNumber++;
    const source = [cell.source].flat().join("");
    for (const [i, line] of source.split("\n").entries()) {
      lines.push(line);
      origin.push({ cell: cellNumber, line: i + 1 });
    }
    lines.push(";"); // a cell ends its last statement, as the kernel runs it on its own
    origin.push(null);
  }
  return { text: lines.join("\n") + "\n", origin };
}

function compilerOptions() {
  const configFile = path.join(root, "tsconfig.json");
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  return {
    ...options,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    baseUrl: root,
    paths: { "mall-segments": ["src/index.ts"] },
    noUnusedLocals: false,
    noEmit: true,
  };
}

/** Type-check the notebooks; returns one message per error (empty when all is well). */
export function typecheckNotebooks(files) {
  const modules = new Map(); // virtual file name → { notebook, origin }
  const texts = new Map();
  const dir = path.join(root, "notebooks");
  for (const file of files) {
    const { text, origin } = notebookModule(file);
    // beside the notebooks, so that relative paths and node_modules resolve as in the kernel
    const name = path.join(dir, `__typecheck__${path.basename(file, ".ipynb")}.ts`);
    modules.set(name, { notebook: file, origin });
    texts.set(name, text);
  }
  const host = ts.createCompilerHost(compilerOptions());
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => texts.get(path.resolve(f)) ?? readFile(f);
  host.fileExists = (f) => texts.has(path.resolve(f)) || fileExists(f);
  host.getSourceFile = (f, lang, onError, shouldCreate) =>
    texts.has(path.resolve(f))
      ? ts.createSourceFile(f, texts.get(path.resolve(f)), lang)
      : getSourceFile(f, lang, onError, shouldCreate);
  const program = ts.createProgram([...texts.keys()], compilerOptions(), host);
  const messages = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, " ");
    const module = d.file && modules.get(path.resolve(d.file.fileName));
    if (!module) {
      const where = d.file ? `${shortName(d.file.fileName)}: ` : "";
      messages.push(`${where}TS${d.code} ${text}`);
      continue;
    }
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    const at = module.origin[line];
    const where = at ? `code cell ${at.cell}, line ${at.line}` : "between cells";
    messages.push(`${shortName(module.notebook)}, ${where}: TS${d.code} ${text}`);
  }
  return messages;
}

function shortName(file) {
  const rel = path.relative(root, file);
  return rel.startsWith("..") ? file : rel;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const files = args.length
    ? args.map((f) => path.resolve(f))
    : fs
        .readdirSync(path.join(root, "notebooks"))
        .filter((f) => f.endsWith(".ipynb"))
        .sort()
        .map((f) => path.join(root, "notebooks", f));
  const messages = typecheckNotebooks(files);
  for (const m of messages) console.error(m);
  if (messages.length) {
    console.error(`typecheck-notebooks: ${messages.length} type error(s)`);
    process.exit(1);
  }
  console.log(`typecheck-notebooks: ${files.length} notebook(s) type-check`);
}
