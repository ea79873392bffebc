"""Benchmark `contractgen build --jobs 1` against `--jobs 2` on eight deals (prints both timings).

    .venv/bin/python bench/build_bench.py [--deals 8] [--formats docx] [--jobs 1,2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _repo_setup import copy_deals, make_repo  # noqa: E402


def main() -> None:
    """Build the same fresh repository once per job count and print the wall times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=8)
    parser.add_argument("--formats", default="docx")
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="contractgen-build-bench-"))
    try:
        template = make_repo(tmp / "template", args.formats.split(","))
        copy_deals(template, args.deals)
        for jobs in (int(j) for j in args.jobs.split(",")):
            root = tmp / f"jobs-{jobs}"
            shutil.copytree(template, root)
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "contractgen.cli", "build", "--jobs", str(jobs)],
                                    cwd=root, capture_output=True, text=True)
            elapsed = time.perf_counter() - start
            if result.returncode != 0:
                sys.exit(f"build --jobs {jobs} failed:\n{result.stderr}")
            print(f"build --jobs {jobs}: {args.deals} deals ({args.formats}) in {elapsed:.2f} s")
        print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
