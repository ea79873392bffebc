"""Writers: print a finished document model, or a redline of two, as DOCX or PDF bytes; they print, never decide.

``WRITERS`` is the one list of output formats: each format's media type, its contract printer and its
redline printer. `render` is the one entry point; each engine is imported only when its format is
asked for, so a DOCX render never imports WeasyPrint and a PDF render never imports python-docx.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contractgen.errors import ContractgenError


def _docx(document: Any, template_dir: Path, redline: Any, attachments: dict[str, bytes] | None) -> bytes:
    if redline is not None:
        from contractgen.writers.docx.redline import render_redline_docx

        return render_redline_docx(redline, template_dir)
    from contractgen.writers.docx.writer import render_docx

    return render_docx(document, template_dir)


def _pdf(document: Any, template_dir: Path, redline: Any, attachments: dict[str, bytes] | None) -> bytes:
    if redline is not None:
        from contractgen.writers.pdf.redline import render_redline_pdf

        return render_redline_pdf(redline, template_dir)
    from contractgen.writers.pdf.writer import render_pdf

    return render_pdf(document, template_dir, attachments=attachments)


@dataclass(frozen=True)
class Writer:
    """One output format: its media type, whether a contract in it carries attachments, and its printer."""

    media_type: str
    attachments: bool
    write: Callable[[Any, Path, Any, dict[str, bytes] | None], bytes]


WRITERS: dict[str, Writer] = {
    "docx": Writer("application/vnd.openxmlformats-officedocument.wordprocessingml.document", False, _docx),
    "pdf": Writer("application/pdf", True, _pdf),
}
FORMATS = tuple(WRITERS)


def render(
    document, template_dir: Path, fmt: str, *, redline=None, attachments: dict[str, bytes] | None = None
) -> bytes:
    """Print `document` in format `fmt` (one of FORMATS) with the template in `template_dir`.

    With `redline` (a contractgen.redline.diff.Redline), print its marked-up model instead: Word
    tracked changes, or a marked-up PDF with a summary page (`document` is then not used).
    `attachments` ({file name: bytes}) are embedded in a contract PDF; other formats refuse them.
    """
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ContractgenError(f"unknown output format '{fmt}' (choose from {', '.join(FORMATS)})")
    if attachments and (not writer.attachments or redline is not None):
        raise ContractgenError("only a contract PDF carries attachments")
    return writer.write(document, template_dir, redline, attachments)


__all__ = ["FORMATS", "WRITERS", "Writer", "render"]
