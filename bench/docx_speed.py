"""Issue 28's DOCX rows: `.venv/bin/python -m bench.docx_speed [-n N]` (needs the bench extra: docxtpl).

One alternating run (every contender once per repetition, rotating order) of whole processes:
  `contractgen render --format docx` of the reference deal (bytecode compiled, the user's cache
  warm -- the bench's own folder, filled by the setup -- as an installed package runs a second time);
  docxtpl filling a plain Word template that holds the same text as our contract (every paragraph
  and table row of our DOCX, deal values as placeholders: bench/docx_anchor.py) -- the anchor;
  docxtpl filling our own DOCX turned into a template (the older anchor, kept for comparison: the
  same text with our numbering, fields and bookmarks);
  the libraries a DOCX render imports, in a bare process (the floor), and with our modules;
  `python -c pass`.
Then, in fresh processes, where contractgen's time goes: CPU per phase of the render (imports,
library, deal, document, writer) and the heaviest imports (`python -X importtime`).
Prints a table and PASS/MISS for the DOCX target (whole process <= 1.5 x the anchor) and writes
bench/results/docx-speed.json.
"""

from __future__ import annotations

import argparse
import compileall
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.report import finish_run, machine_info
from bench.run import ENV, PY, alternate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEAL = ROOT / "samples" / "deal-example.yaml"
EXE = Path(sys.executable).with_name("contractgen")
LIMIT = 1.5

# The libraries a DOCX render imports (validation, clause templates, CLDR, YAML, XML, the command
# line), with the locale data a deal in en_GB loads, and nothing of ours: the floor of a whole
# process, measured beside the anchor. python-docx and markdown-it-py are not among them: the writer
# prints with lxml, and the base document and the clause texts' blocks come from the user's cache.
LIBRARIES = (
    "import click, pydantic, jinja2, babel, yaml, pycountry, lxml.etree; babel.Locale.parse('en_GB').number_symbols"
)
# Everything a DOCX render imports, ours included, before it reads anything.
OUR_IMPORTS = LIBRARIES + "; import contractgen.cli, contractgen.pipeline, contractgen.writers.docx.writer"

# What one `render --format docx` does, phase by phase, in a fresh process (CPU seconds per phase).
PHASES = """
import sys, time, json
marks = [("start", time.process_time())]
def mark(name): marks.append((name, time.process_time()))
import click, contractgen.cli
mark("import cli and click")
from contractgen.commands.common import choose_library
workspace, _ = choose_library(None, quiet=True)
mark("import pipeline (deal model, templating, reader)")
workspace.library
mark("clause library (front matter of every version)")
from contractgen.deal.model import Deal
Deal.model_rebuild()
mark("build the deal model's validators (pydantic, deferred to the first deal)")
import contractgen.writers.docx
mark("import DOCX writer")
from pathlib import Path
from contractgen.pipeline import load_deal, resolve_deal, build_document
from contractgen.writers import render
source = load_deal(Path(sys.argv[1]))
mark("load and check the deal")
resolved = resolve_deal(source, workspace)
mark("resolve clause versions")
result = build_document(resolved, workspace)
mark("render clauses, read Markdown, transforms")
data = render(result.document, workspace.template_dir(source.deal.template), "docx")
mark("write DOCX")
print(json.dumps([[name, round(t - marks[i][1], 4)] for i, (name, t) in enumerate(marks[1:])]))
"""


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _setup(work: Path) -> dict:
    """Write the two docxtpl templates and their values; check the anchor prints our text. Return counts."""
    from bench.contenders.alternatives import deal_values, docxtpl_render, make_docxtpl_template
    from bench.docx_anchor import body_lines, same_text_template

    from contractgen import writers
    from contractgen.pipeline import Workspace, build_document, load_deal

    workspace = Workspace()
    source = load_deal(DEAL)
    ours = writers.render(
        build_document(source, workspace).document, workspace.template_dir(source.deal.template), "docx"
    )
    values = deal_values(DEAL)
    plain, counts = same_text_template(ours, values)
    own, _ = make_docxtpl_template(ours, values)
    for name, template in (("same-text", plain), ("own DOCX", own)):
        if body_lines(docxtpl_render(template, values)) != body_lines(ours):
            raise RuntimeError(f"the docxtpl {name} template does not print our contract's text")
    (work / "same-text.docx").write_bytes(plain)
    (work / "own.docx").write_bytes(own)
    (work / "values.json").write_text(json.dumps(values), encoding="utf-8")
    counts["lines"] = len(body_lines(ours))
    return counts


