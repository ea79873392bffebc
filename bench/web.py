"""Benchmark the web workspace: how long the preview of the reference deal takes after a valid change.

A contracts repository is made with `contractgen init` (its deal is the reference deal). The web
application runs in-process (Starlette's test client, no network) with one warm render worker,
as `contractgen serve` runs it. Each repetition changes the monthly charges to a new value and
times what the browser waits for: the POST of the changed form (validation as the CLI does it,
the render in the worker, the problems and the preview's address) plus the GET of the preview page.
Issue 16 asks for the preview within a second of a valid change.

    .venv/bin/pip install -e '.[web,bench]' && .venv/bin/python -m bench.web [--runs 20]

Prints a row and writes bench/results/web-preview.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import tempfile
import time
import warnings
from pathlib import Path

from contractgen.repo.config import init_repo
from tests.web.forms import form_values

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

DEAL = "deals/deal-example.yaml"
TARGET = 1.0  # seconds


def measure(runs: int) -> dict:
    """Return the preview latencies (seconds) after `runs` valid changes of the reference deal."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    from contractgen.web.app import create_app

    with tempfile.TemporaryDirectory(prefix="contractgen-web-bench-") as folder:
        init_repo(Path(folder) / "contracts")
        app = create_app(Path(folder) / "contracts", workers=1)
        app.state.workspace.pool.warm_up()
        samples: list[float] = []
        try:
            with TestClient(app, base_url="http://127.0.0.1") as client:
                values = form_values(client.get(f"/edit/{DEAL}").text)  # untimed: opens the deal, warms the worker
                for run in range(runs + 1):
                    values["commercials.monthly_charges"] = str(100000 + run * 1000)
                    start = time.perf_counter()
                    page = client.post(f"/check/{DEAL}", data=values).text
                    found = re.search(r'src="(/preview/\w+)', page)
                    if found is None:
                        raise RuntimeError("the change did not produce a preview:\n" + page[:2000])
                    preview = client.get(found.group(1)).text
                    elapsed = time.perf_counter() - start
                    if f"{100000 + run * 1000:,}" not in preview:
                        raise RuntimeError("the preview does not show the changed charges")
                    if run:  # the first change is a warm-up
                        samples.append(elapsed)
        finally:
            app.state.workspace.pool.close()
    return {
        "row": "web preview after a valid change (reference deal)",
        "runs": runs,
        "samples": samples,
        "median": statistics.median(samples),
        "min": min(samples),
        "max": max(samples),
        "target": TARGET,
        "result": "PASS" if statistics.median(samples) <= TARGET else "MISS",
        "machine": {
            "cpus": os.cpu_count(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(),
            "system": platform.platform(),
        },
    }


def main() -> None:
    """Measure, print one row and write bench/results/web-preview.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "web-preview.json")
    args = parser.parse_args()
    result = measure(args.runs)
    print(
        f"{result['row']}: median {result['median']:.3f} s (min {result['min']:.3f}, max {result['max']:.3f}, "
        f"{result['runs']} runs) target ≤ {TARGET:g} s: {result['result']}"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
