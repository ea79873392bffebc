"""Redline HTML and PDF: the print layout of the new contract with the changes marked.

The same layout (pdf/layout.html.j2) prints Ins/Del as <ins>/<del> and `change` as chg-* classes;
this module adds the summary page (pdf/redline-summary.html.j2) and the redline stylesheet
(pdf/redline.css) and typesets it with the PDF writer's cached, sandboxed resources.
"""

from __future__ import annotations

from pathlib import Path

from contractgen.writers.pdf.html import render_layout

REDLINE_CSS = "redline.css"
GROUPS = (
    ("inserted", "Added"),
    ("deleted", "Removed"),
    ("changed", "Changed"),
    ("renumbered", "Renumbered only"),
    ("deviates", "Deviates from the library, unchanged here"),
)


def summary_context(redline) -> dict:
    """Return what the summary page prints: the old version's facts and the grouped entries."""
    groups = []
    for change, heading in GROUPS:
        entries = [e for e in redline.summary if e.change == change]
        if entries:
            groups.append({"change": change, "heading": heading, "entries": entries})
    return {
        "old_reference": redline.old_reference,
        "old_date_text": redline.old_date_text,
        "old_source": redline.old_source,
        "groups": groups,
    }


def render_redline_html(redline, template_dir: Path) -> str:
    """Return the redline as one HTML page: summary of changes, then the marked-up contract."""
    document = redline.document
    subject = " and ".join(party.name for party in document.parties if party.change != "deleted")
    return render_layout(
        template_dir,
        document,
        f"Redline: agreement between {subject}" if subject else f"Redline: {document.title}",
        missing_part="redline layout part",
        redline_summary=summary_context(redline),
    )


def render_redline_pdf(redline, template_dir: Path) -> bytes:
    """Return the redline as PDF bytes (deterministic, same sandbox as the contract PDF)."""
    from contractgen.writers.pdf.writer import html_to_pdf

    pdf_dir = Path(template_dir).resolve() / "pdf"
    html = render_redline_html(redline, template_dir)
    return html_to_pdf(html, pdf_dir, extra_stylesheets=((REDLINE_CSS, "redline"),), label="redline PDF")
