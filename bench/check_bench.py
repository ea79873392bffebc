"""Benchmark `contractgen check` on 1,000 locked deals (target: under 2 s, whole process).

One deal is rendered for real; the other 999 get copies of its outputs and lock entries written
through the lockfile API (rendering 1,000 PDFs would take hours and measures nothing about check).
Then `contractgen check` runs as a subprocess, first with everything current, then after adding a
new approved version of one clause (the case CI meets on a library pull request).

    .venv/bin/python bench/check_bench.py [--deals 1000] [--formats docx,pdf] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _repo_setup import copy_deals, make_repo  # noqa: E402

from contractgen.repo.lockfile import read_lock, sha256_file, write_lock  # noqa: E402
from contractgen.repo.config import load_config  # noqa: E402


def timed_check(root: Path, runs: int) -> tuple[list[float], list[float], subprocess.CompletedProcess]:
    """Run `contractgen check` runs times; return wall times, CPU times (user+sys) and the last result."""
    times, cpu, result = [], [], None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "contractgen.cli", "check"], cwd=root,
                                capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return times, cpu, result


def figures(times: list[float], cpu: list[float]) -> str:
    """Return the timings as one readable phrase."""
    return (f"wall best {min(times):.2f} s, median {statistics.median(times):.2f} s; "
            f"CPU (user+sys) median {statistics.median(cpu):.2f} s over {len(times)} runs")


def main() -> None:
    """Build the benchmark repository, time check, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=1000)
    parser.add_argument("--formats", default="docx,pdf")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="contractgen-check-bench-"))
    try:
        root = make_repo(tmp / "contracts", args.formats.split(","))
        names = copy_deals(root, args.deals)
        first = names[0]
        built = subprocess.run([sys.executable, "-m", "contractgen.cli", "build", first], cwd=root,
                               capture_output=True, text=True)
        if built.returncode != 0:
            sys.exit(f"building {first} failed:\n{built.stderr}")
        config = load_config(root)
        lock = read_lock(config.lock_path)
        template = lock.deals[first]
        sources = config.output_paths(first)
        for name in names[1:]:
            outputs = {}
            for fmt, out in config.output_paths(name).items():
                shutil.copyfile(root / sources[fmt], root / out)
                outputs[out] = template["outputs"][sources[fmt]]
            lock.deals[name] = {**template, "deal_sha256": sha256_file(root / name), "outputs": outputs}
        write_lock(config.lock_path, lock)
        size = config.lock_path.stat().st_size
        times, cpu, result = timed_check(root, args.runs)
        if result.returncode != 0:
            sys.exit(f"check is not clean:\n{result.stdout[:2000]}{result.stderr[:2000]}")
        print(f"check, {args.deals} locked deals ({args.formats}, lock {size / 1e6:.1f} MB): "
              f"{figures(times, cpu)}")
        folder = root / "clauses" / "service-levels" / "service-credits"
        text = (folder / "v2.md").read_text(encoding="utf-8").replace("changes:", "changes: (bench v3)", 1)
        (folder / "v3.md").write_text(text + "\nOne more sentence.\n", encoding="utf-8")
        times, cpu, result = timed_check(root, args.runs)
        stale = sum(1 for line in result.stdout.splitlines() if "service-credits v2 → v3" in line)
        print(f"check after a new service-credits version ({stale} contracts named, exit {result.returncode}): "
              f"{figures(times, cpu)}")
        print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs: wall time includes waiting for a CPU)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
