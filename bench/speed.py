"""Issue 17 (speed) rows beside the anchors: `.venv/bin/python -m bench.speed [-n N]`.

One alternating run (every contender once per repetition, in rotating order, so load on the
2-core machine hits them alike) of:
  whole process: `contractgen --version`; `contractgen render --format docx` of the reference deal
  (compiled-template cache warm, contractgen's bytecode compiled as an install has it) against
  docxtpl's whole process; which modules that render loads.
  in-process, warm, from the YAML file: contractgen's PDF as it is now, the same with two of issue
  17's PDF changes turned off (collector pause, one-run leaders), and the plain Jinja2 -> WeasyPrint
  render of the same text (bench/contenders/alternatives.py); CPU per page and wall ratios.
  markup: elements of our HTML against the plain template's, and pages laid out per page (the
  contents' page numbers make WeasyPrint lay some pages out again).
Targets are issue 17's, as PASS/MISS; what is not built is a MISS saying so. Needs the bench
extra (docxtpl). Prints a table and writes bench/results/speed.json.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import finish_run, machine_info
from bench.run import alternate, pdf_pages

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

DEAL = ROOT / "samples" / "deal-example.yaml"
EXE = Path(sys.executable).with_name("contractgen")


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _whole_process(work: Path, runs: int) -> dict:
    """Alternate the whole-process contenders; return {name: [samples]}."""
    from bench.contenders.alternatives import deal_values, make_docxtpl_template

    from contractgen import writers
    from contractgen.pipeline import Workspace, build_document, load_deal

    workspace = Workspace()
    source = load_deal(DEAL)
    deal, document = source.deal, build_document(source, workspace).document
    values = deal_values(DEAL)
    template, _ = make_docxtpl_template(writers.render(document, workspace.template_dir(deal.template), "docx"), values)
    (work / "template.docx").write_bytes(template)
    (work / "values.json").write_text(json.dumps(values), encoding="utf-8")
    commands = {
        "version": [str(EXE), "--version"],
        "render_docx": [str(EXE), "render", "--format", "docx", str(DEAL), "-o", str(work / "out")],
        "docxtpl": [
            sys.executable,
            "-m",
            "bench.contenders.cli",
            "docxtpl",
            str(work / "template.docx"),
            str(work / "docxtpl.docx"),
            str(work / "values.json"),
        ],
    }
    # An installed package has its bytecode (pip compiles it); an editable checkout run with
    # PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every contractgen module in every run.
    compileall.compile_dir(ROOT / "contractgen", quiet=1)
    return alternate(commands, runs, cwd=ROOT)


def _modules_of_docx_render(work: Path) -> dict:
    """Return which heavy modules `render --format docx` imports (run as the console script does)."""
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: print('MODULES', sorted({m.split('.')[0] for m in sys.modules} & "
        "{'weasyprint', 'pydyf', 'fontTools', 'rich', 'pypdf'}), file=sys.stderr))\n"
        "from contractgen.cli import main\n"
        f"sys.argv = ['contractgen', 'render', '--format', 'docx', {str(DEAL)!r}, '-o', {str(work / 'out2')!r}]\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True)
    found = re.search(r"MODULES (\[.*\])", result.stderr)
    return {"loaded": json.loads(found.group(1).replace("'", '"')) if found else None}


def _pdf_contenders():
    """Return {name: callable -> pdf bytes} for the warm in-process PDF rows."""
    from bench.content import flatten
    from bench.contenders.alternatives import plain_weasyprint

    from contractgen import writers
    from contractgen.pipeline import Workspace, build_document, load_deal
    from contractgen.writers.pdf import engine as pdf_engine
    from contractgen.writers.pdf import writer as pdf_writer

    workspace = Workspace()

    def ours() -> bytes:
        source = load_deal(DEAL)
        document = build_document(source, workspace).document
        return writers.render(document, workspace.template_dir(source.deal.template), "pdf")

    def ours_before() -> bytes:
        paused, merge = pdf_writer.collector_paused, pdf_engine.merge_leader_dots
        pdf_writer.collector_paused, pdf_engine.merge_leader_dots = contextlib.nullcontext, lambda _doc: 0
        try:
            return ours()
        finally:
            pdf_writer.collector_paused, pdf_engine.merge_leader_dots = paused, merge

    content = flatten(build_document(load_deal(DEAL), workspace).document)
    return {"ours": ours, "ours_before_17": ours_before, "plain": lambda: plain_weasyprint(content)}


def _in_process(runs: int) -> tuple[dict, dict]:
    contenders = _pdf_contenders()
    pages = {name: pdf_pages(make()) for name, make in contenders.items()}  # warm-up, untimed
    samples: dict[str, list[dict]] = {name: [] for name in contenders}
    names = list(contenders)
    for i in range(runs):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            w0, c0 = time.perf_counter(), time.process_time()
            contenders[name]()
            samples[name].append({"wall": time.perf_counter() - w0, "cpu": time.process_time() - c0})
    return samples, pages


def _markup() -> dict:
    """Count our HTML's elements against the plain template's, and pages laid out per page."""
    import weasyprint
    from bench.content import flatten
    from bench.contenders.alternatives import plain_html
    from weasyprint.layout import page as page_layout

    from contractgen.pipeline import Workspace, build_document, load_deal
    from contractgen.writers.pdf.html import render_html
    from contractgen.writers.pdf.writer import _resources

    workspace = Workspace()
    source = load_deal(DEAL)
    document = build_document(source, workspace).document
    template_dir = workspace.template_dir(source.deal.template)
    ours = render_html(document, template_dir)
    plain = plain_html(flatten(document))
    count = lambda html: len(re.findall(r"<[a-zA-Z]", html))  # noqa: E731
    made = []
    real = page_layout.make_page

    def counting(*args, **kwargs):
        made.append(1)
        return real(*args, **kwargs)

    page_layout.make_page = counting
    try:
        pdf_dir = template_dir.resolve() / "pdf"
        font_config, stylesheet, _, fetcher = _resources(pdf_dir)
        laid_out = weasyprint.HTML(string=ours, base_url=str(pdf_dir) + "/", url_fetcher=fetcher).render(
            stylesheets=[stylesheet], font_config=font_config
        )
    finally:
        page_layout.make_page = real
    return {
        "elements_ours": count(ours),
        "elements_plain": count(plain),
        "pages": len(laid_out.pages),
        "pages_laid_out": len(made),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--runs", type=int, default=5, help="repetitions (default 5)")
    args = parser.parse_args(argv)
    info = machine_info()
    with tempfile.TemporaryDirectory(prefix="cg-speed-") as tmp:
        work = Path(tmp)
        whole = _whole_process(work, args.runs)
        modules = _modules_of_docx_render(work)
    in_process, pages = _in_process(args.runs)
    markup = _markup()

    rows = []

    def row(label: str, samples: list[dict], per_page: int | None = None) -> dict:
        wall, cpu = _median([s["wall"] for s in samples]), _median([s["cpu"] for s in samples])
        item = {
            "row": label,
            "wall_median": round(wall, 4),
            "wall_min": round(min(s["wall"] for s in samples), 4),
            "wall_max": round(max(s["wall"] for s in samples), 4),
            "cpu_median": round(cpu, 4),
            "n": len(samples),
        }
        if per_page:
            item["pages"] = per_page
            item["cpu_per_page_ms"] = round(1000 * cpu / per_page, 1)
        rows.append(item)
        return item

    version = row("contractgen --version (whole process)", whole["version"])
    docx = row("contractgen render --format docx (whole process, template cache warm)", whole["render_docx"])
    tpl = row("docxtpl (whole process)", whole["docxtpl"])
    ours = row("contractgen PDF, in-process warm (YAML -> PDF)", in_process["ours"], pages["ours"])
    before = row(
        "contractgen PDF, collector pause and one-run leaders off",
        in_process["ours_before_17"],
        pages["ours_before_17"],
    )
    plain = row("plain Jinja2 -> WeasyPrint (defaults)", in_process["plain"], pages["plain"])

    targets = []

    def target(name: str, value, limit, detail: str) -> None:
        ok = value is not None and value <= limit
        targets.append(
            {
                "target": name,
                "value": None if value is None else round(value, 3),
                "limit": limit,
                "status": "PASS" if ok else "MISS",
                "detail": detail,
            }
        )

    target("--version whole process (s)", version["wall_median"], 0.1, f"cpu {version['cpu_median']:.3f} s")
    target(
        "DOCX whole process vs docxtpl whole process",
        docx["wall_median"] / tpl["wall_median"],
        1.5,
        f"{docx['wall_median']:.3f} s vs {tpl['wall_median']:.3f} s (cpu {docx['cpu_median']:.3f} vs "
        f"{tpl['cpu_median']:.3f})",
    )
    loaded = modules["loaded"]
    target(
        "render --format docx loads no PDF engine (modules)",
        None if loaded is None else len({"weasyprint", "pydyf", "fontTools"} & set(loaded)),
        0,
        f"loaded: {loaded}",
    )
    target(
        "PDF wall vs plain WeasyPrint (in-process, warm)",
        ours["wall_median"] / plain["wall_median"],
        0.5,
        f"{ours['wall_median']:.2f} s vs {plain['wall_median']:.2f} s",
    )
    target(
        "PDF CPU per page vs plain WeasyPrint",
        ours["cpu_per_page_ms"] / plain["cpu_per_page_ms"],
        1.0,
        f"{ours['cpu_per_page_ms']} ms/page ({ours['pages']} pages) vs {plain['cpu_per_page_ms']} ms/page "
        f"({plain['pages']} pages); with the collector pause and one-run leaders off "
        f"{before['cpu_per_page_ms']} ms/page",
    )
    target(
        "PDF elements vs the plain template's",
        markup["elements_ours"] / markup["elements_plain"],
        1.0,
        f"{markup['elements_ours']} vs {markup['elements_plain']} elements",
    )
    target(
        "pages laid out per page (no second layout pass)",
        markup["pages_laid_out"] / markup["pages"],
        1.0,
        f"{markup['pages_laid_out']} page layouts for {markup['pages']} pages (contents page numbers "
        "filled in after the first pass)",
    )
    target("one contract on both cores (parallel parts, byte-identical)", None, 0.5, "not built")
    target("rebuild after a one-clause change that keeps page counts vs a full render", None, 0.3, "not built")

    print(f"{'row':72s} {'median':>9s} {'min-max':>17s} {'cpu':>8s} {'per page':>9s}")
    for r in rows:
        per_page = f"{r['cpu_per_page_ms']:.0f} ms" if "cpu_per_page_ms" in r else ""
        print(
            f"{r['row']:72s} {r['wall_median']:8.3f}s {r['wall_min']:7.3f}-{r['wall_max']:.3f}s "
            f"{r['cpu_median']:7.3f}s {per_page:>9s}"
        )
    results = {"runs": args.runs, "rows": rows, "markup": markup, "modules": modules}
    finish_run("speed", "issue 17", info, results, targets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
