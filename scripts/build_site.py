#!/usr/bin/env python3
"""Build the course website into site/ (`npm run site`) from the executed notebooks in reports/.

Pages: index.html (what the course teaches, the chapters with one line and an estimated time each, how to run it
locally, the worked examples) and one page per chapter (NN-name.html) with the chapter list, previous/next links and a
download link for the notebook. The chapters show their exercises with the unanswered checks, never a solution; the
worked solutions (notebooks/solutions/, executed into reports/solutions/ with the checks strict) get pages of their own
in site/solutions/, linked from a separate "Solutions" section of the home page — `--no-solutions` leaves both out, for
a teacher who hands out the site before the exercises are done. plotly.js and the JupyterLab CSS are shared files in site/assets/, loaded once for the
whole site, and every link is relative, so the site works from file:// and from any static server with no request
leaving it. The `segment` reports found in reports/ (segments, drift, …) are copied in as worked examples, pointed at
the shared plotly.js. A notebook whose executed copy is missing or older than its source is executed first.

The tool is nbconvert with a template of our own (scripts/nbconvert/site): it is already in .venv, renders the
notebooks' Plotly outputs through their text/html fallback, and its pages are plain static HTML that work from file://
(see the README, "The course website", for the tools weighed).

Usage: .venv/bin/python scripts/build_site.py [--out site] [--no-solutions]
"""
import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import os

import nbformat
from jupyter_core.paths import jupyter_path
from nbconvert import HTMLExporter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_notebooks import STRICT_ENV, NotebookFailure, execute  # noqa: E402
from site_solutions import public, solution_info, solutions_section  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
COURSE = "Customer segmentation in TypeScript"
MARKER = ".mall-segments-site"
# Worked examples: the `segment` reports that `npm start` writes into reports/ (scripts/run_examples.mjs, run here
# when one is missing), with the command that makes each.
EXAMPLES = [
    ("segments/report.html", "Segments of the Mall customers", "segment run data/Mall_Customers.csv --out reports/segments"),
    (
        "drift/drift.html",
        "Drift of the Online Retail customers' RFM segments from June to December 2011",
        "segment drift reports/segments-june/model.json reports/rfm-june/rfm.csv reports/rfm/rfm.csv --out reports/drift",
    ),
]
# An inline plotly.js (as the segment reports embed it): its script element, up to the first real </script>.
INLINE_PLOTLY = re.compile(r"<script[^>]*>\s*/\*\*?\s*\*?\s*plotly\.js v[\s\S]*?</script>")
WORDS_PER_MINUTE = 200
MINUTES_PER_CODE_CELL = 1


def plain(markdown: str) -> str:
    """Markdown → one line of plain text (links keep their text, emphasis and code marks dropped)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`]|\\(?=[$*_])", "", text)
    return " ".join(text.split())


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def readme_lines() -> dict:
    """What each chapter teaches, from the README's course table (`| `01-eda` | what it teaches |`)."""
    rows = re.findall(r"^\|\s*`(\d\d-[\w-]+)`\s*\|\s*(.+?)\s*\|\s*$", (ROOT / "README.md").read_text(encoding="utf8"), re.M)
    return {name: plain(text) for name, text in rows}


def chapter_info(source: Path, taught: dict) -> dict:
    """Number, title (the H1), one line (the README's course table, else the first sentence after the H1) and an
    estimated time of a notebook."""
    nb = nbformat.read(source, as_version=4)
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    lines = "\n".join(markdown).splitlines()
    title_index = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    title = plain(lines[title_index][2:]) if title_index is not None else source.stem
    rest = lines[(title_index or -1) + 1 :]
    paragraph = []
    for line in rest:
        if line.strip() == "" and paragraph:
            break
        if line.strip() and not line.startswith("#"):
            paragraph.append(line)
    words = sum(len(m.split()) for m in markdown)
    code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
    minutes = round(words / WORDS_PER_MINUTE + code_cells * MINUTES_PER_CODE_CELL)
    number = source.stem.split("-", 1)[0]
    return {
        "number": number,
        "title": re.sub(rf"^{number}\s*[·:.—-]?\s*", "", title),
        "summary": taught.get(source.stem) or first_sentence(plain(" ".join(paragraph))),
        "minutes": max(5, 5 * round(minutes / 5)),
        "page": f"{source.stem}.html",
        "download": f"notebooks/{source.name}",
        "source": source,
    }


