"""Benchmark the build past one machine (issue 15): the Dask path against the local pool, and `check` at scale.

- A repository of N distinct deals (default 20, DOCX + PDF) is built from scratch, alternating
  `contractgen build --jobs 2` and `contractgen build --dask local:2` (a LocalCluster of 2 worker
  processes, started by the command itself, as a user runs it). The overhead per deal of the Dask path
  is (Dask wall time - local wall time) / N; the cluster's start-up is part of it.
- `contractgen check` over 10,000 locked deals (one built, cloned as in bench/fixtures.py); target
  under 5 s (whole process).

    .venv/bin/pip install -e '.[dask,bench]' && .venv/bin/python -m bench.cluster [--deals 20] [-n 2]

Prints the rows and writes bench/results/cluster.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.content import reference_deal
from bench.fixtures import batch_repo, check_repo, clean_build, contractgen_exe
from bench.run import run_measured

HERE = Path(__file__).resolve().parent
CHECK_TARGET = 5.0  # seconds, issue 15 item 6


def _builds(root: Path, deals: int, repeat: int) -> dict[str, list[dict]]:
    """Alternate the local pool and the Dask LocalCluster over fresh builds of the same repository."""
    cg = contractgen_exe()
    commands = {
        "local": [cg, "build", "--jobs", "2", "-C", str(root)],
        "dask": [cg, "build", "--dask", "local:2", "-C", str(root)],
    }
    samples: dict[str, list[dict]] = {name: [] for name in commands}
    for rep in range(repeat):
        for name in list(commands) if rep % 2 == 0 else list(reversed(commands)):
            print(f"bench: build ({name}) over {deals} deals ...", flush=True)
            clean_build(root)
            samples[name].append(run_measured(commands[name]))
    return samples


def main(argv: list[str] | None = None) -> int:
    """Run the rounds, print the rows and targets, write bench/results/cluster.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=20)
    parser.add_argument("-n", "--repeat", type=int, default=2)
    parser.add_argument("--check-deals", type=int, default=10_000)
    parser.add_argument("-o", "--output", type=Path, default=HERE / "results" / "cluster.json")
    args = parser.parse_args(argv)
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("bench.cluster: dask.distributed is missing: .venv/bin/pip install -e '.[dask]'", file=sys.stderr)
        return 2
    deal = reference_deal().resolve()
    work = Path(tempfile.mkdtemp(prefix="contractgen-cluster-bench-"))
    try:
        root = batch_repo(work / "batch", deal, args.deals)
        samples = _builds(root, args.deals, args.repeat)
        print(f"bench: making {args.check_deals} locked deals for `check` ...", flush=True)
        checked = check_repo(work / "check", deal, args.check_deals)
        checks = [run_measured([contractgen_exe(), "check", "-C", str(checked)]) for _ in range(args.repeat)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    local = statistics.median(s["wall"] for s in samples["local"])
    dask = statistics.median(s["wall"] for s in samples["dask"])
    overhead = (dask - local) / args.deals
    check = statistics.median(s["wall"] for s in checks)
    check_cpu = statistics.median(s["cpu"] for s in checks)
    rows = {
        "build_local_jobs2": {
            "label": f"build --jobs 2, {args.deals} deals (DOCX+PDF)",
            "median": local,
            "per_deal": local / args.deals,
            "samples": samples["local"],
        },
        "build_dask_local2": {
            "label": f"build --dask local:2, {args.deals} deals (DOCX+PDF)",
            "median": dask,
            "per_deal": dask / args.deals,
            "samples": samples["dask"],
        },
        "dask_overhead_per_deal": {"label": "Dask path overhead per deal over the local pool", "median": overhead},
        "check_locked": {
            "label": f"check, {args.check_deals} locked deals (whole process)",
            "median": check,
            "cpu_median": check_cpu,
            "samples": checks,
        },
    }
    targets = [
        {
            "target": f"check over {args.check_deals} locked deals (seconds, whole process)",
            "value": round(check, 3),
            "limit": CHECK_TARGET,
            "status": "PASS" if check <= CHECK_TARGET else "MISS",
            "detail": f"CPU {check_cpu:.2f} s",
        }
    ]
    for row in rows.values():
        extra = f"  ({row['per_deal']:.2f} s per deal)" if "per_deal" in row else ""
        print(f"{row['label']:<60} {row['median']:8.2f} s{extra}")
    for t in targets:
        print(f"  [{t['status']}] {t['target']}: {t['value']} (limit {t['limit']}) — {t['detail']}")
    report = {
        "generated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "command": "python -m bench.cluster " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_end": os.getloadavg(),
        },
        "results": rows,
        "targets": targets,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
