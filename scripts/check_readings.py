#!/usr/bin/env python3
"""Check that every number a notebook's prose states is backed by that notebook's executed outputs.

For each executed notebook (reports/NN-*.ipynb) every number in its markdown cells (outside headings, code spans,
links and math) must match some value in its outputs — text outputs, HTML tables, and the data, labels and titles of
its Plotly figures — within the rounding it is stated with: "0.555" is backed by any value in [0.5545, 0.5555], "56.0 %"
also by a share of 0.560, "1,234" by 1234. Numbers that are not results (a year, "k = 5" chosen by the text, "20 runs")
are listed per notebook in notebooks/readings-allow.json with the reason. A change that moves a result without
updating its Reading fails `npm test`.

Usage: .venv/bin/python scripts/check_readings.py [--reports reports] [NOTEBOOK.ipynb ...]
Prints each unbacked number with its cell and context; exits 1 if there is one.
"""
import argparse
import json
import math
import re
import sys
from bisect import bisect_left
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOW = ROOT / "notebooks" / "readings-allow.json"
NUMBER = re.compile(r"(?<![\w.$\\^])[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?%)?(?![\w])")
# Prose parts that state no result: code spans, links' targets, inline math, HTML tags.
NOT_PROSE = re.compile(r"`[^`]*`|\]\([^)]*\)|\$[^$\n]+\$|<[^>]+>")
# Numbers inside names: chapter files (01-eda), ranges in column names (1-100), notebook/cell/section references.
NAME_LIKE = re.compile(r"(?:notebooks?|cells?|chapters?|section|step|exercise|Ex)\s+\d+(?:\s*(?:and|/|,|–|-)\s*\d+)*|\d\d-[a-z][\w-]*|\(1-100\)|1–100|1-100", re.I)


def parse(token: str) -> tuple[float, int, bool]:
    """(value, decimals, is_percent) of a number as written."""
    percent = token.rstrip().endswith("%")
    text = token.rstrip("% ").replace("−", "-").replace(",", "")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return float(text), decimals, percent


def evidence(nb) -> list[float]:
    """Every number in the notebook's outputs, sorted (with shares also as percentages)."""
    values: list[float] = []

    def walk(x):
        if isinstance(x, bool) or x is None:
            return
        if isinstance(x, (int, float)):
            if math.isfinite(x):
                values.append(float(x))
        elif isinstance(x, str):
            for m in re.finditer(r"[-−]?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?", x):
                try:
                    values.append(float(m.group().replace("−", "-").replace(",", "")))
                except ValueError:
                    pass
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            walk(output.get("text"))
            data = output.get("data", {})
            for mime in ("text/plain", "text/html", "application/vnd.plotly.v1+json", "application/json"):
                if mime in data:
                    walk(data[mime])
    values += [v * 100 for v in values if abs(v) <= 1]
    values += [abs(v) for v in values if v < 0]
    return sorted(set(values))


def backed(claim: float, decimals: int, values: list[float]) -> bool:
    half = 0.5 * 10 ** -decimals * (1 + 1e-9) + 1e-12
    i = bisect_left(values, claim - half)
    return i < len(values) and values[i] <= claim + half


def claims(nb):
    """(cell number, token, context) for every number stated in prose."""
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for line in source.splitlines():
            if line.lstrip().startswith("#"):
                continue
            prose = NAME_LIKE.sub(" ", NOT_PROSE.sub(" ", line.replace("\\$", "$")))
            for m in NUMBER.finditer(prose):
                context = prose[max(0, m.start() - 40) : m.end() + 30].strip()
                yield index + 1, m.group().strip(), context


def check(path: Path, allow: dict) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf8"))
    values = evidence(nb)
    allowed = allow.get(path.stem, {})
    problems = []
    for cell, token, context in claims(nb):
        if token in allowed or token.rstrip("% ") in allowed:
            continue
        value, decimals, _ = parse(token)
        if not backed(value, decimals, values):
            problems.append(f"{path.name} cell {cell}: {token!r} is not in the outputs: …{context}…")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--reports", type=Path, default=ROOT / "reports")
    args = parser.parse_args()
    paths = args.notebooks or sorted(args.reports.glob("[0-9][0-9]-*.ipynb"))
    if not paths:
        print("check_readings: no executed notebooks (run the notebooks first)", file=sys.stderr)
        return 1
    allow = json.loads(ALLOW.read_text(encoding="utf8")) if ALLOW.exists() else {}
    problems = [p for path in paths for p in check(path, allow)]
    for problem in problems:
        print(problem, file=sys.stderr)
    count = sum(1 for path in paths for _ in claims(json.loads(path.read_text(encoding="utf8"))))
    print(f"readings: {count} stated numbers in {len(paths)} notebooks, {len(problems)} not backed by the outputs")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
