"""Places of a rendered contract outside the clauses' own paragraphs: the cover, the signature page, table cells.

The cover and the signature page are printed from the deal's values (the parties, the title, the
reference, the signatories), not from clause text; a table's cells are mostly deal values too. A
counterparty edits them like any other words, so their markup is read there as well, and each such
paragraph's text as contractgen prints it is known from the document model.
"""

from __future__ import annotations

import re
from typing import Any

from contractgen.document.model import Table, inline_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
COVER = ":cover"  # the change's `clause` for a paragraph of the cover (no clause id starts with ":")
SIGNATURES = ":signatures"
FRAMES = {COVER: ("the cover", "Cover"), SIGNATURES: ("the signature page", "Signatures")}
_COVER_STYLES = {"CoverDraft", "CoverText", "Title", "CoverParty", "SignatureLabel", "SignatureText"}
_SIGNATURE_STYLES = {"SignatureLabel", "SignatureText"}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def style_of(p: Any) -> str:
    """The paragraph style a w:p names ("" for the default)."""
    node = p.find(f"{{{W}}}pPr/{{{W}}}pStyle")
    return node.get(f"{{{W}}}val") or "" if node is not None else ""


def frame_of(p: Any, before_first_clause: bool) -> str:
    """COVER or SIGNATURES when this w:p is a paragraph of the cover or of a signature block; else ""."""
    style = style_of(p)
    if before_first_clause:
        return COVER if style in _COVER_STYLES else ""
    return SIGNATURES if style in _SIGNATURE_STYLES else ""


def frame_texts(document: Any) -> dict[str, list[str]]:
    """The texts of the cover's and the signature blocks' paragraphs, in the order the DOCX prints them."""
    cover: list[str] = []
    if document.draft:
        cover.append("DRAFT")
    if document.legend:
        cover.append(_squash(document.legend))
    cover += [_squash(f"{document.execution.dated} {document.date_text}"), _squash(document.title), "between"]
    count = len(document.parties)
    for index, party in enumerate(document.parties, start=1):
        ending = "; and" if index == count - 1 else ("" if index == count else ";")
        text = f"({index}) {party.name}"
        for detail in party.details:
            value = getattr(party, detail.field)
            if value:
                text += detail.before + value + detail.after
        cover.append(_squash(text + ending))
    for label, name in (("Reference", "reference"), (document.execution.date_label, "date_text")):
        if getattr(document, name) or name in document.marks:
            cover += [label, _squash(getattr(document, name))]
    signatures: list[str] = []
    for party in (signer for block in document.parties for signer in block.signers or [block]):
        execution = party.execution or document.execution
        signatures.append(_squash(f"{execution.signed_for}{party.name}"))
        for line in execution.lines:
            signatures += [_squash(line.label), _squash(getattr(party, line.field) if line.field else "")]
    return {COVER: cover, SIGNATURES: signatures}


def cell_text(clause: Any, cell: tuple[int, int, int]) -> str | None:
    """The printed text of a table cell of a model clause: (table, row, column), row 0 the heading row; None if none."""
    tables = [block for block in clause.blocks if isinstance(block, Table)]
    table, row, column = cell
    if table >= len(tables):
        return None
    rows = ([tables[table].header] if tables[table].header else []) + tables[table].rows
    if row >= len(rows) or column >= len(rows[row]):
        return None
    return _squash(inline_text(rows[row][column]))


def cell_of(p: Any, tables: list[Any]) -> tuple[int, int, int] | None:
    """Where a w:p inside a table cell is: (the table's place among `tables`, row, column); None outside a table.

    `tables` collects the clause's w:tbl elements in the order they are met.
    """
    tc = next((a for a in p.iterancestors(f"{{{W}}}tc")), None)
    if tc is None:
        return None
    tr = tc.getparent()
    tbl = tr.getparent()
    if tbl not in tables:
        tables.append(tbl)
    return tables.index(tbl), tbl.findall(f"{{{W}}}tr").index(tr), tr.findall(f"{{{W}}}tc").index(tc)


def cell_place(p: Any, read: Any) -> str:
    """The cell in words, as a lawyer finds it: its row by the row's first cell and its column by the heading row's."""
    tc = next(p.iterancestors(f"{{{W}}}tc"))
    tr = tc.getparent()
    rows = tr.getparent().findall(f"{{{W}}}tr")
    column = tr.findall(f"{{{W}}}tc").index(tc)

    def text(cell: Any) -> str:
        return _squash(" ".join(read(q)[0] for q in cell.iter(f"{{{W}}}p")))

    heading = rows[0].findall(f"{{{W}}}tc")
    row_name = text(tr.findall(f"{{{W}}}tc")[0])
    parts = []
    if tr is not rows[0] and column > 0 and row_name:
        parts.append(f"row “{row_name}”")
    if column < len(heading) and text(heading[column]):
        parts.append(f"column “{text(heading[column])}”")
    return "the table's " + ", ".join(parts) if parts else "a table"


def cell_texts(clause: Any) -> dict[tuple[int, int, int], str]:
    """Every table cell's printed text of a model clause, by (table, row, column)."""
    out = {}
    tables = [block for block in clause.blocks if isinstance(block, Table)]
    for index, table in enumerate(tables):
        rows = ([table.header] if table.header else []) + table.rows
        for row, cells in enumerate(rows):
            for column, cell in enumerate(cells):
                out[(index, row, column)] = _squash(inline_text(cell))
    return out
