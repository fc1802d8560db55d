#!/usr/bin/env python3
"""Run cells in one live Jupyter kernel, in order, as a learner would, and print what came back.

Reads a JSON object from stdin: {"kernel": "tslab", "cwd": "...", "cells": ["...", ...], "timeout": 120}.
Starts the kernel (a kernelspec of the project's .venv) in `cwd`, executes each cell in turn, and prints
one JSON array on stdout, one entry per cell:
  {"status": "ok" | "error", "stdout": "...", "stderr": "...", "results": [bundle, ...],
   "displays": [bundle, ...], "error": {"ename", "evalue", "traceback"} | null,
   "late": number of outputs that came after the cell's idle status}
ANSI colour codes are removed from stream and error texts. Used by test/kernel-idioms.test.ts.
"""
import json
import os
import queue
import re
import sys
import time

from jupyter_client.manager import start_new_kernel

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
LATE_GRACE = 0.2  # seconds to wait, after a cell's idle status, for outputs that come late


def clean(text: str) -> str:
    return ANSI.sub("", text)


def run(kernel: str, cwd: str, cells: list[str], timeout: float) -> list[dict]:
    manager, client = start_new_kernel(kernel_name=kernel, cwd=cwd, startup_timeout=timeout)
    results = []
    try:
        for source in cells:
            entry = {"status": "ok", "stdout": "", "stderr": "", "results": [], "displays": [], "error": None, "late": 0}

            def on_output(msg, entry=entry):
                kind, content = msg["msg_type"], msg["content"]
                if kind == "stream":
                    entry[content["name"]] += clean(content["text"])
                elif kind == "execute_result":
                    entry["results"].append(content["data"])
                elif kind == "display_data":
                    entry["displays"].append(content["data"])
                elif kind == "error":
                    entry["error"] = {
                        "ename": clean(content.get("ename", "")),
                        "evalue": clean(content.get("evalue", "")),
                        "traceback": [clean(line) for line in content.get("traceback", [])],
                    }

            reply = client.execute_interactive(source, output_hook=on_output, timeout=timeout, allow_stdin=False)
            entry["status"] = reply["content"]["status"]
            # Outputs of this cell that come after its idle status (JupyterLab and nbclient drop them):
            # taken, and counted in "late".
            while True:
                try:
                    msg = client.get_iopub_msg(timeout=LATE_GRACE)
                except queue.Empty:
                    break
                if msg["parent_header"].get("msg_id") == reply["parent_header"].get("msg_id") and msg["msg_type"] != "status":
                    entry["late"] += 1
                    on_output(msg)
            results.append(entry)
            if entry["status"] == "error":
                # tslab aborts execute requests that arrive within 200 ms of an error (that is how "Run
                # all" stops at a failing cell); a person runs the next cell later than that.
                time.sleep(0.3)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return results


def main() -> int:
    request = json.load(sys.stdin)
    # The kernel inherits file descriptor 1 and may write to it (tslab logs there): keep the real stdout
    # for the JSON answer and give the kernel stderr instead.
    answer = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    out = run(request["kernel"], request["cwd"], request["cells"], float(request.get("timeout", 120)))
    json.dump(out, answer)
    answer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
