"""contractgen's benchmark against the alternatives: `make bench` (or `.venv/bin/python -m bench`).

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
import json
import os
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
# subprocesses import the bench package by name; they write their bytecode as an installed tool
# does (pip compiled the libraries we are compared with: PYTHONDONTWRITEBYTECODE would make every
# run of ours compile its ~300 modules again and not theirs)
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = str(ROOT)
PY = sys.executable

from bench.fixtures import batch_repo, check_repo, clean_build, contractgen_exe
from bench.report import soffice, write_report


# ---------------------------------------------------------------- measuring


def run_measured(cmd: list[str], cwd: Path | None = None, ok=(0,)) -> dict:
    """Run a command; return wall seconds, CPU seconds (user+system of the whole tree) and peak RSS (kB)."""
    w0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err_chunks = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - w0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise RuntimeError(
            f"{' '.join(map(str, cmd))} exited {proc.returncode}:\n{err_chunks.decode(errors='replace')[-2000:]}"
        )
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_kb": usage.ru_maxrss}


def alternate(commands: dict[str, list[str]], runs: int, cwd: Path | None = None) -> dict[str, list[dict]]:
    """Run each command once to warm up, then `runs` rounds in a rotating order; return each one's measurements.

    Rotating the order spreads a noisy neighbour's load over every contender instead of one.
    """
    for command in commands.values():  # warm-up: disk caches, the compiled-template cache
        run_measured(command, cwd=cwd)
    samples: dict[str, list[dict]] = {name: [] for name in commands}
    names = list(commands)
    for i in range(runs):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            samples[name].append(run_measured(commands[name], cwd=cwd))
    return samples


class Worker:
    """A warm in-process contender in its own process (bench/worker.py)."""

    def __init__(self, name: str, setup_path: Path):
        self.name = name
        self.proc = subprocess.Popen(
            [PY, "-m", "bench.worker", name, str(setup_path)],
            cwd=ROOT,
            env=ENV,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
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
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "n": len(values),
        "samples": [round(v, 4) for v in values],
    }


def pdf_pages(path_or_bytes) -> int:
    data = Path(path_or_bytes).read_bytes() if not isinstance(path_or_bytes, bytes) else path_or_bytes
    try:
        import io

        import pypdf

        return len(pypdf.PdfReader(io.BytesIO(data)).pages)
    except ImportError:
        return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


# ---------------------------------------------------------------- setup


def prepare(work: Path, deal: Path) -> dict:
    """Write the inputs every contender needs (untimed) and return the setup record."""
    from bench.contenders.alternatives import (
        deal_values,
        docx_text,
        make_docxtpl_template,
        plain_weasyprint,
        python_docx,
    )
    from bench.content import build_reference, flatten, text_of

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
    setup.update(
        docxtpl_template=str(work / "template.docx"),
        docxtpl_values=str(work / "values.json"),
        docxtpl_placeholders=placeholders,
    )
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
    from bench.contenders.alternatives import docxtpl_render

    return docxtpl_render(template, values)


# ---------------------------------------------------------------- the run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a short run: 2 repetitions, 10-deal batch")
    parser.add_argument("-n", "--repeat", type=int, default=None, help="repetitions per contender (default 5, quick 2)")
    parser.add_argument(
        "--batch-deals", type=int, default=None, help="deals in the batch build (default 100, quick 10)"
    )
    parser.add_argument("--check-deals", type=int, default=1000, help="locked deals for `check` (default 1000)")
    parser.add_argument("--skip-batch", action="store_true", help="leave out the batch build (slowest part)")
    parser.add_argument(
        "--deal", type=Path, default=None, help="the reference deal (default: samples/deal-example.yaml)"
    )
    parser.add_argument("-o", "--output", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--prepare-into", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.prepare_into:  # internal: the inputs are made in a child process (see below)
        prepare(args.prepare_into, args.deal)
        return 0
    try:
        import docxtpl  # noqa: F401
    except ImportError:
        print(
            "bench: docxtpl is missing; install the bench extra:  .venv/bin/pip install -e '.[bench]'", file=sys.stderr
        )
        return 2
    from bench.content import reference_deal

    repeat = args.repeat or (2 if args.quick else 5)
    batch_deals = args.batch_deals or (10 if args.quick else 100)
    deal = (args.deal or reference_deal()).resolve()
    started = time.time()
    work = Path(tempfile.mkdtemp(prefix="contractgen-bench-"))
    try:
        print(f"bench: preparing inputs in {work} ...", flush=True)
        # Made in a child so this runner stays small: a child process inherits its parent's peak RSS
        # (ru_maxrss survives exec on Linux), which would inflate every worker's memory figure.
        subprocess.run(
            [PY, str(Path(__file__).resolve()), "--prepare-into", str(work), "--deal", str(deal)], check=True, cwd=ROOT
        )
        setup = json.loads((work / "setup.json").read_text(encoding="utf-8"))
        results: dict[str, dict] = {}
        memory: dict[str, int] = {}
        _main_round(work, setup, repeat, results, memory)
        growth = _length_round(work, setup, max(1, repeat - 2 if not args.quick else 1), results)
        _check_round(work, deal, args.check_deals, repeat, results, memory, growth)
        if not args.skip_batch:
            _batch_round(work, deal, batch_deals, 1, results, memory, growth)
        report = write_report(setup, results, memory, growth, repeat, batch_deals, args, started)
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
        "docxtpl_proc": [
            PY,
            "-m",
            "bench.contenders.cli",
            "docxtpl",
            setup["docxtpl_template"],
            str(work / "tpl-out.docx"),
            setup["docxtpl_values"],
        ],
        "python_docx_proc": [
            PY,
            "-m",
            "bench.contenders.cli",
            "python-docx",
            setup["content"],
            str(work / "pd-out.docx"),
        ],
        "plain_weasyprint_proc": [
            PY,
            "-m",
            "bench.contenders.cli",
            "weasyprint",
            setup["content"],
            str(work / "plain-out.pdf"),
        ],
    }
    office = soffice()
    if office:
        profile = (work / "lo-profile").as_uri()
        commands["libreoffice_proc"] = [
            office,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work / "lo"),
            setup["ours_docx"],
        ]
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
        rotated = order[rep % len(order) :] + order[: rep % len(order)]
        print(f"bench: repetition {rep + 1}/{repeat}", flush=True)
        for name in rotated:
            samples[name].append(workers[name].run() if name in workers else run_measured(commands[name]))
    for name, worker in workers.items():
        memory[name] = worker.close()
    for name, values in samples.items():
        if name in commands:
            memory[name] = max(v["maxrss_kb"] for v in values)
        results[name] = {
            "label": IN_PROCESS.get(name) or WHOLE_LABELS[name],
            **summary(values),
            "cpu_median": statistics.median(v["cpu"] for v in values),
        }


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
    results["noop_build"] = {
        "label": f"contractgen build with nothing to do, {count} deals (whole process)",
        **summary(noop),
    }
    memory["check"] = max(s["maxrss_kb"] for s in samples[count])
    base = statistics.median(s["wall"] for s in samples[sizes[0]])
    growth["check_deals"] = {
        str(n): {
            "median": statistics.median(s["wall"] for s in samples[n]),
            "per_deal_relative": statistics.median(s["wall"] for s in samples[n]) / base * sizes[0] / n,
        }
        for n in sizes
    }


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
        results[key] = {
            "label": f"contractgen build --jobs {jobs}, {n} deals (DOCX+PDF, whole process)",
            **s,
            "per_contract": s["median"] / n,
            "cpu_median": statistics.median(v["cpu"] for v in values),
        }
        memory[key] = max(v["maxrss_kb"] for v in values)
    base = results[f"batch_{sizes[0]}_jobs2"]["per_contract"]
    growth["batch_deals_jobs2"] = {
        str(n): {
            "median": results[f"batch_{n}_jobs2"]["median"],
            "per_contract_relative": results[f"batch_{n}_jobs2"]["per_contract"] / base,
        }
        for n in sizes
    }


if __name__ == "__main__":
    sys.exit(main())
