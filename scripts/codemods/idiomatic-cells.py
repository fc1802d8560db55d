#!/usr/bin/env python3
"""Rewrite notebook code cells as plain, kernel-agnostic TypeScript.

Rewrites, in every code cell of the given notebooks (default: notebooks/*.ipynb):
  1. `{ x: x }` → `{ x }`: the workaround for tslab's old shorthand bug (fixed by patches/tslab+*.patch);
  2. `tslab.display.html(…)` → `displayHtml(…)` and `tslab.display.markdown(…)` → `displayMarkdown(…)`,
     the package's helpers that work in tslab and in Deno's kernel; the helpers are added to the
     notebook's `import { … } from "mall-segments"`, and `import * as tslab from "tslab";` is removed.
  3. a display statement at the start of a line, `show(…)`, `displayHtml(…)`, `displayMarkdown(…)` or
     `displayMime(…)`, gets `await`: Deno's kernel sends displays asynchronously and drops those still
     pending when the cell ends (tslab sends at once; awaiting its resolved promise changes nothing).
Any other use of `tslab.` is reported and the notebook is left unchanged (it needs a helper first).

Only the cells' source changes: the file keeps its JSON layout (nbformat's indent of 1), so a re-run
after other edits to the notebooks touches nothing else; running it twice changes nothing the second time.

Usage: python3 scripts/codemods/idiomatic-cells.py [--check] [NOTEBOOK ...]
  --check  change nothing; list what would change and exit 1 if anything would (used by the tests).
"""
import argparse
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# `name: name` right after `{` or `,` and before `,` or `}` (whitespace and newlines allowed around).
SHORTHAND = re.compile(r"(?<=[{,])(\s*)([A-Za-z_$][\w$]*)[ \t]*:[ \t]*\2\b(?![\w$.(\[])(?=\s*[,}])")
DISPLAY_HELPERS = {"html": "displayHtml", "markdown": "displayMarkdown"}
TSLAB_DISPLAY = re.compile(r"\btslab\.display\.(html|markdown)\(")
UNAWAITED_DISPLAY = re.compile(r"^(show|displayHtml|displayMarkdown|displayMime)\(", re.M)
TSLAB_IMPORT = re.compile(r'^[ \t]*import \* as tslab from "tslab";?[ \t]*\n?', re.M)
PACKAGE_IMPORT = re.compile(r'import\s*(?:type\s*)?\{(?P<names>[^}]*)\}\s*from\s*"mall-segments"', re.S)


class Unhandled(Exception):
    pass


def rewrite_cell(source: str) -> tuple[str, set[str], list[str]]:
    """One cell: (new source, helpers it now uses, descriptions of the changes)."""
    changes = []
    helpers = set()

    def shorthand(m: re.Match) -> str:
        changes.append(f"{{ {m.group(2)}: {m.group(2)} }} → {{ {m.group(2)} }}")
        return m.group(1) + m.group(2)

    source = SHORTHAND.sub(shorthand, source)

    def display(m: re.Match) -> str:
        helper = DISPLAY_HELPERS[m.group(1)]
        helpers.add(helper)
        changes.append(f"tslab.display.{m.group(1)}( → {helper}(")
        return helper + "("

    source = TSLAB_DISPLAY.sub(display, source)

    def awaited(m: re.Match) -> str:
        changes.append(f"{m.group(1)}( → await {m.group(1)}(")
        return "await " + m.group(0)

    source = UNAWAITED_DISPLAY.sub(awaited, source)
    return source, helpers, changes


def add_imports(source: str, names: set[str]) -> str:
    """Add names to the cell's `import { … } from "mall-segments"`, after the last name, keeping its layout."""
    m = PACKAGE_IMPORT.search(source)
    if not m:
        raise Unhandled('no `import { … } from "mall-segments"` in the cell that imports tslab')
    present = set(re.findall(r"[\w$]+", m.group("names")))
    missing = sorted(names - present)
    if not missing:
        return source
    body = m.group("names")
    stripped = body.rstrip()
    tail = body[len(stripped):]
    if stripped.endswith(","):
        new_body = stripped + " " + ", ".join(missing) + "," + tail
    else:
        new_body = stripped + ", " + ", ".join(missing) + tail
    return source[: m.start("names")] + new_body + source[m.end("names"):]


def rewrite_notebook(path: Path) -> tuple[dict, list[str]]:
    nb = json.loads(path.read_text(encoding="utf8"))
    changes = []
    helpers = set()
    code_cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    sources = []
    for number, cell in enumerate(code_cells, start=1):
        source, used, cell_changes = rewrite_cell("".join(cell["source"]))
        helpers |= used
        changes += [f"code cell {number}: {c}" for c in cell_changes]
        sources.append(source)
    import_cell = next((i for i, s in enumerate(sources) if TSLAB_IMPORT.search(s)), None)
    leftover = [f"code cell {i + 1}: {m.group(0)}" for i, s in enumerate(sources) for m in re.finditer(r"\btslab\.[\w.]+", s)]
    if leftover:
        raise Unhandled("uses of tslab with no package helper yet: " + "; ".join(leftover))
    if import_cell is not None:
        sources[import_cell] = add_imports(TSLAB_IMPORT.sub("", sources[import_cell]), helpers)
        changes.append(f'code cell {import_cell + 1}: import * as tslab removed; {", ".join(sorted(helpers)) or "nothing"} imported from "mall-segments"')
    elif helpers:
        sources[0] = add_imports(sources[0], helpers)
    for cell, source in zip(code_cells, sources):
        cell["source"] = re.findall(r"[^\n]*\n|[^\n]+$", source)
    return nb, changes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything would change")
    args = parser.parse_args()
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    pending = unhandled = 0
    for path in paths:
        try:
            nb, changes = rewrite_notebook(path)
        except Unhandled as err:
            print(f"{path}: {err}", file=sys.stderr)
            unhandled += 1
            continue
        if not changes:
            continue
        pending += 1
        for change in changes:
            print(f"{path}: {change}")
        if not args.check:
            # whole file or nothing: write beside it, then rename over it
            partial = path.with_name(f".{path.name}.codemod")
            partial.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf8")
            os.replace(partial, path)
    if args.check and pending:
        print(f"idiomatic-cells: {pending} notebook(s) to rewrite: python3 scripts/codemods/idiomatic-cells.py", file=sys.stderr)
    return 1 if unhandled or (args.check and pending) else 0


if __name__ == "__main__":
    sys.exit(main())
