"""The benchmark's report: the targets (ratios within one run), the printed table, and
bench/results/latest.json with the machine, every sample, medians and the profiles."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import platform
import shutil
import subprocess
import time

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def finish_run(name: str, heading: str, info: dict, results: dict, targets: list[dict]) -> None:
    """Print the targets of one speed run and write bench/results/<name>.json (machine, results, targets)."""
    print(f"\ntargets ({heading}):")
    for t in targets:
        print(f"  [{t['status']}] {t['target']}: {t['value']} (limit {t['limit']}) — {t['detail']}")
    info["load_average_at_end"] = os.getloadavg()
    out = HERE / "results" / f"{name}.json"
    out.parent.mkdir(exist_ok=True)
    data = {"machine": info, **results, "targets": targets}
    out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def machine_info() -> dict:
    info = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "cpu": platform.processor() or "",
        "load_average_at_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "pythondontwritebytecode_in_caller": bool(os.environ.get("PYTHONDONTWRITEBYTECODE")),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        info["memory_gb"] = round(int(mem) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {}
    for dist in ("weasyprint", "python-docx", "docxtpl", "jinja2", "pydantic", "lxml", "pydyf"):
        try:
            from importlib.metadata import version

            versions[dist] = version(dist)
        except Exception:  # noqa: BLE001 - a missing package is reported as absent
            versions[dist] = None
    info["versions"] = versions
    try:
        info["git_commit"] = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        info["git_dirty"] = bool(
            subprocess.run(
                ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
            ).stdout.strip()
        )
    except OSError:
        pass
    office = soffice()
    if office:
        try:
            info["libreoffice"] = subprocess.run(
                [office, "--version"], capture_output=True, text=True, timeout=60
            ).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            info["libreoffice"] = office
    return info


def relative_path(path: str) -> str:
    """Return path relative to the checkout when it lies inside it (results never name a user's folders)."""
    try:
        return str(Path(path).resolve().relative_to(Path(__file__).resolve().parent.parent))
    except ValueError:
        return Path(path).name


def _targets(setup: dict, results: dict, growth: dict, batch_deals: int) -> list[dict]:
    pages = setup["pages"]
    out = []

    def target(name: str, value: float | None, limit: float, detail: str, lower_is_better: bool = True) -> None:
        status = "n/a" if value is None else ("PASS" if value <= limit else "MISS")
        out.append(
            {
                "target": name,
                "value": None if value is None else round(value, 3),
                "limit": limit,
                "status": status,
                "detail": detail,
            }
        )

    r = results
    ours_pp = r["cg_pdf"]["median"] / pages["contractgen_pdf"]
    plain_pp = r["plain_weasyprint"]["median"] / pages["plain_weasyprint"]
    target(
        "PDF per page vs plain WeasyPrint (in-process, warm)",
        ours_pp / plain_pp,
        0.75,
        f"{ours_pp * 1000:.0f} ms/page ({pages['contractgen_pdf']} pages) vs {plain_pp * 1000:.0f} ms/page "
        f"({pages['plain_weasyprint']} pages)",
    )
    target(
        "DOCX whole process vs docxtpl whole process",
        r["cg_docx_proc"]["median"] / r["docxtpl_proc"]["median"],
        1.5,
        f"{r['cg_docx_proc']['median']:.3f} s vs {r['docxtpl_proc']['median']:.3f} s",
    )
    target(
        "DOCX in-process vs docxtpl in-process",
        r["cg_docx"]["median"] / r["docxtpl"]["median"],
        1.0,
        f"{r['cg_docx']['median']:.3f} s vs {r['docxtpl']['median']:.3f} s (writer only: "
        f"{r['cg_docx_writer']['median']:.3f} s)",
    )
    key = f"batch_{batch_deals}_jobs2"
    if key in r:
        per = r[key]["per_contract"]
        target(
            "Batch (DOCX+PDF) per contract with 2 workers vs one plain WeasyPrint render",
            per / r["plain_weasyprint"]["median"],
            0.5,
            f"{per:.3f} s/contract over {batch_deals} deals vs {r['plain_weasyprint']['median']:.3f} s",
        )
    else:
        target("Batch per contract with 2 workers vs one plain WeasyPrint render", None, 0.5, "batch skipped")
    check = [k for k in r if k.startswith("check_")]
    biggest = max(check, key=lambda k: int(k.split("_")[1]))
    target(
        f"check over {biggest.split('_')[1]} locked deals (seconds, whole process)",
        r[biggest]["median"],
        2.0,
        f"{r[biggest]['median']:.3f} s",
    )
    target("no-op build (seconds, whole process)", r["noop_build"]["median"], 2.0, f"{r['noop_build']['median']:.3f} s")
    for fmt in ("docx", "pdf"):
        per_copy = growth[f"length_{fmt}"]["4x"]["per_copy"]
        target(
            f"{fmt.upper()} cost linear in length (4x time / (4 x 1x time))",
            per_copy,
            1.25,
            f"1x {growth[f'length_{fmt}']['1x']['median']:.3f} s, 4x {growth[f'length_{fmt}']['4x']['median']:.3f} s",
        )
    if "batch_deals_jobs2" in growth:
        last = max(growth["batch_deals_jobs2"], key=int)
        target(
            "build cost linear in number of deals (per contract, most vs fewest deals)",
            growth["batch_deals_jobs2"][last]["per_contract_relative"],
            1.25,
            ", ".join(f"{n}: {v['median']:.1f} s" for n, v in growth["batch_deals_jobs2"].items()),
        )
    last = max(growth["check_deals"], key=int)
    target(
        "check cost linear in number of deals (per deal, most vs fewest deals)",
        growth["check_deals"][last]["per_deal_relative"],
        1.25,
        ", ".join(f"{n}: {v['median']:.2f} s" for n, v in growth["check_deals"].items()),
    )
    return out


def _fmt_s(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def write_report(
    setup: dict, results: dict, memory: dict, growth: dict, repeat: int, batch_deals: int, args, started: float
) -> dict:
    pages = setup["pages"]
    page_of = {
        "cg_pdf": pages["contractgen_pdf"],
        "cg_pdf_proc": pages["contractgen_pdf"],
        "plain_weasyprint": pages["plain_weasyprint"],
        "plain_weasyprint_proc": pages["plain_weasyprint"],
        "libreoffice_proc": pages.get("libreoffice"),
    }
    print(f"\n{'contender':<68} {'median':>9} {'min-max':>19} {'per page':>9} {'cpu':>8} {'peak RSS':>9}")
    for name, r in results.items():
        if name.startswith("cg_len_"):
            continue
        per_page = f"{r['median'] / page_of[name] * 1000:.0f} ms" if page_of.get(name) else ""
        cpu = _fmt_s(r["cpu_median"]) if "cpu_median" in r else ""
        rss = f"{memory[name] / 1024:.0f} MB" if name in memory else ""
        span = f"{_fmt_s(r['min'])}-{_fmt_s(r['max'])}"
        print(f"{r['label']:<68} {_fmt_s(r['median']):>9} {span:>19} {per_page:>9} {cpu:>8} {rss:>9}")
    print("\ncost by contract length (writers only, median; relative to 1x):")
    for fmt in ("docx", "pdf"):
        row = growth[f"length_{fmt}"]
        print(
            f"  {fmt.upper():<5}"
            + "".join(f"  {k}: {_fmt_s(v['median'])} ({v['relative']:.2f}x)" for k, v in row.items())
        )
    if "batch_deals_jobs2" in growth:
        print(
            "cost by number of deals (build --jobs 2):"
            + "".join(f"  {n}: {_fmt_s(v['median'])}" for n, v in growth["batch_deals_jobs2"].items())
        )
    print(
        "cost by number of deals (check):"
        + "".join(f"  {n}: {_fmt_s(v['median'])}" for n, v in growth["check_deals"].items())
    )
    targets = _targets(setup, results, growth, batch_deals)
    print("\ntargets (issue 7):")
    for t in targets:
        value = "—" if t["value"] is None else f"{t['value']:.2f}"
        print(f"  [{t['status']}] {t['target']}: {value} (limit {t['limit']}) — {t['detail']}")
    profiles_path = HERE / "profiles.json"
    profiles = json.loads(profiles_path.read_text(encoding="utf-8")) if profiles_path.is_file() else {}
    return {
        "generated": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": "python -m bench " + " ".join(sys.argv[1:]),
        "duration_s": round(time.time() - started, 1),
        "repetitions": repeat,
        "batch_deals": batch_deals,
        "check_deals": args.check_deals,
        "machine": {**machine_info(), "load_average_at_end": os.getloadavg()},
        "inputs": {
            k: (relative_path(v) if k == "deal" else v)
            for k, v in setup.items()
            if k in ("deal", "pages", "content_blocks", "content_chars", "docxtpl_placeholders", "equivalent_text")
        },
        "results": {
            k: {kk: (round(vv, 4) if isinstance(vv, float) else vv) for kk, vv in v.items()} for k, v in results.items()
        },
        "peak_rss_kb": memory,
        "growth": growth,
        "targets": targets,
        "profiles": profiles,
        "notes": [
            "Contenders alternate within each repetition; in-process contenders run warm in their own worker "
            "process (bench/worker.py), one untimed warm-up first. Times are wall-clock seconds; cpu is user+system.",
            "contractgen in-process rows run the whole pipeline from the YAML file (load, validate, resolve, "
            "render clauses, transforms, writer); the alternatives get their text ready-made (bench/content.py).",
            "docxtpl's template is contractgen's own DOCX of the reference deal with the deal values replaced by "
            "placeholders; python-docx and plain WeasyPrint print the same text flattened (bench/contenders/alternatives.py).",
            "check/no-op build fixtures clone one built deal (bench/fixtures.py); the batch uses distinct deals.",
            "peak_rss_kb: in-process rows are the worker's own peak; whole-process rows and builds are the largest "
            "process of the tree (ru_maxrss via wait4), i.e. the peak of one build worker.",
        ],
    }
