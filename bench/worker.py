"""One in-process contender, kept alive between repetitions (warm): `python -m bench.worker NAME SETUP.json`.

Protocol (one JSON object per line on stdout): after setup and one untimed warm-up run it prints
{"ready": ...}; each "run" line on stdin gets {"wall": s, "cpu": s, "bytes": n}; "quit" gets
{"maxrss_kb": peak resident set of this worker}. Each contender runs in its own process so one
contender's imports and caches never help another.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def _contractgen(setup: dict, formats: tuple[str, ...], writer_only: bool = False):
    from contractgen.pipeline import Workspace, build_document, load_deal
    from contractgen import writers

    deal_path = Path(setup["deal"])
    workspace = Workspace()
    if writer_only:
        source = load_deal(deal_path)
        document = build_document(source, workspace).document
        template_dir = workspace.template_dir(source.deal.template)
        return lambda: sum(len(writers.render(document, template_dir, fmt)) for fmt in formats)

    def run() -> int:
        # the whole pipeline from the YAML file, as `render` does, with the workspace kept warm
        source = load_deal(deal_path)
        document = build_document(source, workspace).document
        template_dir = workspace.template_dir(source.deal.template)
        return sum(len(writers.render(document, template_dir, fmt)) for fmt in formats)

    return run


def _lengthened(setup: dict, fmt: str, copies: int):
    from bench.content import build_reference
    from contractgen import writers

    document, template_dir = build_reference(Path(setup["deal"]), copies)
    return lambda: len(writers.render(document, template_dir, fmt))


def make(name: str, setup: dict):
    """Return the zero-argument callable that renders once for contender `name`."""
    if name == "cg_docx":
        return _contractgen(setup, ("docx",))
    if name == "cg_docx_writer":
        return _contractgen(setup, ("docx",), writer_only=True)
    if name == "cg_pdf":
        return _contractgen(setup, ("pdf",))
    if name == "cg_both":
        return _contractgen(setup, ("docx", "pdf"))
    if name.startswith("cg_len_"):  # cg_len_pdf_4
        _, _, fmt, copies = name.split("_")
        return _lengthened(setup, fmt, int(copies))
    content = json.loads(Path(setup["content"]).read_text(encoding="utf-8"))
    if name == "plain_weasyprint":
        from bench.contenders.alternatives import plain_weasyprint

        return lambda: len(plain_weasyprint(content))
    if name.startswith("plain_len_"):  # plain_len_4: the plain render of a 4x longer text
        from bench.contenders.alternatives import plain_weasyprint

        copies = int(name.rsplit("_", 1)[1])
        longer = json.loads(Path(setup[f"content_x{copies}"]).read_text(encoding="utf-8"))
        return lambda: len(plain_weasyprint(longer))
    if name == "python_docx":
        from bench.contenders.alternatives import python_docx

        return lambda: len(python_docx(content))
    if name == "docxtpl":
        from bench.contenders.alternatives import docxtpl_render

        template = Path(setup["docxtpl_template"]).read_bytes()
        values = json.loads(Path(setup["docxtpl_values"]).read_text(encoding="utf-8"))
        return lambda: len(docxtpl_render(template, values))
    raise SystemExit(f"unknown contender {name}")


def main() -> None:
    name, setup_path = sys.argv[1], sys.argv[2]
    setup = json.loads(Path(setup_path).read_text(encoding="utf-8"))
    started = time.perf_counter()
    run = make(name, setup)
    size = run()  # warm-up: imports, caches, first compilation
    print(json.dumps({"ready": name, "warmup_s": time.perf_counter() - started, "bytes": size}), flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "run":
            w0, c0 = time.perf_counter(), time.process_time()
            size = run()
            print(
                json.dumps({"wall": time.perf_counter() - w0, "cpu": time.process_time() - c0, "bytes": size}),
                flush=True,
            )
        elif command == "quit":
            break
    print(json.dumps({"maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), flush=True)


if __name__ == "__main__":
    main()
