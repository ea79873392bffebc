"""The template's style values, defined once in ``docx/styles.yaml``, as CSS custom properties for
``pdf/print.css``: page size and margins, body font size and line height, the number column, the
sizes of titles, headings, tables and running heads, table cell padding and the colours.

``scripts/build-reference-docx.py`` writes the block into print.css (between :data:`BEGIN` and
:data:`END`) when it writes reference.docx, and print.css reads every value the DOCX also has
through ``var(--…)``; a test fails when the block and styles.yaml disagree. So a change of the
house style is made in one file and reaches both formats.
"""

from __future__ import annotations

import re

BEGIN = "/* Values from docx/styles.yaml: scripts/build-reference-docx.py writes this block; edit styles.yaml. */"
END = "/* End of the values from docx/styles.yaml. */"
# Word's line spacing "multiple" multiplies the font's own line height (ascent + descent + line gap:
# 1.149 em for Times New Roman and its metric twin Liberation Serif); CSS line-height multiplies the size.
FONT_LINE_HEIGHT = 1.149


def _number(value: float) -> str:
    return f"{value:g}"


def css_values(sheet: dict) -> dict[str, str]:
    """Return {custom property name: CSS value} of the values print.css shares with the DOCX styles."""
    page, styles, colours = sheet["page"], sheet["paragraph_styles"], sheet["colours"]

    def size(style: str) -> str:
        return f"{_number(styles[style]['size'])}pt"

    def line(style: str) -> str:
        return _number(round(styles[style]["line"] * FONT_LINE_HEIGHT, 2))

    margins = [page[f"margin_{side}_mm"] for side in ("top", "right", "bottom", "left")]
    values = {
        "page-width": f"{_number(page['width_mm'])}mm",
        "page-height": f"{_number(page['height_mm'])}mm",
        "page-margin": " ".join(f"{_number(m)}mm" for m in margins),
        "page-margin-top": f"{_number(page['margin_top_mm'])}mm",
        "header-distance": f"{_number(page['header_mm'])}mm",
        "footer-distance": f"{_number(page['footer_mm'])}mm",
        "indent": f"{_number(sheet['indent_step_mm'])}mm",
        "body-size": size("Normal"),
        "body-line-height": line("Normal"),
        "paragraph-after": f"{_number(styles['Normal']['after'])}pt",
        "title-size": size("Title"),
        "title-before": f"{_number(styles['Title']['before'])}pt",
        "title-after": f"{_number(styles['Title']['after'])}pt",
        "title-line-height": line("Title"),
        "cover-draft-size": size("CoverDraft"),
        "cover-draft-after": f"{_number(styles['CoverDraft']['after'])}pt",
        "cover-text-size": size("CoverText"),
        "cover-text-after": f"{_number(styles['CoverText']['after'])}pt",
        "cover-detail-size": size("CoverDetail"),
        "clause-heading-size": size("Heading1"),
        "schedule-heading-size": size("Heading2"),
        "contents-heading-size": size("TOCHeading"),
        "contents-level-2-size": size("TOC2"),
        "table-size": size("TableText"),
        "table-line-height": line("TableText"),
        "table-cell-padding": f"{_number(sheet['table']['cell_margin_v_mm'])}mm {_number(sheet['table']['cell_margin_mm'])}mm",
        "table-rule": f"{_number(sheet['table']['border_pt'])}pt",
        "running-head-size": size("Header"),
        "running-head-line-height": line("Header"),
    }
    for name, rgb in colours.items():
        values[f"colour-{name.replace('_', '-')}"] = f"#{rgb.lower()}"
    return values


def css_block(sheet: dict) -> str:
    """Return the block of custom properties that print.css starts its rules with."""
    lines = [BEGIN, ":root {", *(f"  --{k}: {v};" for k, v in css_values(sheet).items()), "}", END]
    return "\n".join(lines) + "\n"


_BLOCK = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END) + r"\n?", re.S)


def css_with_values(css: str, sheet: dict) -> str:
    """Return print.css with its values block replaced by the one styles.yaml gives."""
    if not _BLOCK.search(css):
        raise ValueError("print.css has no block of values from styles.yaml (its BEGIN and END comments)")
    return _BLOCK.sub(lambda _m: css_block(sheet), css, count=1)


def css_block_in(css: str) -> str:
    """Return the values block print.css carries ("" when it has none)."""
    found = _BLOCK.search(css)
    return found.group(0) if found else ""