def _whole_process(work: Path, runs: int) -> dict[str, list[dict]]:
    """Alternate the whole-process contenders; return {name: [samples]}."""

    def docxtpl(template: str) -> list[str]:
        target = str(work / f"out-{template}")
        return [PY, "-m", "bench.contenders.cli", "docxtpl", str(work / template), target, str(work / "values.json")]

    commands = {
        "render_docx": [str(EXE), "render", "--format", "docx", str(DEAL), "-o", str(work / "out")],
        "docxtpl_same_text": docxtpl("same-text.docx"),
        "docxtpl_own_docx": docxtpl("own.docx"),
        "libraries": [PY, "-c", LIBRARIES],
        "our_imports": [PY, "-c", OUR_IMPORTS],
        "python": [PY, "-c", "pass"],
    }
    # An installed package has its bytecode; an editable checkout may not (PYTHONDONTWRITEBYTECODE).
    compileall.compile_dir(ROOT / "contractgen", quiet=1)
    compileall.compile_dir(ROOT / "bench", quiet=1)
    return alternate(commands, runs, cwd=ROOT)


def _phases(runs: int) -> list[dict]:
    """CPU per phase of the DOCX render, medians over fresh processes."""
    seen: dict[str, list[float]] = {}
    for _ in range(runs):
        out = subprocess.run([PY, "-c", PHASES, str(DEAL)], cwd=ROOT, env=ENV, capture_output=True, text=True)
        if out.returncode:
            raise RuntimeError(out.stderr[-2000:])
        for name, cpu in json.loads(out.stdout.strip().splitlines()[-1]):
            seen.setdefault(name, []).append(cpu)
    return [{"phase": name, "cpu_median": round(_median(cpus), 4)} for name, cpus in seen.items()]


