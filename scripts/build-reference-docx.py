"""Write a template's docx/reference.docx from its docx/styles.yaml, reproducibly (same bytes each run).

    .venv/bin/python scripts/build-reference-docx.py [templates/it-outsourcing]

The reference document carries the Word styles, the numbered lists linked to them, the page setup,
the header and the footer. A firm may instead make its own in Word (see docs/templates.md); a test
checks that the default template's reference.docx is what this script writes from styles.yaml.
"""

from __future__ import annotations

import pathlib
import sys

from contractgen.writers.docx.reference import build_reference, reference_path
from contractgen.writers.docx.styles import load_style_sheet


def main(argv: list[str]) -> int:
    """Build the reference document of the template folder given (default: it-outsourcing)."""
    root = pathlib.Path(__file__).resolve().parent.parent
    template = pathlib.Path(argv[0]) if argv else root / "templates" / "it-outsourcing"
    path = reference_path(template)
    path.write_bytes(build_reference(load_style_sheet(template)))
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
