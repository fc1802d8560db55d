#!/usr/bin/env python3
"""Execute notebooks headless with a TypeScript kernel (tslab, or Deno's with --kernel deno) and export them.

For each notebook (default: every notebooks/*.ipynb, in name order) this writes the executed copy to
reports/NAME.ipynb and an offline HTML export (plotly.js embedded once) to reports/NAME.html, and
prints one line with its execution time and size. On a failing cell it prints the notebook, the cell
number, the cell's source and what the kernel wrote to stderr (tslab reports errors there, so
nbclient's own message is empty), and exits with status 1.

The notebooks are kernel-agnostic: --kernel deno runs the same files in Deno's kernel (the default output
folder is then reports/deno/, so the two kernels' reports sit side by side).

--solutions runs the worked solutions (default: notebooks/solutions/*.ipynb, into reports/solutions/) with the
exercise checks strict (MALL_SEGMENTS_EXERCISES_STRICT=1 in the kernel's environment): a check that does not pass
throws, so its cell fails and the run exits with status 1. Otherwise a check only shows its result.

Usage: .venv/bin/python scripts/run_notebooks.py [--kernel tslab|deno] [--solutions] [--out reports] [--timeout 600] [--no-html] [NOTEBOOK ...]
"""
import argparse
import os
import queue
import re
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbclient.util import ensure_async
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
# Makes every exercise check throw unless its answer is right (src/exercises/exercise.ts, EXERCISES_STRICT_ENV).
STRICT_ENV = "MALL_SEGMENTS_EXERCISES_STRICT"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class LateOutputClient(NotebookClient):
    """A client that also takes outputs arriving just after a cell's idle status.

    Deno's kernel (2.9.6) sends a cell's outputs and its idle status from different tasks, and now and
    then the result or a print comes a fraction of a millisecond after the idle; nbclient stops reading
    a cell at its idle and would drop them. This waits `grace` seconds more for outputs of the same cell.
    (JupyterLab stops at idle too: there such an output is missing until the cell is run again.)
    Overrides nbclient 0.11's `_async_poll_output_msg` (nbclient is pinned in requirements.txt).
    """

    grace = 0.1

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        deadline = time.monotonic() + self.grace
        while (left := deadline - time.monotonic()) > 0:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=left))
            except queue.Empty:
                return
            if msg["parent_header"].get("msg_id") == parent_msg_id and msg["msg_type"] != "status":
                self.process_message(msg, cell, cell_index)


class NotebookFailure(Exception):
    def __init__(self, report: str):
        super().__init__(report)
        self.report = report


def failure_report(path: Path, nb, index: int, reason: str) -> str:
    cell = nb.cells[index]
    code_number = sum(1 for c in nb.cells[: index + 1] if c.cell_type == "code")
    errors = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream" and output.get("name") == "stderr":
            errors.append(output.get("text", ""))
        elif output.get("output_type") == "error":
            errors.append(f"{output.get('ename', '')}: {output.get('evalue', '')}\n" + "\n".join(output.get("traceback", [])))
    error_text = ANSI.sub("", "".join(errors)).strip() or reason.strip() or "(the kernel reported no error text)"
    rule = "-" * 72
    return (
        f"FAILED {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: cell {index + 1} (code cell {code_number})\n"
        f"{rule}\n{cell.source}\n{rule}\n{error_text}\n{rule}"
    )


def execute(path: Path, timeout: int, kernel: str = "tslab"):
    nb = nbformat.read(path, as_version=4)
    if nb.metadata.get("kernelspec", {}).get("name") != kernel:
        # the executed copy names the kernel that ran it, so JupyterLab reopens it with that kernel
        spec = KernelSpecManager().get_kernel_spec(kernel)
        nb.metadata["kernelspec"] = {"name": kernel, "display_name": spec.display_name, "language": spec.language}
    failed = {}

    def on_cell_error(cell, cell_index, execute_reply):
        failed.setdefault("index", cell_index)

    client = (LateOutputClient if kernel == "deno" else NotebookClient)(
        nb,
        kernel_name=kernel,
        timeout=timeout,
        resources={"metadata": {"path": str(path.parent)}},
        on_cell_error=on_cell_error,
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as err:
        index = failed.get("index", last_executed(nb))
        raise NotebookFailure(failure_report(path, nb, index, str(err))) from None
    except DeadKernelError as err:
        raise NotebookFailure(failure_report(path, nb, last_executed(nb), f"the kernel died: {err}")) from None
    return nb


def last_executed(nb) -> int:
    executed = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.get("execution_count")]
    return executed[-1] if executed else 0


def export_html(nb, target: Path) -> None:
    plotly_js = (ROOT / "node_modules" / "plotly.js-dist-min" / "plotly.min.js").read_text(encoding="utf8")
    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(ROOT / "scripts" / "nbconvert")])
    body, _ = exporter.from_notebook_node(nb, resources={"plotly_js": plotly_js})
    target.write_text(body, encoding="utf8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--kernel", choices=["tslab", "deno"], default="tslab", help="the kernel that runs the notebooks")
    parser.add_argument("--out", type=Path, default=None, help="reports/, or reports/deno/ with --kernel deno")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    parser.add_argument("--no-html", action="store_true")
    parser.add_argument("--solutions", action="store_true", help="run the worked solutions, every exercise check strict")
    args = parser.parse_args()
    if args.out is None:
        args.out = ROOT / "reports" / ("deno" if args.kernel == "deno" else "") / ("solutions" if args.solutions else "")
    folder = ROOT / "notebooks" / ("solutions" if args.solutions else "")
    notebooks = [p.resolve() for p in args.notebooks] or sorted(folder.glob("[0-9]*.ipynb"))
    # the kernels started below inherit this environment
    if args.solutions:
        os.environ[STRICT_ENV] = "1"
    else:
        os.environ.pop(STRICT_ENV, None)
    if not notebooks:
        print("run_notebooks: no notebooks found", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    total = time.perf_counter()
    for path in notebooks:
        started = time.perf_counter()
        try:
            nb = execute(path, args.timeout, args.kernel)
        except NotebookFailure as failure:
            print(failure.report, file=sys.stderr)
            return 1
        seconds = time.perf_counter() - started
        executed = args.out / path.name
        nbformat.write(nb, executed)
        html = ""
        if not args.no_html:
            export_html(nb, executed.with_suffix(".html"))
            html = f", html {executed.with_suffix('.html').stat().st_size / 1e6:.1f} MB"
        print(f"notebook {path.name}{'' if args.kernel == 'tslab' else f' ({args.kernel})'}: {seconds:.1f} s, executed {executed.stat().st_size / 1e3:.0f} kB{html}", flush=True)
    print(f"notebooks: {len(notebooks)} executed in {time.perf_counter() - total:.1f} s → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
