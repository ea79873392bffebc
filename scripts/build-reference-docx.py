"""Write a template's docx/reference.docx and the values block of its pdf/print.css from its
docx/styles.yaml, reproducibly (same bytes each run).

    .venv/bin/python scripts/build-reference-docx.py [templates/it-outsourcing]

The reference document carries the Word styles, the numbered lists linked to them, the page setup,
the header and the footer. print.css reads the values both formats share (page, sizes, the number
column, colours) from a block of custom properties this script writes (writers/style_values.py).
A firm may instead make its own reference document in Word (see docs/templates.md); tests check
that the default template's reference.docx and print.css block are what this script writes.
"""

from __future__ import annotations

import pathlib
import sys

from contractgen.writers.docx.reference import build_reference, reference_path
from contractgen.writers.docx.styles import load_style_sheet
from contractgen.writers.style_values import css_with_values


def main(argv: list[str]) -> int:
    """Build the reference document of the template folder given (default: it-outsourcing)."""
    root = pathlib.Path(__file__).resolve().parent.parent
    template = pathlib.Path(argv[0]) if argv else root / "templates" / "it-outsourcing"
    sheet = load_style_sheet(template)
    path = reference_path(template)
    path.write_bytes(build_reference(sheet))
    print(f"wrote {path}")
    css = template / "pdf" / "print.css"
    if css.is_file():
        css.write_text(css_with_values(css.read_text(encoding="utf-8"), sheet), encoding="utf-8")
        print(f"wrote the values block of {css}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