def executed_copy(source: Path, reports: Path, strict: bool = False):
    """The executed notebook from reports/, executing it first when it is missing or older than its source (with the
    exercise checks strict for a solutions notebook, as `run_notebooks.py --solutions` runs it)."""
    executed = reports / source.name
    if executed.exists() and executed.stat().st_mtime >= source.stat().st_mtime:
        return nbformat.read(executed, as_version=4)
    print(f"site: executing {source.name} (no current executed copy in {reports.name}/)", flush=True)
    if strict:
        os.environ[STRICT_ENV] = "1"
    try:
        nb = execute(source, 600)
    finally:
        os.environ.pop(STRICT_ENV, None)
    reports.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, executed)
    return nb


def lab_static() -> Path:
    for base in jupyter_path("nbconvert", "templates"):
        static = Path(base) / "lab" / "static"
        if (static / "index.css").exists():
            return static
    raise SystemExit("build_site: nbconvert's lab template (static/index.css) not found")


def write_assets(site: Path) -> None:
    assets = site / "assets"
    assets.mkdir(parents=True)
    shutil.copyfile(ROOT / "node_modules" / "plotly.js-dist-min" / "plotly.min.js", assets / "plotly.min.js")
    static = lab_static()
    for name in ("index.css", "theme-light.css"):
        shutil.copyfile(static / name, assets / name)
    for name in ("site.css", "draw-in-turn.js"):
        shutil.copyfile(ROOT / "scripts" / "nbconvert" / "site" / name, assets / name)


# A relative link target in a page's HTML: href="…" or src="…" not starting with a scheme, "/", "#" or "data:".
RELATIVE_LINK = re.compile(r'\b(href|src)="(?![a-z][a-z0-9+.-]*:|/|#)([^"]*)"', re.I)


