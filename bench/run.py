"""contractgen's benchmark against the alternatives: `make bench` (or `.venv/bin/python bench/run.py`).

One run measures, alternating the contenders within every repetition (so load on the machine
hits all of them alike), medians and min-max of:
  contractgen DOCX and PDF of the reference deal, in-process (warm worker) and whole process;
  plain Jinja2 -> WeasyPrint, python-docx and docxtpl printing the same text; LibreOffice
  converting our DOCX to PDF (skipped when not installed); a batch of contracts with
  `contractgen build --jobs 1/2`; `contractgen check` over 1,000 locked deals and a no-op build;
  peak memory per worker; cost at 1x, 2x, 4x contract length and 1/4, 1/2, 1x the deals.
It prints a table and the ratios against the targets of issue 7 (PASS/MISS) and writes
bench/results/latest.json. `--quick` is a short run (fewer repetitions, a 10-deal batch).
Needs the bench extra: pip install -e '.[bench]' (docxtpl).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
PY = sys.executable

from fixtures import batch_repo, check_repo, clean_build, contractgen_exe  # noqa: E402


# ---------------------------------------------------------------- measuring


def run_measured(cmd: list[str], cwd: Path | None = None, ok=(0,)) -> dict:
    """Run a command; return wall seconds, CPU seconds (user+system of the whole tree) and peak RSS (kB)."""
    w0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err_chunks = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - w0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {proc.returncode}:\n"
                           f"{err_chunks.decode(errors='replace')[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_kb": usage.ru_maxrss}


class Worker:
    """A warm in-process contender in its own process (bench/worker.py)."""

    def __init__(self, name: str, setup_path: Path):
        self.name = name
        self.proc = subprocess.Popen([PY, str(HERE / "worker.py"), name, str(setup_path)], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.ready = self._read()

    def _read(self) -> dict:
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"worker {self.name} died")
        return json.loads(line)

    def run(self) -> dict:
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self) -> int:
        self.proc.stdin.write("quit\n")
        self.proc.stdin.flush()
        rss = self._read()["maxrss_kb"]
        self.proc.wait()
        return rss


def summary(samples: list[dict], key: str = "wall") -> dict:
    values = [s[key] for s in samples]
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values),
            "samples": [round(v, 4) for v in values]}


def pdf_pages(path_or_bytes) -> int:
    data = Path(path_or_bytes).read_bytes() if not isinstance(path_or_bytes, bytes) else path_or_bytes
    try:
        import io

        import pypdf

        return len(pypdf.PdfReader(io.BytesIO(data)).pages)
    except ImportError:
        return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def machine_info() -> dict:
    info = {
        "python": sys.version.split()[0], "platform": platform.platform(), "cpus": os.cpu_count(),
        "cpu": platform.processor() or "",
        "load_average_at_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
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
        info["git_commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                            text=True).stdout.strip()
        info["git_dirty"] = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                                                capture_output=True, text=True).stdout.strip())
    except OSError:
        pass
    office = soffice()
    if office:
        try:
            info["libreoffice"] = subprocess.run([office, "--version"], capture_output=True, text=True,
                                                 timeout=60).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            info["libreoffice"] = office
    return info


# ---------------------------------------------------------------- setup


def prepare(work: Path, deal: Path) -> dict:
    """Write the inputs every contender needs (untimed) and return the setup record."""
    from alternatives import deal_values, docx_text, make_docxtpl_template, plain_weasyprint, python_docx
    from content import build_reference, flatten, text_of

    from contractgen import writers

    document, template_dir = build_reference(deal)
    content = flatten(document)
    setup = {"deal": str(deal), "content": str(work / "content.json")}
    Path(setup["content"]).write_text(json.dumps(content), encoding="utf-8")
    for copies in (2, 4):
        longer, _ = build_reference(deal, copies)
        path = work / f"content-x{copies}.json"
        path.write_text(json.dumps(flatten(longer)), encoding="utf-8")
        setup[f"content_x{copies}"] = str(path)
    our_docx = writers.render(document, template_dir, "docx")
    our_pdf = writers.render(document, template_dir, "pdf")
    (work / "ours.docx").write_bytes(our_docx)
    setup["ours_docx"] = str(work / "ours.docx")
    values = deal_values(deal)
    template, placeholders = make_docxtpl_template(our_docx, values)
    (work / "template.docx").write_bytes(template)
    (work / "values.json").write_text(json.dumps(values), encoding="utf-8")
    setup.update(docxtpl_template=str(work / "template.docx"), docxtpl_values=str(work / "values.json"),
                 docxtpl_placeholders=placeholders)
    plain_pdf = plain_weasyprint(content)
    setup["pages"] = {"contractgen_pdf": pdf_pages(our_pdf), "plain_weasyprint": pdf_pages(plain_pdf)}
    setup["content_blocks"] = len(content)
    setup["content_chars"] = len(text_of(content))
    # equivalence: the alternatives print the same text as our DOCX (spaces and tabs aside)
    norm = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    setup["equivalent_text"] = {
        "python_docx_vs_content": norm(docx_text(python_docx(content))) == norm(text_of(content)),
        "docxtpl_vs_contractgen_docx": norm(docx_text(_docxtpl_once(template, values))) == norm(docx_text(our_docx)),
    }
    (work / "setup.json").write_text(json.dumps(setup, indent=1), encoding="utf-8")
    return setup


def _docxtpl_once(template: bytes, values: dict) -> bytes:
    from alternatives import docxtpl_render

    return docxtpl_render(template, values)


# ---------------------------------------------------------------- the run


def _relative(path: str) -> str:
    """Return path relative to the checkout when it lies inside it (results never name a user's folders)."""
    try:
        return str(Path(path).resolve().relative_to(Path(__file__).resolve().parent.parent))
    except ValueError:
        return Path(path).name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a short run: 2 repetitions, 10-deal batch")
    parser.add_argument("-n", "--repeat", type=int, default=None, help="repetitions per contender (default 5, quick 2)")
    parser.add_argument("--batch-deals", type=int, default=None, help="deals in the batch build (default 100, quick 10)")
    parser.add_argument("--check-deals", type=int, default=1000, help="locked deals for `check` (default 1000)")
    parser.add_argument("--skip-batch", action="store_true", help="leave out the batch build (slowest part)")
    parser.add_argument("--deal", type=Path, default=None, help="the reference deal (default: samples/deal-example.yaml)")
    parser.add_argument("-o", "--output", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--prepare-into", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.prepare_into:  # internal: the inputs are made in a child process (see below)
        prepare(args.prepare_into, args.deal)
        return 0
    try:
        import docxtpl  # noqa: F401
    except ImportError:
        print("bench: docxtpl is missing; install the bench extra:  .venv/bin/pip install -e '.[bench]'",
              file=sys.stderr)
        return 2
    from content import reference_deal

    repeat = args.repeat or (2 if args.quick else 5)
    batch_deals = args.batch_deals or (10 if args.quick else 100)
    deal = (args.deal or reference_deal()).resolve()
    started = time.time()
    work = Path(tempfile.mkdtemp(prefix="contractgen-bench-"))
    try:
        print(f"bench: preparing inputs in {work} ...", flush=True)
        # Made in a child so this runner stays small: a child process inherits its parent's peak RSS
        # (ru_maxrss survives exec on Linux), which would inflate every worker's memory figure.
        subprocess.run([PY, str(Path(__file__).resolve()), "--prepare-into", str(work), "--deal", str(deal)],
                       check=True, cwd=ROOT)
        setup = json.loads((work / "setup.json").read_text(encoding="utf-8"))
        results: dict[str, dict] = {}
        memory: dict[str, int] = {}
        _main_round(work, setup, repeat, results, memory)
        growth = _length_round(work, setup, max(1, repeat - 2 if not args.quick else 1), results)
        _check_round(work, deal, args.check_deals, repeat, results, memory, growth)
        if not args.skip_batch:
            _batch_round(work, deal, batch_deals, 1, results, memory, growth)
        report = _report(setup, results, memory, growth, repeat, batch_deals, args, started)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nbench: wrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    return 0


IN_PROCESS = {
    "cg_docx": "contractgen DOCX, in-process (YAML -> DOCX, warm)",
    "cg_docx_writer": "contractgen DOCX writer only (model -> DOCX)",
    "docxtpl": "docxtpl (Word template + placeholders)",
    "python_docx": "python-docx (same paragraphs and tables)",
    "cg_pdf": "contractgen PDF, in-process (YAML -> PDF, warm)",
    "plain_weasyprint": "plain Jinja2 -> WeasyPrint (defaults)",
    "cg_both": "contractgen DOCX+PDF, in-process (warm)",
}


def _whole_process(work: Path, setup: dict) -> dict[str, list[str]]:
    cg = contractgen_exe()
    deal = setup["deal"]
    commands = {
        "cg_docx_proc": [cg, "render", deal, "-o", str(work / "out-docx"), "--format", "docx"],
        "cg_pdf_proc": [cg, "render", deal, "-o", str(work / "out-pdf"), "--format", "pdf"],
        "docxtpl_proc": [PY, str(HERE / "alt_cli.py"), "docxtpl", setup["docxtpl_template"],
                         str(work / "tpl-out.docx"), setup["docxtpl_values"]],
        "python_docx_proc": [PY, str(HERE / "alt_cli.py"), "python-docx", setup["content"], str(work / "pd-out.docx")],
        "plain_weasyprint_proc": [PY, str(HERE / "alt_cli.py"), "weasyprint", setup["content"],
                                  str(work / "plain-out.pdf")],
    }
    office = soffice()
    if office:
        profile = (work / "lo-profile").as_uri()
        commands["libreoffice_proc"] = [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                                        "pdf", "--outdir", str(work / "lo"), setup["ours_docx"]]
    return commands


WHOLE_LABELS = {
    "cg_docx_proc": "contractgen render --format docx (whole process)",
    "cg_pdf_proc": "contractgen render --format pdf (whole process)",
    "docxtpl_proc": "docxtpl (whole process)",
    "python_docx_proc": "python-docx (whole process)",
    "plain_weasyprint_proc": "plain Jinja2 -> WeasyPrint (whole process)",
    "libreoffice_proc": "LibreOffice DOCX -> PDF (soffice --convert-to, whole process)",
}


def _main_round(work: Path, setup: dict, repeat: int, results: dict, memory: dict) -> None:
    setup_path = work / "setup.json"
    print("bench: starting warm workers ...", flush=True)
    workers = {name: Worker(name, setup_path) for name in IN_PROCESS}
    commands = _whole_process(work, setup)
    for name, cmd in commands.items():  # warm-up (page cache, LibreOffice profile), untimed
        run_measured(cmd)
    if "libreoffice_proc" in commands:
        setup["pages"]["libreoffice"] = pdf_pages(work / "lo" / "ours.pdf")
    samples: dict[str, list[dict]] = {name: [] for name in [*workers, *commands]}
    order = list(samples)
    for rep in range(repeat):
        rotated = order[rep % len(order):] + order[:rep % len(order)]
        print(f"bench: repetition {rep + 1}/{repeat}", flush=True)
        for name in rotated:
            samples[name].append(workers[name].run() if name in workers else run_measured(commands[name]))
    for name, worker in workers.items():
        memory[name] = worker.close()
    for name, values in samples.items():
        if name in commands:
            memory[name] = max(v["maxrss_kb"] for v in values)
        results[name] = {"label": IN_PROCESS.get(name) or WHOLE_LABELS[name], **summary(values),
                         "cpu_median": statistics.median(v["cpu"] for v in values)}


def _length_round(work: Path, setup: dict, repeat: int, results: dict) -> dict:
    """Cost at 1x, 2x and 4x contract length (clauses repeated in the model), writers only."""
    names = [f"cg_len_{fmt}_{k}" for fmt in ("docx", "pdf") for k in (1, 2, 4)]
    print(f"bench: contract length 1x/2x/4x ({repeat} repetition(s)) ...", flush=True)
    workers = {name: Worker(name, work / "setup.json") for name in names}
    samples = {name: [] for name in names}
    for rep in range(repeat):
        for name in names:
            samples[name].append(workers[name].run())
    for worker in workers.values():
        worker.close()
    growth = {}
    for fmt in ("docx", "pdf"):
        base = statistics.median(s["wall"] for s in samples[f"cg_len_{fmt}_1"])
        rows = {}
        for k in (1, 2, 4):
            s = summary(samples[f"cg_len_{fmt}_{k}"])
            results[f"cg_len_{fmt}_{k}"] = {"label": f"contractgen {fmt.upper()} writer, {k}x contract length", **s}
            rows[f"{k}x"] = {"median": s["median"], "relative": s["median"] / base, "per_copy": s["median"] / base / k}
        growth[f"length_{fmt}"] = rows
    return growth


def _check_round(work: Path, deal: Path, count: int, repeat: int, results: dict, memory: dict, growth: dict) -> None:
    print(f"bench: making {count} locked deals for `check` ...", flush=True)
    cg = contractgen_exe()
    sizes = sorted({max(1, count // 4), max(1, count // 2), count})
    repos = {n: check_repo(work / f"check-{n}", deal, n) for n in sizes}
    samples = {n: [] for n in sizes}
    noop = []
    for rep in range(repeat):
        for n in sizes:
            samples[n].append(run_measured([cg, "check", "-C", str(repos[n])]))
        noop.append(run_measured([cg, "build", "-C", str(repos[count])]))
    for n in sizes:
        results[f"check_{n}"] = {"label": f"contractgen check, {n} locked deals (whole process)", **summary(samples[n])}
    results["noop_build"] = {"label": f"contractgen build with nothing to do, {count} deals (whole process)",
                             **summary(noop)}
    memory["check"] = max(s["maxrss_kb"] for s in samples[count])
    base = statistics.median(s["wall"] for s in samples[sizes[0]])
    growth["check_deals"] = {str(n): {"median": statistics.median(s["wall"] for s in samples[n]),
                                      "per_deal_relative": statistics.median(s["wall"] for s in samples[n])
                                      / base * sizes[0] / n} for n in sizes}


def _batch_round(work: Path, deal: Path, count: int, repeat: int, results: dict, memory: dict, growth: dict) -> None:
    cg = contractgen_exe()
    sizes = sorted({max(1, count // 4), max(1, count // 2), count})
    repos = {n: batch_repo(work / f"batch-{n}", deal, n) for n in sizes}
    runs = [(count, 1), (count, 2)] + [(n, 2) for n in sizes if n != count]
    samples = {run: [] for run in runs}
    for rep in range(repeat):
        for n, jobs in runs:
            print(f"bench: build --jobs {jobs} over {n} deals ...", flush=True)
            clean_build(repos[n])
            samples[(n, jobs)].append(run_measured([cg, "build", "--jobs", str(jobs), "-C", str(repos[n])]))
    for (n, jobs), values in samples.items():
        key = f"batch_{n}_jobs{jobs}"
        s = summary(values)
        results[key] = {"label": f"contractgen build --jobs {jobs}, {n} deals (DOCX+PDF, whole process)", **s,
                        "per_contract": s["median"] / n, "cpu_median": statistics.median(v["cpu"] for v in values)}
        memory[key] = max(v["maxrss_kb"] for v in values)
    base = results[f"batch_{sizes[0]}_jobs2"]["per_contract"]
    growth["batch_deals_jobs2"] = {str(n): {"median": results[f"batch_{n}_jobs2"]["median"],
                                            "per_contract_relative": results[f"batch_{n}_jobs2"]["per_contract"] / base}
                                   for n in sizes}


# ---------------------------------------------------------------- targets and report


def _targets(setup: dict, results: dict, growth: dict, batch_deals: int) -> list[dict]:
    pages = setup["pages"]
    out = []

    def target(name: str, value: float | None, limit: float, detail: str, lower_is_better: bool = True) -> None:
        status = "n/a" if value is None else ("PASS" if value <= limit else "MISS")
        out.append({"target": name, "value": None if value is None else round(value, 3), "limit": limit,
                    "status": status, "detail": detail})

    r = results
    ours_pp = r["cg_pdf"]["median"] / pages["contractgen_pdf"]
    plain_pp = r["plain_weasyprint"]["median"] / pages["plain_weasyprint"]
    target("PDF per page vs plain WeasyPrint (in-process, warm)", ours_pp / plain_pp, 0.75,
           f"{ours_pp * 1000:.0f} ms/page ({pages['contractgen_pdf']} pages) vs {plain_pp * 1000:.0f} ms/page "
           f"({pages['plain_weasyprint']} pages)")
    target("DOCX whole process vs docxtpl whole process", r["cg_docx_proc"]["median"] / r["docxtpl_proc"]["median"],
           1.5, f"{r['cg_docx_proc']['median']:.3f} s vs {r['docxtpl_proc']['median']:.3f} s")
    target("DOCX in-process vs docxtpl in-process", r["cg_docx"]["median"] / r["docxtpl"]["median"], 1.0,
           f"{r['cg_docx']['median']:.3f} s vs {r['docxtpl']['median']:.3f} s (writer only: "
           f"{r['cg_docx_writer']['median']:.3f} s)")
    key = f"batch_{batch_deals}_jobs2"
    if key in r:
        per = r[key]["per_contract"]
        target("Batch (DOCX+PDF) per contract with 2 workers vs one plain WeasyPrint render",
               per / r["plain_weasyprint"]["median"], 0.5,
               f"{per:.3f} s/contract over {batch_deals} deals vs {r['plain_weasyprint']['median']:.3f} s")
    else:
        target("Batch per contract with 2 workers vs one plain WeasyPrint render", None, 0.5, "batch skipped")
    check = [k for k in r if k.startswith("check_")]
    biggest = max(check, key=lambda k: int(k.split("_")[1]))
    target(f"check over {biggest.split('_')[1]} locked deals (seconds, whole process)", r[biggest]["median"], 2.0,
           f"{r[biggest]['median']:.3f} s")
    target("no-op build (seconds, whole process)", r["noop_build"]["median"], 2.0, f"{r['noop_build']['median']:.3f} s")
    for fmt in ("docx", "pdf"):
        per_copy = growth[f"length_{fmt}"]["4x"]["per_copy"]
        target(f"{fmt.upper()} cost linear in length (4x time / (4 x 1x time))", per_copy, 1.25,
               f"1x {growth[f'length_{fmt}']['1x']['median']:.3f} s, 4x {growth[f'length_{fmt}']['4x']['median']:.3f} s")
    if "batch_deals_jobs2" in growth:
        last = max(growth["batch_deals_jobs2"], key=int)
        target("build cost linear in number of deals (per contract, most vs fewest deals)",
               growth["batch_deals_jobs2"][last]["per_contract_relative"], 1.25,
               ", ".join(f"{n}: {v['median']:.1f} s" for n, v in growth["batch_deals_jobs2"].items()))
    last = max(growth["check_deals"], key=int)
    target("check cost linear in number of deals (per deal, most vs fewest deals)",
           growth["check_deals"][last]["per_deal_relative"], 1.25,
           ", ".join(f"{n}: {v['median']:.2f} s" for n, v in growth["check_deals"].items()))
    return out


def _fmt_s(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def _report(setup: dict, results: dict, memory: dict, growth: dict, repeat: int, batch_deals: int, args,
            started: float) -> dict:
    pages = setup["pages"]
    page_of = {"cg_pdf": pages["contractgen_pdf"], "cg_pdf_proc": pages["contractgen_pdf"],
               "plain_weasyprint": pages["plain_weasyprint"], "plain_weasyprint_proc": pages["plain_weasyprint"],
               "libreoffice_proc": pages.get("libreoffice")}
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
        print(f"  {fmt.upper():<5}" + "".join(f"  {k}: {_fmt_s(v['median'])} ({v['relative']:.2f}x)" for k, v in row.items()))
    if "batch_deals_jobs2" in growth:
        print("cost by number of deals (build --jobs 2):"
              + "".join(f"  {n}: {_fmt_s(v['median'])}" for n, v in growth["batch_deals_jobs2"].items()))
    print("cost by number of deals (check):"
          + "".join(f"  {n}: {_fmt_s(v['median'])}" for n, v in growth["check_deals"].items()))
    targets = _targets(setup, results, growth, batch_deals)
    print("\ntargets (issue 7):")
    for t in targets:
        value = "—" if t["value"] is None else f"{t['value']:.2f}"
        print(f"  [{t['status']}] {t['target']}: {value} (limit {t['limit']}) — {t['detail']}")
    profiles_path = HERE / "profiles.json"
    profiles = json.loads(profiles_path.read_text(encoding="utf-8")) if profiles_path.is_file() else {}
    return {
        "generated": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": "bench/run.py " + " ".join(sys.argv[1:]),
        "duration_s": round(time.time() - started, 1),
        "repetitions": repeat, "batch_deals": batch_deals, "check_deals": args.check_deals,
        "machine": {**machine_info(), "load_average_at_end": os.getloadavg()},
        "inputs": {k: (_relative(v) if k == "deal" else v) for k, v in setup.items() if k in ("deal", "pages", "content_blocks", "content_chars",
                                                             "docxtpl_placeholders", "equivalent_text")},
        "results": {k: {kk: (round(vv, 4) if isinstance(vv, float) else vv) for kk, vv in v.items()}
                    for k, v in results.items()},
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
            "placeholders; python-docx and plain WeasyPrint print the same text flattened (bench/alternatives.py).",
            "check/no-op build fixtures clone one built deal (bench/fixtures.py); the batch uses distinct deals.",
            "peak_rss_kb: in-process rows are the worker's own peak; whole-process rows and builds are the largest "
            "process of the tree (ru_maxrss via wait4), i.e. the peak of one build worker.",
        ],
    }


if __name__ == "__main__":
    sys.exit(main())
