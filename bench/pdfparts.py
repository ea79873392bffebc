"""Issue 28's PDF rows: the contract laid out in parts against plain WeasyPrint, and rebuilds that reuse parts.

    .venv/bin/python -m bench.pdfparts [-n N] [--deals N] [--skip-rebuild]

Rows, every contender alternating within each repetition (one run: the machine is shared, so the
ratios of the same run are what count):

- whole process: ``contractgen render --format pdf`` of the reference deal with the parts laid out
  in parallel (``CONTRACTGEN_PDF_PARTS=auto``), the same laid out whole (``off``), and the plain
  Jinja2 → WeasyPrint render of the same text (``bench.contenders.cli weasyprint``); wall, CPU of the
  process tree and its peak memory (the largest process);
- warm, in this process, per page: the whole pipeline from the YAML file to PDF bytes (parts in
  parallel; ``serial`` as well) against ``plain_weasyprint`` of the same text;
- rebuild after one clause edit: ``contractgen build --jobs 2`` of N distinct deals from nothing
  (no outputs, lock or part cache), then one sentence added to a clause every deal uses and the
  build run again (its part cache warm), then ``build --rebuild`` over the same inputs (every output
  taken from the cache); the same rebuild with ``CONTRACTGEN_PDF_PARTS=off`` (no
  parts, no cache) for comparison.

Targets (issue 28): PDF whole process ≤ 0.6 × plain WeasyPrint, warm per page ≤ 0.5 ×, rebuild
after one clause edit ≤ 0.3 × the full build. Writes ``bench/results/pdfparts.json``.
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
PY = sys.executable
RESULT = HERE / "results" / "pdfparts.json"
TARGETS = {
    "whole_process": 0.6,
    "warm_per_page": 0.5,
    "rebuild_after_edit": 0.3,
    "rebuild_after_edit_cpu": 0.3,
    "rebuild_unchanged": 0.3,
}
EDITED_CLAUSE = "clauses/commercial/charges"  # printed in the body of every reference contract


def measured(cmd: list[str], env: dict, cwd: Path = ROOT) -> dict:
    """Run a command; return wall and CPU seconds (user+system of its tree) and its largest process (kB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err.decode(errors='replace')[-2000:]}")
    return {"wall": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_kb": usage.ru_maxrss}


def median(samples: list[dict], key: str) -> float:
    """Return the median of one measure over samples."""
    return statistics.median(sample[key] for sample in samples)


def environment(**extra: str) -> dict:
    """Return the bench's subprocess environment (bench.run.ENV: the checkout importable, bytecode written) with `extra`."""
    from bench.run import ENV

    return {**ENV, **extra}


def pages_of(path: Path) -> int:
    """Return a PDF's page count."""
    import pypdf

    return len(pypdf.PdfReader(str(path)).pages)


def whole_process(work: Path, runs: int) -> dict:
    """Alternate `contractgen render --format pdf` (parts, whole) and the plain WeasyPrint process."""
    from bench.content import build_reference, flatten, reference_deal
    from bench.fixtures import contractgen_exe

    deal = reference_deal()
    (work / "content.json").write_text(json.dumps(flatten(build_reference(deal)[0])), encoding="utf-8")
    render = [contractgen_exe(), "render", "--format", "pdf", str(deal), "-o"]
    commands = {
        "ours_parts": (render + [str(work / "parts")], environment(CONTRACTGEN_PDF_PARTS="auto")),
        "ours_whole": (render + [str(work / "whole")], environment(CONTRACTGEN_PDF_PARTS="off")),
        "plain": (
            [PY, "-m", "bench.contenders.cli", "weasyprint", str(work / "content.json"), str(work / "plain.pdf")],
            environment(),
        ),
    }
    for cmd, env in commands.values():  # warm-up: disk caches, compiled templates
        measured(cmd, env)
    samples: dict[str, list[dict]] = {name: [] for name in commands}
    names = list(commands)
    for i in range(runs):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            samples[name].append(measured(*commands[name]))
    pages = {
        "ours_parts": pages_of(work / "parts" / f"{deal.stem}.pdf"),
        "ours_whole": pages_of(work / "whole" / f"{deal.stem}.pdf"),
        "plain": pages_of(work / "plain.pdf"),
    }
    return {"samples": samples, "pages": pages}


def warm(runs: int) -> dict:
    """Alternate the warm in-process contenders; CPU counts the forked part workers too."""
    from bench.content import flatten, reference_deal
    from bench.contenders.alternatives import plain_weasyprint

    from contractgen import writers
    from contractgen.pipeline import Workspace, build_document, load_deal

    deal = reference_deal()
    workspace = Workspace()

    def ours(how: str):
        def run() -> bytes:
            os.environ["CONTRACTGEN_PDF_PARTS"] = how
            source = load_deal(deal)
            document = build_document(source, workspace).document
            return writers.render(document, workspace.template_dir(source.deal.template), "pdf")

        return run

    content = flatten(build_document(load_deal(deal), workspace).document)
    contenders = {"ours_parts": ours("auto"), "ours_serial": ours("serial"), "plain": lambda: plain_weasyprint(content)}
    import io

    import pypdf

    pages = {name: len(pypdf.PdfReader(io.BytesIO(make())).pages) for name, make in contenders.items()}
    samples: dict[str, list[dict]] = {name: [] for name in contenders}
    names = list(contenders)
    for i in range(runs):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            before, start = os.times(), time.perf_counter()
            contenders[name]()
            after = os.times()
            cpu = sum(after[:4]) - sum(before[:4])  # this process and its waited-for children
            samples[name].append({"wall": time.perf_counter() - start, "cpu": cpu})
    os.environ.pop("CONTRACTGEN_PDF_PARTS", None)
    return {"samples": samples, "pages": pages}


def _edit_clause(repo: Path, step: int, clause: str = EDITED_CLAUSE) -> str:
    """Release a new version of `clause` with one sentence added (as a lawyer's edit lands); return its file."""
    folder = repo / clause
    newest = max(folder.glob("v*.md"), key=lambda path: int(re.sub(r"\D", "", path.stem) or 0))
    number = int(re.sub(r"\D", "", newest.stem)) + 1
    text = newest.read_text(encoding="utf-8").rstrip("\n")
    text = re.sub(r"(?m)^approved_sha256: .*\n", "", text)  # the new text is approved as it now reads
    text = re.sub(r"(?m)^changes: .*$", f'changes: "Benchmark edit {step}: one sentence added."', text, count=1)
    target = folder / f"v{number}.md"
    target.write_text(f"{text}\n\nThis sentence was added by the benchmark (edit {step}).\n", encoding="utf-8")
    return target.relative_to(repo).as_posix()


def rebuild(
    work: Path, deals: int, modes: tuple[str, ...] = ("auto",), clause: str = EDITED_CLAUSE, repeat: int = 1
) -> dict:
    """A full build of `deals` deals, then the build after a one-clause edit, with and without parts.

    With `repeat` above 1 the pair is measured again (outputs, lock and part cache removed before each
    full build; each edit a new version of the clause), and the run with the median CPU ratio is reported.
    """
    from bench.content import reference_deal
    from bench.fixtures import batch_repo, clean_build, contractgen_exe

    build = [contractgen_exe(), "build", "--jobs", "2"]
    result: dict = {"deals": deals, "clause": clause}
    for how in modes:
        repo = batch_repo(work / f"repo-{how}", reference_deal(), deals)
        env = environment(CONTRACTGEN_PDF_PARTS=how)
        runs = []
        for step in range(1, repeat + 1):
            clean_build(repo)
            shutil.rmtree(repo / ".contractgen" / "cache", ignore_errors=True)
            full = measured(build, env, cwd=repo)
            edited = _edit_clause(repo, step, clause)
            again = measured(build, env, cwd=repo)
            runs.append({"full": full, "after_edit": again, "edited_file": edited})
        cached = sum(1 for _ in (repo / ".contractgen" / "cache").rglob("*.pdf"))
        unchanged = measured([*build, "--rebuild"], env, cwd=repo)  # same inputs: every output reused
        ordered = sorted(runs, key=lambda run: run["after_edit"]["cpu"] / run["full"]["cpu"])
        middle = ordered[(len(ordered) - 1) // 2]
        result[how] = {
            **middle,
            "rebuild_unchanged": unchanged,
            "cached_parts": cached,
            "cpu_ratios": [round(run["after_edit"]["cpu"] / run["full"]["cpu"], 3) for run in runs],
            "wall_ratios": [round(run["after_edit"]["wall"] / run["full"]["wall"], 3) for run in runs],
        }
    return result


def report(whole: dict | None, hot: dict | None, rebuilt: dict | None) -> dict:
    """Return the ratios against the targets, PASS or MISS, and print them."""
    rows = []
    if whole:
        s = whole["samples"]
        for name in ("ours_parts", "ours_whole"):
            ratio = median(s[name], "wall") / median(s["plain"], "wall")
            rows.append(
                (
                    "whole_process",
                    name,
                    ratio,
                    f"{median(s[name], 'wall'):.2f} s vs {median(s['plain'], 'wall'):.2f} s wall; CPU {median(s[name], 'cpu'):.2f} s vs {median(s['plain'], 'cpu'):.2f} s; peak {max(x['maxrss_kb'] for x in s[name]) / 1024:.0f} MB vs {max(x['maxrss_kb'] for x in s['plain']) / 1024:.0f} MB",
                )
            )
    if hot:
        s, pages = hot["samples"], hot["pages"]
        plain = median(s["plain"], "wall") / pages["plain"]
        for name in ("ours_parts", "ours_serial"):
            per_page = median(s[name], "wall") / pages[name]
            rows.append(
                (
                    "warm_per_page",
                    name,
                    per_page / plain,
                    f"{per_page * 1000:.0f} ms/page ({pages[name]} pages) vs {plain * 1000:.0f} ms/page ({pages['plain']} pages); CPU {median(s[name], 'cpu') / pages[name] * 1000:.0f} vs {median(s['plain'], 'cpu') / pages['plain'] * 1000:.0f} ms/page",
                )
            )
    if rebuilt:
        for how in [mode for mode in ("auto", "off") if mode in rebuilt]:
            run = rebuilt[how]
            ratio = run["after_edit"]["wall"] / run["full"]["wall"]
            rows.append(
                (
                    "rebuild_after_edit",
                    f"parts={how}",
                    ratio,
                    f"{run['after_edit']['wall']:.1f} s after the edit vs {run['full']['wall']:.1f} s full "
                    f"({rebuilt['deals']} deals, {rebuilt['clause']}); CPU {run['after_edit']['cpu']:.1f} vs "
                    f"{run['full']['cpu']:.1f} s ({run['after_edit']['cpu'] / run['full']['cpu']:.2f}); "
                    f"peak {run['full']['maxrss_kb'] / 1024:.0f} MB",
                )
            )
            if "cpu_ratios" in run:  # CPU: what two idle cores would show on a shared machine
                ratios = run["cpu_ratios"]
                rows.append(
                    (
                        "rebuild_after_edit_cpu",
                        f"parts={how}",
                        statistics.median(ratios),
                        f"median of {len(ratios)} runs' CPU ratios {ratios} (wall {run['wall_ratios']})",
                    )
                )
            if "rebuild_unchanged" in run:
                again = run["rebuild_unchanged"]
                rows.append(
                    (
                        "rebuild_unchanged",
                        f"parts={how}",
                        again["wall"] / run["full"]["wall"],
                        f"`build --rebuild` over unchanged inputs {again['wall']:.1f} s vs {run['full']['wall']:.1f} s "
                        f"full; CPU {again['cpu']:.1f} vs {run['full']['cpu']:.1f} s",
                    )
                )
    targets = []
    for kind, name, ratio, detail in rows:
        limit = TARGETS[kind]
        counted = name in ("ours_parts", "parts=auto") and kind != "rebuild_unchanged"  # not an issue target
        verdict = ("PASS" if ratio <= limit else "MISS") if counted else "ref"
        targets.append(
            {
                "target": kind,
                "row": name,
                "ratio": round(ratio, 3),
                "limit": limit,
                "verdict": verdict,
                "detail": detail,
            }
        )
        print(f"  [{verdict}] {kind} {name}: {ratio:.2f} (limit {limit}) — {detail}")
    return {"targets": targets}


def main(argv: list[str] | None = None) -> int:
    """Run the rows asked for and write bench/results/pdfparts.json."""
    parser = argparse.ArgumentParser(prog="python -m bench.pdfparts")
    parser.add_argument("-n", type=int, default=3, help="repetitions of each alternating row")
    parser.add_argument("--deals", type=int, default=8, help="deals in the rebuild row")
    parser.add_argument("--skip-rebuild", action="store_true")
    parser.add_argument("--skip-warm", action="store_true")
    parser.add_argument("--skip-process", action="store_true")
    parser.add_argument("--compare-off", action="store_true", help="also rebuild with CONTRACTGEN_PDF_PARTS=off")
    parser.add_argument("--clause", default=EDITED_CLAUSE, help="the clause folder the rebuild row edits")
    parser.add_argument("--repeat", type=int, default=1, help="full builds and edits measured in the rebuild row")
    parser.add_argument("--out", type=Path, default=RESULT, help="the JSON file written")
    args = parser.parse_args(argv)
    from bench.report import machine_info

    record: dict = {"machine": machine_info(), "runs": args.n}

    def save() -> None:
        """Write what is measured so far (a later row that fails keeps the earlier ones)."""
        record.update(report(record.get("whole_process"), record.get("warm"), record.get("rebuild")))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    with tempfile.TemporaryDirectory(prefix="bench-pdfparts-") as tmp:
        work = Path(tmp)
        if not args.skip_process:
            record["whole_process"] = whole_process(work, args.n)
            save()
        if not args.skip_warm:
            record["warm"] = warm(args.n)
            save()
        if not args.skip_rebuild:
            modes = ("auto", "off") if args.compare_off else ("auto",)
            record["rebuild"] = rebuild(work, args.deals, modes, args.clause, args.repeat)
            save()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
