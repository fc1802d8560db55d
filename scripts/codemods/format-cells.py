#!/usr/bin/env python3
"""Format the code cells of notebooks whose lines exceed 100 characters with the project's formatter (Biome, at a
line width of 100 so a cell reads in JupyterLab and the exported pages). Cells already within the width are left
exactly as written.

Usage: python3 scripts/codemods/format-cells.py [--check] [NOTEBOOK ...]   (default: notebooks/*.ipynb)
"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIOME = ROOT / "node_modules" / ".bin" / "biome"
WIDTH = 100


def too_long(source: str) -> bool:
    return any(len(line) > WIDTH for line in source.split("\n"))


def formatted(source: str, where: str) -> str:
    run = subprocess.run(
        [str(BIOME), "format", f"--line-width={WIDTH}", "--stdin-file-path=cell.ts"],
        input=source, capture_output=True, text=True, cwd=ROOT,
    )
    if run.returncode != 0:
        raise SystemExit(f"format-cells: {where}: biome could not format the cell:\n{run.stderr}")
    return run.stdout.rstrip("\n")


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--check"]
    check = "--check" in sys.argv[1:]
    paths = [Path(a) for a in args] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    changed = 0
    for path in paths:
        nb = json.loads(path.read_text(encoding="utf8"))
        touched = False
        for number, cell in enumerate((c for c in nb["cells"] if c["cell_type"] == "code"), start=1):
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            if not too_long(source):
                continue
            new = formatted(source, f"{path.name} code cell {number}")
            if new != source:
                print(f"{path.name}: code cell {number} reformatted")
                lines = new.split("\n")
                cell["source"] = [line + "\n" for line in lines[:-1]] + [lines[-1]]
                touched = True
                changed += 1
        if touched and not check:
            path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf8")
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
