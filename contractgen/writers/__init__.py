"""Writers: print a finished document model, or a redline of two, as DOCX or PDF bytes; they print, never decide.

`render` is the one entry point; each engine is imported only when its format is asked for, so a
DOCX render never imports WeasyPrint and a PDF render never imports python-docx.
"""

from __future__ import annotations

from pathlib import Path

from contractgen.errors import ContractgenError

FORMATS = ("docx", "pdf")


def render(
    document, template_dir: Path, fmt: str, *, redline=None, attachments: dict[str, bytes] | None = None
) -> bytes:
    """Print `document` in format `fmt` ("docx" or "pdf") with the template in `template_dir`.

    With `redline` (a contractgen.redline.diff.Redline), print its marked-up model instead: Word
    tracked changes, or a marked-up PDF with a summary page (`document` is then not used).
    `attachments` ({file name: bytes}) are embedded in a contract PDF; other formats refuse them.
    """
    if fmt not in FORMATS:
        raise ContractgenError(f"unknown output format '{fmt}' (choose from {', '.join(FORMATS)})")
    if attachments and (fmt != "pdf" or redline is not None):
        raise ContractgenError("only a contract PDF carries attachments")
    if fmt == "docx":
        if redline is not None:
            from contractgen.writers.docx.redline import render_redline_docx

            return render_redline_docx(redline, template_dir)
        from contractgen.writers.docx.writer import render_docx

        return render_docx(document, template_dir)
    if redline is not None:
        from contractgen.writers.pdf.redline import render_redline_pdf

        return render_redline_pdf(redline, template_dir)
    from contractgen.writers.pdf.writer import render_pdf

    return render_pdf(document, template_dir, attachments=attachments)


__all__ = ["FORMATS", "render"]