def write_chapter(site: Path, nb, chapters: list, index: int, pages: list | None = None) -> None:
    """One page: chapter `index`, or with `pages` (the solutions) that page, its pager among `pages` and the chapter
    list in its header. A page in a subfolder gets its relative links rewritten to reach the site's root."""
    chapter = (pages or chapters)[index]
    own = public(pages or chapters)
    resources = {
        "site": {
            "course": COURSE,
            "chapters": public(chapters),
            "current": own[index],
            "previous": own[index - 1] if index > 0 else None,
            "next": own[index + 1] if index + 1 < len(own) else None,
        },
        "metadata": {"name": f"{chapter['number']} {chapter['title']}"},
    }
    exporter = HTMLExporter(template_name="site", extra_template_basedirs=[str(ROOT / "scripts" / "nbconvert")])
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    depth = len(Path(chapter["page"]).parts) - 1
    if depth:
        body = RELATIVE_LINK.sub(lambda m: f'{m.group(1)}="{"../" * depth}{m.group(2)}"', body)
    target = site / chapter["page"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf8")
    (site / chapter["download"]).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(chapter["source"], site / chapter["download"])


def write_examples(site: Path, reports: Path) -> list:
    found = []
    if any(not (reports / relative).exists() for relative, _, _ in EXAMPLES):
        print("site: making the worked examples (scripts/run_examples.mjs)", flush=True)
        subprocess.run(["node", str(ROOT / "scripts" / "run_examples.mjs")], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    for relative, title, command in EXAMPLES:
        report = reports / relative
        target = site / "examples" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        depth = "../" * (len(Path("examples", relative).parts) - 1)
        page = report.read_text(encoding="utf8")
        page, count = INLINE_PLOTLY.subn(f'<script src="{depth}assets/plotly.min.js"></script>', page, count=1)
        if count != 1:
            raise SystemExit(f"build_site: {report}: no embedded plotly.js found to share")
        target.write_text(page, encoding="utf8")
        found.append({"page": f"examples/{relative}", "title": title, "command": command})
    return found


def index_page(chapters: list, examples: list, solutions: list | None = None) -> str:
    e = html.escape
    rows = "\n".join(
        f'<li><a href="{c["page"]}"><span class="n">{e(c["number"])}</span> {e(c["title"])}</a>'
        f' <span class="time">about {c["minutes"]} min ·</span>'
        f' <a class="download" href="{c["download"]}" download>notebook</a><p>{e(c["summary"])}</p></li>'
        for c in chapters
    )
    example_rows = "\n".join(
        f'<li><a href="{x["page"]}">{e(x["title"])}</a> — made by <code>{e(x["command"])}</code></li>' for x in examples
    )
    total = sum(c["minutes"] for c in chapters)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{e(COURSE)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="assets/site.css"></head>
<body class="site-index"><main>
<h1>{e(COURSE)}</h1>
<p>A course in {len(chapters)} chapters that segments customers from first look to action: exploring the Kaggle
<em>Mall Customers</em> data, preparing it, clustering it (k-means, hierarchical, Gaussian mixtures, DBSCAN), choosing and
checking the number of segments, describing and naming them, and RFM segmentation of real transactions from the UCI
<em>Online Retail</em> data. Every chapter is a TypeScript notebook: the code calls the <code>mall-segments</code>
package and every chart is interactive (zoom, hover, toggle the legend).</p>
<h2>Chapters</h2>
<p class="note">Times are estimates for a first reading with the code run: {WORDS_PER_MINUTE} words a minute plus
{MINUTES_PER_CODE_CELL} minute a code cell (about {total} minutes in all).</p>
<ol class="chapters">
{rows}
</ol>
<h2>Worked examples</h2>
<p>The same engine from the command line, on the course's data:</p>
<ul class="examples">
{example_rows}
</ul>
{solutions_section(solutions or [])}<h2>Run it yourself</h2>
<p>With Node ≥ 20 and Python ≥ 3.10 on the PATH, in a clone of the repository:</p>
<pre>npm start     # set up (npm packages, a local .venv with JupyterLab, the data), run every notebook
npm run lab   # JupyterLab on notebooks/ with the TypeScript kernel
npm run site  # this website, in site/</pre>
<p>Each chapter page has a link to download its notebook; open it in JupyterLab with the <code>tslab</code> kernel.
Each chapter ends with exercises that check themselves: put your answer in the cell below a question and run it.</p>
</main></body></html>
"""


def build(out: Path, reports: Path, with_solutions: bool = True) -> Path:
    sources = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    if not sources:
        raise SystemExit("build_site: no notebooks in notebooks/")
    if out.exists() and not (out / MARKER).exists():
        raise SystemExit(f"build_site: {out} exists and was not made by this script (no {MARKER}); not replacing it")
    taught = readme_lines()
    chapters = [chapter_info(s, taught) for s in sources]
    notebooks = [executed_copy(s, reports) for s in sources]
    solution_sources = sorted((ROOT / "notebooks" / "solutions").glob("[0-9]*.ipynb")) if with_solutions else []
    solutions = [solution_info(s, chapters) for s in solution_sources]
    solution_notebooks = [executed_copy(s, reports / "solutions", strict=True) for s in solution_sources]
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=out.parent))
    staging.chmod(0o755)
    try:
        (staging / MARKER).write_text("built by scripts/build_site.py; replaced whole on the next build\n")
        write_assets(staging)
        for i, nb in enumerate(notebooks):
            write_chapter(staging, nb, chapters, i)
        for i, nb in enumerate(solution_notebooks):
            write_chapter(staging, nb, chapters, i, pages=solutions)
        examples = write_examples(staging, reports)
        (staging / "index.html").write_text(index_page(chapters, examples, solutions), encoding="utf8")
        (staging / "site.json").write_text(
            json.dumps({"chapters": public(chapters), "examples": examples, "solutions": public(solutions)}, indent=1) + "\n"
        )
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    parser.add_argument("--reports", type=Path, default=ROOT / "reports")
    parser.add_argument("--no-solutions", action="store_true", help="leave the worked solutions out of the site")
    args = parser.parse_args()
    try:
        out = build(args.out.resolve(), args.reports.resolve(), with_solutions=not args.no_solutions)
    except NotebookFailure as failure:
        print(failure.report, file=sys.stderr)
        return 1
    files = [p for p in out.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    pages = [p for p in files if p.suffix == ".html"]
    print(f"site: {len(pages)} pages, {len(files)} files, {size / 1e6:.1f} MB → {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