def _imports(top: int = 25) -> list[dict]:
    """The heaviest imports of the render (cumulative microseconds, `python -X importtime`)."""
    code = "import sys; from contractgen.cli import main; sys.argv[1:] = sys.argv[2:]; main()"
    with tempfile.TemporaryDirectory(prefix="cg-docx-imports-") as tmp:
        args = [PY, "-X", "importtime", "-c", code, "-", "render", "--format", "docx", str(DEAL), "-o", tmp]
        err = subprocess.run(args, cwd=ROOT, env=ENV, capture_output=True, text=True).stderr
    rows = []
    for line in err.splitlines():
        found = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
        if found:
            rows.append(
                {"module": found.group(4), "self_us": int(found.group(1)), "cumulative_us": int(found.group(2))}
            )
    return sorted(rows, key=lambda r: -r["cumulative_us"])[:top]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--runs", type=int, default=7, help="repetitions (default 7)")
    parser.add_argument("--setup", type=Path, help=argparse.SUPPRESS)  # the child that writes the templates
    args = parser.parse_args(argv)
    if args.setup:
        print(json.dumps(_setup(args.setup)))
        return 0
    info = machine_info()
    with tempfile.TemporaryDirectory(prefix="cg-docx-speed-") as tmp:
        work = Path(tmp)
        # A cache of the bench's own, warmed by the setup: the user's cache is shared with every other
        # render on the machine, which evicts entries between runs.
        ENV["CONTRACTGEN_CACHE_DIR"] = str(work / "cache")
        # Made in a child, so the runner stays small: a forked child's peak RSS starts at its parent's size.
        made = subprocess.run([PY, "-m", "bench.docx_speed", "--setup", tmp], cwd=ROOT, env=ENV, capture_output=True)
        if made.returncode:
            raise RuntimeError(made.stderr.decode(errors="replace")[-2000:])
        counts = json.loads(made.stdout.decode().strip().splitlines()[-1])
        whole = _whole_process(work, args.runs)
        phases = _phases(max(3, args.runs // 2))
        imports = _imports()

    labels = {
        "render_docx": "contractgen render --format docx (whole process)",
        "docxtpl_same_text": "docxtpl, plain template with our text (whole process)",
        "docxtpl_own_docx": "docxtpl, our DOCX as the template (whole process)",
        "libraries": "the libraries a DOCX render imports (none of ours)",
        "our_imports": "contractgen's modules a DOCX render imports, nothing run",
        "python": "python -c pass (interpreter start)",
    }
    rows = {}
    for name, samples in whole.items():
        rows[name] = {
            "row": labels[name],
            "wall_median": round(_median([s["wall"] for s in samples]), 4),
            "wall_min": round(min(s["wall"] for s in samples), 4),
            "wall_max": round(max(s["wall"] for s in samples), 4),
            "cpu_median": round(_median([s["cpu"] for s in samples]), 4),
            "peak_rss_mb": round(max(s["maxrss_kb"] for s in samples) / 1024, 1),
            "n": len(samples),
        }
    ours, anchor = rows["render_docx"], rows["docxtpl_same_text"]
    wall_ratio = ours["wall_median"] / anchor["wall_median"]
    cpu_ratio = ours["cpu_median"] / anchor["cpu_median"]
    targets = [
        {
            "target": "DOCX whole process vs docxtpl on the same text (wall)",
            "value": round(wall_ratio, 3),
            "limit": LIMIT,
            "status": "PASS" if wall_ratio <= LIMIT else "MISS",
            "detail": f"{ours['wall_median']:.3f} s vs {anchor['wall_median']:.3f} s; CPU {ours['cpu_median']:.3f} s "
            f"vs {anchor['cpu_median']:.3f} s ({cpu_ratio:.2f}x); the anchor holds {counts['paragraphs']} paragraphs "
            f"and {counts['tables']} tables of {counts['table_rows']} rows, {counts['placeholders']} placeholders",
        },
        {
            "target": "floor: the libraries a DOCX render imports, vs docxtpl on the same text (CPU)",
            "value": round(rows["libraries"]["cpu_median"] / anchor["cpu_median"], 3),
            "limit": LIMIT,
            "status": "PASS" if rows["libraries"]["cpu_median"] / anchor["cpu_median"] <= LIMIT else "MISS",
            "detail": f"{rows['libraries']['cpu_median']:.3f} s CPU before any contractgen code runs: what is left "
            f"of the 1.5x budget ({LIMIT * anchor['cpu_median']:.3f} s) for reading, checking and rendering the deal",
        },
        {
            "target": "floor with ours: everything a DOCX render imports, vs docxtpl on the same text (CPU)",
            "value": round(rows["our_imports"]["cpu_median"] / anchor["cpu_median"], 3),
            "limit": LIMIT,
            "status": "PASS" if rows["our_imports"]["cpu_median"] / anchor["cpu_median"] <= LIMIT else "MISS",
            "detail": f"{rows['our_imports']['cpu_median']:.3f} s CPU before the deal is read (the libraries "
            f"{rows['libraries']['cpu_median']:.3f} s, the interpreter {rows['python']['cpu_median']:.3f} s)",
        },
        {
            "target": "DOCX whole process vs docxtpl on the same text (CPU)",
            "value": round(cpu_ratio, 3),
            "limit": LIMIT,
            "status": "PASS" if cpu_ratio <= LIMIT else "MISS",
            "detail": "CPU of the whole process tree (wait4 rusage), less sensitive to the shared machine's load",
        },
    ]
    print(f"{'row':60s} {'median':>9s} {'min-max':>17s} {'cpu':>8s} {'peak RSS':>9s}")
    for r in rows.values():
        print(
            f"{r['row']:60s} {r['wall_median']:8.3f}s {r['wall_min']:7.3f}-{r['wall_max']:.3f}s "
            f"{r['cpu_median']:7.3f}s {r['peak_rss_mb']:7.1f}MB"
        )
    print("\nwhere render --format docx spends its CPU (fresh processes, medians):")
    for p in phases:
        print(f"  {p['phase']:55s} {1000 * p['cpu_median']:6.0f} ms")
    print("\nheaviest imports (cumulative):")
    for r in imports[:12]:
        print(f"  {r['module']:55s} {r['cumulative_us'] / 1000:6.1f} ms")
    results = {"runs": args.runs, "anchor": counts, "rows": list(rows.values()), "phases": phases, "imports": imports}
    finish_run("docx-speed", "issue 28, DOCX", info, results, targets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
