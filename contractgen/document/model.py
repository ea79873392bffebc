"""The document model: one tree that every writer prints, so DOCX and PDF always agree.

The reader builds it from Markdown, the transforms fill in numbers, cross-reference texts,
definitions and contents, and the writers only style what they find here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Union


# ---------------------------------------------------------------- inlines


@dataclass
class Text:
    """Plain text."""

    text: str
    kind: str = "text"


@dataclass
class Strong:
    """Bold text (used for defined terms where they are defined)."""

    children: list[Inline]
    kind: str = "strong"


@dataclass
class Emph:
    """Italic text."""

    children: list[Inline]
    kind: str = "emph"


@dataclass
class CrossRef:
    """A reference to a clause, paragraph or schedule; `text` is filled in by the transforms.

    `segments` splits `text` into [text, anchor] pairs: an anchor names the numbered clause,
    paragraph, list item or schedule whose own number that piece is ("clause " + "12.3" + "(a)"),
    so a word processor can print the piece as a live reference; "" marks plain words."""

    target: str
    text: str = ""
    line: int = 0
    segments: list[list[str]] = field(default_factory=list)
    kind: str = "xref"


@dataclass
class LineBreak:
    """A hard line break inside a paragraph."""

    kind: str = "br"


@dataclass
class Ins:
    """Redline only: text inserted since the previous version (Accept keeps it, Reject drops it)."""

    children: list[Inline]
    kind: str = "ins"


@dataclass
class Del:
    """Redline only: text deleted since the previous version (Accept drops it, Reject keeps it)."""

    children: list[Inline]
    kind: str = "del"


Inline = Union[Text, Strong, Emph, CrossRef, LineBreak, Ins, Del]
Marks = dict[str, list[Inline]]

# Redline marks (all optional, empty in a normal contract):
# - `change` on a block, list item, table, clause, part, contents entry or party: "inserted" or
#   "deleted" when the whole thing is new or gone (its text is also wrapped in Ins/Del), "changed"
#   when only something inside it changed (a change bar in the PDF; nothing to track in Word);
# - `marks` maps the name of a plain string field ("number", "title", "name" ...) to the inlines
#   a redline prints instead of it, e.g. {"number": [Del([Text("2.10")]), Ins([Text("2.9")])]};
# - `Table.row_changes` runs parallel to `rows` ("", "inserted", "deleted" or "changed").


# ---------------------------------------------------------------- blocks


@dataclass
class Paragraph:
    """A paragraph; `number` is "14.2" for a numbered top-level paragraph, "" otherwise."""

    content: list[Inline]
    number: str = ""
    anchor: str = ""
    line: int = 0
    change: str = ""
    marks: Marks = field(default_factory=dict)
    kind: str = "paragraph"


@dataclass
class Heading:
    """A sub-heading inside a clause (Markdown ### and deeper); never numbered."""

    level: int
    content: list[Inline]
    line: int = 0
    change: str = ""
    kind: str = "heading"


@dataclass
class ListItem:
    """One item of a list; `number` is "(a)" or "(i)" for ordered lists, "" for bullets."""

    blocks: list[Block]
    number: str = ""
    anchor: str = ""
    change: str = ""
    marks: Marks = field(default_factory=dict)
    kind: str = "item"


@dataclass
class ListBlock:
    """An ordered or bulleted list; `depth` is 1 for a top-level list, 2 inside another."""

    items: list[ListItem]
    ordered: bool
    depth: int = 1
    line: int = 0
    change: str = ""
    kind: str = "list"


@dataclass
class Table:
    """A table: one header row and body rows; each cell is a list of inlines."""

    header: list[list[Inline]]
    rows: list[list[list[Inline]]]
    align: list[str] = field(default_factory=list)
    line: int = 0
    change: str = ""
    row_changes: list[str] = field(default_factory=list)
    kind: str = "table"


@dataclass
class Definition:
    """One entry of the Definitions clause: the term and what it means."""

    term: str
    content: list[Inline]
    source: str = ""
    change: str = ""
    kind: str = "definition"


@dataclass
class DefinitionList:
    """The generated list of defined terms, alphabetical, only those the contract uses."""

    items: list[Definition]
    kind: str = "definitions"


Block = Union[Paragraph, Heading, ListBlock, Table, DefinitionList]


# ---------------------------------------------------------------- structure


@dataclass
class Clause:
    """One clause of the agreement (or one numbered paragraph group of a schedule)."""

    id: str
    version: int
    title: str
    blocks: list[Block]
    number: str = ""
    anchor: str = ""
    source: str = ""
    status: str = "approved"
    change: str = ""
    marks: Marks = field(default_factory=dict)
    kind: str = "clause"
    approval: str = ""  # "approved by X on 2026-10-01" when the clause version records it
    changes: str = ""  # the clause version's `changes:` note: what it changed from the version before
    deviation: str = ""  # how the deal's own words depart from the library ("" when they do not)


@dataclass
class Part:
    """A part of the contract: the agreement body or one schedule."""

    id: str
    kind: str  # "agreement" | "schedule" | "signatures"
    title: str
    clauses: list[Clause]
    number: str = ""  # "Schedule 2" for schedules, "" otherwise
    anchor: str = ""
    change: str = ""
    marks: Marks = field(default_factory=dict)


@dataclass
class ContentsEntry:
    """One line of the table of contents."""

    level: int  # 1 = clause or schedule, 2 = clause inside a schedule
    number: str
    title: str
    anchor: str
    change: str = ""
    marks: Marks = field(default_factory=dict)


@dataclass
class PartyDetail:
    """One piece of the cover's description of a party: `before`, the party's field `field`, `after`.

    The wording comes from the template (cover.yaml); writers print a detail only when the field has a value.
    """

    field: str
    before: str = ""
    after: str = ""
    bold: bool = False


@dataclass(frozen=True)
class SignatureLine:
    """One line of a signature block: its label and the party field that fills it, if any."""

    label: str
    field: str = ""  # "signatory_name" | "signatory_title" | "" (left blank to write on)
    tall: bool = False  # room for a handwritten signature


@dataclass(frozen=True)
class Execution:
    """How the contract is dated and signed (the template's cover.yaml, by legal family)."""

    dated: str = "Dated"
    date_label: str = "Date"
    intro: str = ""
    signed_for: str = ""
    lines: tuple[SignatureLine, ...] = ()


@dataclass
class PartyBlock:
    """A party as the cover and signature page show it."""

    role: str  # "client" | "supplier"
    name: str
    short_name: str
    address: str
    company_number: str = ""
    incorporated_in: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    change: str = ""
    marks: Marks = field(default_factory=dict)
    article: str = "the"  # "the" before a common-noun short name ("the Bank"); "" for a proper name
    details: list[PartyDetail] = field(default_factory=list)  # the cover's description after the name
    kind: str = "company"  # the deal's kind of party (company, local_authority, consortium …)
    kind_words: str = ""  # how the template names that kind ("a local authority"), cover.yaml party_kinds
    registered_number: str = ""
    charity_number: str = ""
    trading_as: str = ""
    acting_through: str = ""
    represented_by: str = ""  # a government's representing office-holder ("the Commissioner for Digital Policy")
    established_under: str = ""
    branch_in: str = ""
    members: str = ""  # a consortium's members, as a list in words
    execution: Execution | None = None  # how this party signs, where its kind signs differently (cover.yaml)
    signers: list[PartyBlock] = field(default_factory=list)  # a consortium's members' own blocks; empty: one block
    capacities: list[str] = field(default_factory=list)  # who signs for its company form, one a signature line

    @property
    def capacity_1(self) -> str:
        """The capacity of the first person who signs: the deal's title for its signatory, else its form's law's."""
        return self.signatory_title or (self.capacities[0] if self.capacities else "")

    @property
    def capacity_2(self) -> str:
        """The capacity of the second person who signs, where its company form has two sign together."""
        return self.capacities[1] if len(self.capacities) > 1 else ""


@dataclass(frozen=True)
class DocumentNote:
    """A drafting note as a draft prints it: a comment on the clause it affects, and a line of the notes page."""

    id: str
    field: str  # the deal field it is about ("contract.governing_law")
    text: str  # what was not recognised, what the draft did, what a lawyer must check
    anchor: str = ""  # the clause it affects; "" for the document as a whole
    location: str = ""  # "clause 12" or "Schedule 3, paragraph 2", as the contract numbers that clause
    acknowledged: bool = False
    kind: str = "note"  # "note": acknowledged by its id before a final version; "warning": a build warning to check


@dataclass
class Document:
    """The whole contract, ready for the writers."""

    title: str
    reference: str
    date_text: str  # the effective date, formatted for the deal's locale; a draft's blank date ("[●]")
    date_iso: str
    locale: str
    draft: bool
    parties: list[PartyBlock]
    parts: list[Part]
    contents: list[ContentsEntry] = field(default_factory=list)
    template: str = ""
    provenance: dict[str, Any] = field(default_factory=dict)
    marks: Marks = field(default_factory=dict)  # redline only: marked title, reference, date_text
    legend: str = ""  # a draft's legend on the cover (the template's cover.yaml)
    execution: Execution = field(default_factory=Execution)  # dating and signature wording (cover.yaml)
    notes: list[DocumentNote] = field(default_factory=list)  # a draft's drafting notes (a final one has none)

    def iter_clauses(self) -> Iterator[tuple[Part, Clause]]:
        """Yield (part, clause) for every clause in reading order."""
        for part in self.parts:
            for clause in part.clauses:
                yield part, clause


def inline_text(inlines: list[Inline]) -> str:
    """Return the plain text of a run of inlines, as a reader would see it (redline deletions skipped)."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, (Strong, Emph, Ins)):
            out.append(inline_text(node.children))
        elif isinstance(node, CrossRef):
            out.append(node.text)
        elif isinstance(node, LineBreak):
            out.append("\n")
    return "".join(out)


def iter_blocks(blocks: list[Block]) -> Iterator[Block]:
    """Yield every block in a block list, depth first, including those inside list items."""
    for block in blocks:
        yield block
        if isinstance(block, ListBlock):
            for item in block.items:
                yield from iter_blocks(item.blocks)


def iter_inline_runs(blocks: list[Block]) -> Iterator[list[Inline]]:
    """Yield every list of inlines (paragraphs, headings, table cells, definitions) in blocks."""
    for block in iter_blocks(blocks):
        if isinstance(block, (Paragraph, Heading)):
            yield block.content
        elif isinstance(block, Table):
            yield from block.header
            for row in block.rows:
                yield from row
        elif isinstance(block, DefinitionList):
            for item in block.items:
                yield item.content
