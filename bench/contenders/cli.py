"""Whole-process runs of the alternatives: `python -m bench.contenders.cli KIND INPUT OUTPUT [VALUES]`.

Imports only what the alternative itself needs (never contractgen): KIND is ``weasyprint``
(INPUT: content JSON), ``python-docx`` (content JSON) or ``docxtpl`` (INPUT: the Word template,
VALUES: the placeholder values as JSON).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> None:
    kind, source, target = sys.argv[1:4]
    if kind == "docxtpl":
        from bench.contenders.alternatives import docxtpl_render

        values = json.loads(Path(sys.argv[4]).read_text(encoding="utf-8"))
        data = docxtpl_render(Path(source).read_bytes(), values)
    else:
        content = json.loads(Path(source).read_text(encoding="utf-8"))
        if kind == "weasyprint":
            from bench.contenders.alternatives import plain_weasyprint

            data = plain_weasyprint(content)
        elif kind == "python-docx":
            from bench.contenders.alternatives import python_docx

            data = python_docx(content)
        else:
            raise SystemExit(f"unknown kind {kind}")
    Path(target).write_bytes(data)


if __name__ == "__main__":
    main()
