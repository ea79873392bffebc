"""The reference contract as plain content (headings, paragraphs, tables) for the alternatives.

The alternatives (plain Jinja2 -> WeasyPrint, python-docx, docxtpl) print exactly this text, so
they produce the same paragraphs and tables as contractgen without its numbering, cross-reference
or definition machinery: numbers and cross-reference texts are taken from contractgen's finished
model and flattened into the text, as a hand-written template would carry them.
"""

from __future__ import annotations

import copy
from pathlib import Path

from contractgen.document.model import (
    DefinitionList,
    Document,
    Heading,
    ListBlock,
    Paragraph,
    Table,
    inline_text,
)

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DEAL = ROOT / "samples" / "deal-example.yaml"


def reference_deal() -> Path:
    """Return the reference deal: the project's sample copy."""
    return REFERENCE_DEAL


def build_reference(deal_path: Path | None = None, copies: int = 1):
    """Return (document model, template dir) for the reference deal, its clauses repeated `copies` times."""
    from contractgen.pipeline import Workspace, build_document, load_deal

    deal_path = deal_path or reference_deal()
    workspace = Workspace()
    source = load_deal(deal_path)
    document = build_document(source, workspace).document
    if copies > 1:
        document = lengthen(document, copies)
    return document, workspace.template_dir(source.deal.template)


def lengthen(document: Document, copies: int) -> Document:
    """Return a copy of the document whose agreement and schedule clauses appear `copies` times.

    The copies keep their numbers and texts but lose their anchors (so ids and bookmarks stay
    unique); cross-references in them still point at the first copy. Used to show how cost grows
    with contract length.
    """
    longer = copy.deepcopy(document)
    for part in longer.parts:
        if part.kind == "signatures":
            continue
        extra = []
        for _ in range(copies - 1):
            for clause in copy.deepcopy(part.clauses):
                _strip_anchors(clause)
                extra.append(clause)
        part.clauses.extend(extra)
    return longer


def _strip_anchors(clause) -> None:
    clause.anchor = ""
    stack = list(clause.blocks)
    while stack:
        block = stack.pop()
        if isinstance(block, Paragraph):
            block.anchor = ""
        elif isinstance(block, ListBlock):
            for item in block.items:
                item.anchor = ""
                stack.extend(item.blocks)


def flatten(document: Document) -> list[dict]:
    """Return the contract as a flat list of {"kind": "title"|"h1"|"h2"|"h3"|"p"|"li", "text"} and tables."""
    out: list[dict] = []
    add = out.append
    add({"kind": "p", "text": f"Dated {document.date_text}"})
    add({"kind": "title", "text": document.title})
    add({"kind": "p", "text": "between"})
    for index, party in enumerate(document.parties, start=1):
        text = party.name + "".join(
            d.before + getattr(party, d.field) + d.after for d in party.details if getattr(party, d.field)
        )
        add({"kind": "li", "text": f"({index}) {text}"})
    add({"kind": "table", "header": ["Reference", document.reference], "rows": [["Date", document.date_text]]})
    if document.contents:
        add({"kind": "h1", "text": "Contents", "break": True})
        for entry in document.contents:
            add({"kind": "p", "text": f"{entry.number} {entry.title}".strip()})
    for part in document.parts:
        if part.kind == "schedule":
            title = f"{part.number} \u2014 {part.title}" if part.number else part.title
            add({"kind": "h1", "text": title, "break": True})
        elif part.kind == "signatures":
            add({"kind": "h1", "text": part.title or "Signatures", "break": True})
        for clause in part.clauses:
            add({"kind": "h2", "text": f"{clause.number} {clause.title}".strip()})
            _blocks(clause.blocks, add)
        if part.kind == "signatures":
            add(
                {"kind": "p", "text": "This Agreement has been entered into on the date stated at the beginning of it."}
            )
            for party in document.parties:
                add({"kind": "p", "text": f"Signed for and on behalf of {party.name}"})
                add(
                    {
                        "kind": "table",
                        "header": ["Signature", ""],
                        "rows": [["Name", party.signatory_name], ["Title", party.signatory_title], ["Date", ""]],
                    }
                )
    return out


def _blocks(blocks, add) -> None:
    for block in blocks:
        if isinstance(block, Paragraph):
            text = inline_text(block.content)
            add({"kind": "p", "text": f"{block.number} {text}" if block.number else text})
        elif isinstance(block, Heading):
            add({"kind": "h3", "text": inline_text(block.content)})
        elif isinstance(block, ListBlock):
            for item in block.items:
                rest = item.blocks
                lead = item.number or "\u2022"
                if rest and isinstance(rest[0], Paragraph):
                    add({"kind": "li", "text": f"{lead} {inline_text(rest[0].content)}"})
                    rest = rest[1:]
                else:
                    add({"kind": "li", "text": lead})
                _blocks(rest, add)
        elif isinstance(block, Table):
            add(
                {
                    "kind": "table",
                    "header": [inline_text(c) for c in block.header],
                    "rows": [[inline_text(c) for c in row] for row in block.rows],
                }
            )
        elif isinstance(block, DefinitionList):
            for item in block.items:
                add({"kind": "p", "text": f"\u201c{item.term}\u201d means {inline_text(item.content)}"})


def text_of(content: list[dict]) -> str:
    """Return all text of a flat content list (to compare the alternatives' outputs)."""
    parts = []
    for block in content:
        if block["kind"] == "table":
            parts.extend(block["header"])
            for row in block["rows"]:
                parts.extend(row)
        else:
            parts.append(block["text"])
    return "\n".join(parts)
