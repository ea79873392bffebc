"""Writers: print a finished document model, or a redline of two, as DOCX or PDF bytes; they print, never decide.

``WRITERS`` is the one list of output formats: each format's media type, its contract printer and its
redline printer. `render` is the one entry point; each engine is imported only when its format is
asked for, so a DOCX render never imports WeasyPrint and a PDF render never imports python-docx.
`render_formats` prints several formats of one contract, the PDF first when the DOCX takes its pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contractgen.errors import ContractgenError

Pages = dict[str, int]  # {anchor: page number} of a contract's PDF


def _docx(
    document: Any, template_dir: Path, redline: Any, attachments: dict[str, bytes] | None, pages: Pages | None
) -> bytes:
    if redline is not None:
        from contractgen.writers.docx.redline import render_redline_docx

        return render_redline_docx(redline, template_dir)
    from contractgen.writers.docx.writer import render_docx

    return render_docx(document, template_dir, pages)


def _pdf(
    document: Any, template_dir: Path, redline: Any, attachments: dict[str, bytes] | None, pages: Pages | None
) -> bytes:
    if redline is not None:
        from contractgen.writers.pdf.redline import render_redline_pdf

        return render_redline_pdf(redline, template_dir)
    from contractgen.writers.pdf.writer import render_pdf

    return render_pdf(document, template_dir, attachments=attachments)


@dataclass(frozen=True)
class Writer:
    """One output format: its media type, whether a contract in it carries attachments or takes the
    PDF's page numbers (for its contents), and its printer."""

    media_type: str
    attachments: bool
    write: Callable[[Any, Path, Any, dict[str, bytes] | None, Pages | None], bytes]
    takes_pages: bool = False


WRITERS: dict[str, Writer] = {
    "docx": Writer("application/vnd.openxmlformats-officedocument.wordprocessingml.document", False, _docx, True),
    "pdf": Writer("application/pdf", True, _pdf),
}
FORMATS = tuple(WRITERS)


def render(
    document,
    template_dir: Path,
    fmt: str,
    *,
    redline=None,
    attachments: dict[str, bytes] | None = None,
    pages: Pages | None = None,
) -> bytes:
    """Print `document` in format `fmt` (one of FORMATS) with the template in `template_dir`.

    With `redline` (a contractgen.redline.diff.Redline), print its marked-up model instead: Word
    tracked changes, or a marked-up PDF with a summary page (`document` is then not used).
    `attachments` ({file name: bytes}) are embedded in a contract PDF; other formats refuse them.
    `pages` ({anchor: page number} of the same contract's PDF) fills in a contract DOCX's contents.
    """
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ContractgenError(f"unknown output format '{fmt}' (choose from {', '.join(FORMATS)})")
    if attachments and (not writer.attachments or redline is not None):
        raise ContractgenError("only a contract PDF carries attachments")
    if pages and (not writer.takes_pages or redline is not None):
        raise ContractgenError("only a contract DOCX takes page numbers from its PDF")
    from contractgen.writers.pdf.cache import cache_dir

    if redline is None and cache_dir() is not None:  # a build: an output whose inputs are all the same is reused
        from contractgen.writers import reuse

        layout = _pdf_layout() if fmt == "pdf" else ""
        key = reuse.output_key(document, template_dir, fmt, attachments, pages, layout)
        return reuse.printed(key, lambda: writer.write(document, template_dir, redline, attachments, pages))
    return writer.write(document, template_dir, redline, attachments, pages)


def _pdf_layout() -> str:
    """Return how the contract PDF is laid out ("off": whole, else "parts": the bytes differ between the two)."""
    from contractgen.writers.pdf.frame import setting

    return "off" if setting() == "off" else "parts"


def prepare(template_dir: Path, formats) -> None:
    """Load now what printing `formats` with this template needs, so worker processes forked from
    this one inherit it (each of a build's contracts renders in a fresh bounded child)."""
    from contractgen.writers.pdf.cache import cache_dir

    if "docx" in formats:
        import contractgen.writers.docx.writer  # noqa: F401
        from contractgen.writers.docx.base import load_base

        load_base(Path(template_dir))  # from the user's cache, else made once here (python-docx) for every child
    if "pdf" in formats:
        from contractgen.writers.pdf import writer

        writer.prepare(Path(template_dir).resolve() / "pdf")
        import contractgen.writers.pdf.pages  # noqa: F401
    if cache_dir() is not None:
        from contractgen.writers import reuse

        reuse.code_identity()
        reuse.tree_digest(template_dir)
        if "pdf" in formats:
            reuse.system_libraries()


def prepare_templates(templates_path: Path, formats) -> None:
    """Run `prepare` for every template folder under `templates_path` (those with an outline.yaml).

    A template that cannot be prepared is left alone: each contract that uses it reports why.
    """
    for folder in sorted(p for p in Path(templates_path).iterdir() if (p / "outline.yaml").is_file()):
        try:
            prepare(folder, formats)
        except Exception:  # noqa: BLE001 - the render of a contract with this template says what is wrong
            pass


def render_formats(document, template_dir: Path, formats, render_pdf=None) -> dict[str, bytes]:
    """Print `document` in each of `formats`, {format: bytes} in the order given.

    With a PDF and a format that takes its pages, the PDF is printed first and the DOCX's contents
    get the PDF's page numbers (a DOCX alone has none: Word adds them when the field is updated).
    `render_pdf(document)`, when given, prints the PDF (a build attaches the deal to it).
    """
    payloads: dict[str, bytes] = {}
    pages = None
    if "pdf" in formats:
        payloads["pdf"] = render_pdf(document) if render_pdf else render(document, template_dir, "pdf")
        if any(WRITERS[fmt].takes_pages for fmt in formats if fmt in WRITERS):
            from contractgen.writers.pdf.pages import anchor_pages

            pages = anchor_pages(payloads["pdf"])
    for fmt in formats:
        if fmt not in payloads:
            taken = pages if fmt in WRITERS and WRITERS[fmt].takes_pages else None
            payloads[fmt] = render(document, template_dir, fmt, pages=taken)
    return {fmt: payloads[fmt] for fmt in formats}


__all__ = ["FORMATS", "WRITERS", "Pages", "Writer", "prepare", "prepare_templates", "render", "render_formats"]
