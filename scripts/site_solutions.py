"""The worked solutions' part of the course website (scripts/build_site.py): their pages' descriptions and the home
page's section for teachers that links them (left out with `build_site.py --no-solutions`)."""
import html
from pathlib import Path


def public(pages: list) -> list:
    """Page descriptions without their source path, as the templates and site.json get them."""
    return [{k: v for k, v in page.items() if k != "source"} for page in pages]


def solution_info(source: Path, chapters: list) -> dict:
    """A solutions notebook's page: under solutions/, titled after its chapter."""
    number = source.stem.split("-", 1)[0]
    chapter = next((c for c in chapters if c["number"] == number), None)
    title = f"Solutions · {chapter['title'] if chapter else source.stem}"
    return {
        "number": number,
        "title": title,
        "chapter": chapter["page"] if chapter else None,
        "page": f"solutions/{source.stem}.html",
        "download": f"notebooks/solutions/{source.name}",
        "source": source,
    }


def solutions_section(solutions: list) -> str:
    """The home page's section for teachers: one link per chapter's worked solutions (empty when left out)."""
    if not solutions:
        return ""
    e = html.escape
    rows = "\n".join(
        f'<li><a href="{s["page"]}"><span class="n">{e(s["number"])}</span> {e(s["title"])}</a>'
        f' <a class="download" href="{s["download"]}" download>notebook</a></li>'
        for s in solutions
    )
    return f"""<h2 id="solutions">Solutions (for teachers)</h2>
<p class="note">Worked solutions of the chapters' checkable exercises, each ending in its check (✓). They are kept
apart from the chapters, which show the exercises only; build the site with <code>--no-solutions</code> to leave this
section out.</p>
<ol class="solutions">
{rows}
</ol>
"""
