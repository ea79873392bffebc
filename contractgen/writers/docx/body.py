"""DOCX body writer: walks the finished document model once and appends WordprocessingML to the body.

Writers print, they never decide: every number, cross-reference text, definition and
contents entry comes from the model; this module only chooses Word styles for them. Numbers are
not typed: clause headings, numbered paragraphs and list items are paragraphs of Word lists
(w:numPr, writers/docx/numbering.py), and cross-references are REF fields to bookmarks on the
numbered paragraphs, their results filled in from the model.
"""

from __future__ import annotations

from dataclasses import replace

from contractgen.writers.docx.wml import qn
from lxml import etree

from contractgen.document.model import (
    Clause,
    CrossRef,
    DefinitionList,
    Document,
    Emph,
    Heading,
    LineBreak,
    ListBlock,
    Paragraph,
    Part,
    PartyBlock,
    Strong,
    Table,
    Text,
    iter_blocks,
)
from contractgen.writers.docx import fields as f
from contractgen.writers.docx.numbering import BULLET_STYLE, SCHEDULE_STYLE
from contractgen.writers.docx.styles import style_size, twips

SubElement = etree.SubElement
DEFINITION_MEANS = " means "
SCHEDULE_DASH = " \u2014 "
SCHEDULE_TITLE_DASH = "\u2014 "  # after the list number "Schedule 2" and its space
REF_CODE = "REF {} \\n \\h"  # the bookmarked paragraph's own number, as a hyperlink
MAX_LEVEL = 8
INSERTED, DELETED = "inserted", "deleted"  # the model's change marks Word tracks (redlines only)


class BodyWriter:
    """Walks the model once and appends WordprocessingML to the body."""

    def __init__(self, document: Document, sheet: dict, base, pages: dict[str, int] | None = None) -> None:
        self.doc = document
        self.pages = pages or {}  # {anchor: page number} of the same contract's PDF, for the contents
        self.sheet = sheet
        self.lists = base.lists  # a reference.Base: the lists and text width of the base document
        self.level = (0, 0)  # (numId, level) of the clause heading being printed
        self.bookmarks = f.Bookmarks()
        self.text_width = base.text_width
        self.indent = twips(sheet["indent_step_mm"])
        self.names = self._collect_anchors(document)
        self.page_break_pending = False
        self.schedule_anchors = {p.anchor for p in document.parts if p.kind == "schedule" and p.anchor}
        self.measure = None  # a measure.Measure of the template's fonts, set by write_docx

    @staticmethod
    def _collect_anchors(document: Document) -> dict[str, str]:
        anchors: list[str] = []
        for part in document.parts:
            anchors.append(part.anchor)
            for clause in part.clauses:
                anchors.append(clause.anchor)
                for block in iter_blocks(clause.blocks):
                    if isinstance(block, Paragraph):
                        anchors.append(block.anchor)
                    elif isinstance(block, ListBlock):
                        anchors.extend(item.anchor for item in block.items)
        return {a: f.bookmark_name(a) for a in anchors if a}

    def _bookmark(self, p, anchor: str) -> None:
        name = self.names.get(anchor)
        if name:
            self.bookmarks.wrap(p, name)

    # -- printing hooks: RedlineBodyWriter (writers/docx/redline.py) overrides these to track changes;
    #    `change` is a model change mark, which a contract does not have

    def text(self, parent, text: str, bold: bool = False, italic: bool = False, change: str = ""):
        """Append a run and return it."""
        return f.run(parent, text, bold, italic)

    def field(self, parent, obj, name: str, bold: bool = False, change: str = "") -> None:
        """Print a string field of a model object as one run."""
        self.text(parent, getattr(obj, name), bold, change=change)

    def mark_paragraph(self, p, change: str) -> None:
        """Mark a whole paragraph as inserted or deleted (nothing in a contract)."""

    def mark_row(self, tr, change: str) -> None:
        """Mark a table row as inserted or deleted (nothing in a contract)."""

    def _anchor(self, p, anchor: str, change: str) -> None:
        self._bookmark(p, anchor)

    def run_parent(self, parent, change: str):
        """Return where runs of a change go: the paragraph itself (w:ins/w:del in a redline)."""
        return parent

    def ref_field(self, parent, bookmark: str, text: str, bold: bool, italic: bool, change: str) -> None:
        """Print a REF field to `bookmark` (the number of the paragraph it marks), result `text`."""
        f.fld_char(self.run_parent(parent, change), "begin")
        f.instr(self.run_parent(parent, change), REF_CODE.format(bookmark))
        f.fld_char(self.run_parent(parent, change), "separate")
        self.text(parent, text, bold, italic, change)
        f.fld_char(self.run_parent(parent, change), "end")

    def _toc_number(self, p, obj) -> None:
        """Print a contents entry's number and the tab after it (the TOC field's result is text)."""
        f.add_tab(f.run(p, obj.number))

    def _toc_page(self, target, bookmark: str, page: int) -> None:
        """Print a tab and a PAGEREF field whose result is the page number the PDF printed for the entry."""
        f.add_tab(f.run(target))
        f.fld_char(target, "begin")
        f.instr(target, f"PAGEREF {bookmark} \\h")
        f.fld_char(target, "separate")
        f.run(target, str(page))
        f.fld_char(target, "end")

    def _dated(self, p) -> None:
        f.run(p, f"{self.doc.execution.dated} {self.doc.date_text}")

    def _toc_entry(self, target, entry) -> None:
        if entry.anchor in self.schedule_anchors:
            f.run(target, f"{entry.number}{SCHEDULE_DASH}{entry.title}")
        elif entry.number:
            self._toc_number(target, entry)
            f.run(target, entry.title)
        else:
            f.run(target, entry.title)

    def _part_title(self, p, part: Part) -> None:
        if part.kind == "schedule":
            f.run(p, f"{SCHEDULE_TITLE_DASH}{part.title}" if part.number else part.title)
        else:
            f.run(p, part.title or "Signatures")

    def _inline_other(self, parent, node, bold: bool, italic: bool, change: str) -> None:
        """Print an inline node the contract model does not have (Ins/Del of a redline): nothing."""

    def _column_widths(self, table: Table, ncols: int, available: int) -> list[int]:
        """Column widths measured with the template's fonts (no header word broken), else by character counts."""
        if self.measure is not None and self.measure.available():
            from contractgen.writers.docx.measure import column_widths

            columns = [
                (
                    [self._cell_text(table.header[i])] if i < len(table.header) else [],
                    [self._cell_text(row[i]) for row in table.rows if i < len(row)],
                )
                for i in range(ncols)
            ]
            padding = 2 * twips(self.sheet["table"]["cell_margin_mm"]) + 20  # both margins and a point of slack
            sizes = (style_size(self.sheet, "TableHeading"), style_size(self.sheet, "TableText"))
            return column_widths(columns, available, padding, self.measure, sizes)
        weights = [6] * ncols
        for row in [table.header, *table.rows]:
            for i, cell in enumerate(row[:ncols]):
                weights[i] = max(weights[i], min(len(self._cell_text(cell)), 40))
        widths = [available * w // sum(weights) for w in weights]
        widths[-1] += available - sum(widths)
        return widths

    @staticmethod
    def _cell_text(cell: list) -> str:
        """Return the text of a table cell a column-width estimate uses."""
        return plain_text(cell)

    def finish(self, body) -> None:
        """Tidy the body once everything is printed (nothing in a contract)."""

    # -- cover and contents

    def cover(self, body) -> None:
        """Cover page: DRAFT marking, date, title, the parties, reference and date."""
        doc = self.doc
        if doc.draft:
            f.run(f.paragraph(body, "CoverDraft"), "DRAFT")
        if doc.legend:
            f.run(f.paragraph(body, "CoverText"), doc.legend, italic=True)
        self._dated(f.paragraph(body, "CoverText"))
        self.field(f.paragraph(body, "Title"), doc, "title")
        f.run(f.paragraph(body, "CoverText"), "between")
        count = len(doc.parties)
        for index, party in enumerate(doc.parties, start=1):
            ending = "; and" if index == count - 1 else ("" if index == count else ";")
            self._cover_party(body, index, party, ending)
        widths = [twips(30), twips(70)]
        tbl = f.table(body, "SignatureTable", widths, (self.text_width - sum(widths)) // 2)
        for label, name in (("Reference", "reference"), (doc.execution.date_label, "date_text")):
            if not getattr(doc, name) and name not in doc.marks:
                continue  # a deal without a reference shows no empty row
            tr = f.table_row(tbl)
            f.run(f.paragraph(f.table_cell(tr, widths[0]), "SignatureLabel"), label)
            self.field(f.paragraph(f.table_cell(tr, widths[1]), "SignatureText"), doc, name)

    def _cover_party(self, body, index: int, party: PartyBlock, ending: str) -> None:
        p = f.paragraph(body, "CoverParty")
        r = f.run(p, f"({index})")
        f.add_tab(r)
        f.run(p, party.name, bold=True)
        text = ""  # plain text collects into one run until a bold value
        for detail in party.details:
            value = getattr(party, detail.field)
            if not value:
                continue
            if detail.bold:
                f.run(p, text + detail.before)
                f.run(p, value, bold=True)
                text = detail.after
            else:
                text += detail.before + value + detail.after
        f.run(p, text + ending)

    def contents(self, body) -> None:
        """Contents heading and a TOC field whose cached result lists the model's contents."""
        heading = f.paragraph(body, "TOCHeading")
        f.set_page_break_before(heading)
        f.run(heading, "Contents")
        code = 'TOC \\o "1-2" \\h \\z \\u'
        entries = self.doc.contents
        if not entries:
            p = f.paragraph(body, "TOC1")
            f.fld_char(p, "begin")
            f.instr(p, code)
            f.fld_char(p, "separate")
            f.fld_char(p, "end")
            return
        last = len(entries) - 1
        for i, entry in enumerate(entries):
            p = f.paragraph(body, "TOC2" if entry.level >= 2 else "TOC1")
            if i == 0:
                f.fld_char(p, "begin")
                f.instr(p, code)
                f.fld_char(p, "separate")
            name = self.names.get(entry.anchor)
            target = f.hyperlink(p, name) if name else p
            self._toc_entry(target, entry)
            if name and entry.anchor in self.pages:
                self._toc_page(target, name, self.pages[entry.anchor])
            if i == last:
                f.fld_char(p, "end")
            self.mark_paragraph(p, entry.change)

    # -- parts

    def part(self, body, part: Part) -> None:
        """Print one part: the agreement, a schedule or the signature page."""
        if part.kind == "schedule":
            self._part_heading(body, SCHEDULE_STYLE, part)
            for clause in part.clauses:
                self.clause(body, clause, "ScheduleHeading")
        elif part.kind == "signatures":
            self._part_heading(body, "HeadingUnnumbered", part)
            for clause in part.clauses:
                self.clause(body, clause, "Heading1")
            if self.doc.execution.intro:
                p = f.paragraph(body, "Normal")
                self.text(p, self.doc.execution.intro, change=part.change)
                self.mark_paragraph(p, part.change)
            for party in self.doc.parties:
                for signer in party.signers or [party]:
                    self.signature_block(body, signer if signer is party else replace(signer, change=party.change))
        else:
            for clause in part.clauses:
                self.clause(body, clause, "Heading1")

    def _part_heading(self, body, style: str, part: Part) -> None:
        """The heading of a schedule or the signature page, on a new page."""
        p = f.paragraph(body, style)
        f.set_page_break_before(p)
        if part.kind == "schedule":
            f.set_numbering(p, *(self.lists.of(style) if part.number or "number" in part.marks else (0, 0)))
        self.page_break_pending = False
        self._part_title(p, part)
        self._anchor(p, part.anchor, part.change)
        self.mark_paragraph(p, part.change)

    def clause(self, body, clause: Clause, style: str) -> None:
        """Print a clause heading (numbered by its style's list: "14<tab>Title") and its blocks."""
        p = f.paragraph(body, style)
        if self.page_break_pending:
            f.set_page_break_before(p)
            self.page_break_pending = False
        self.level = self.lists.of(style)
        f.set_numbering(p, *(self.level if clause.number or "number" in clause.marks else (0, 0)))
        self.field(p, clause, "title")
        self._anchor(p, clause.anchor, clause.change)
        self.mark_paragraph(p, clause.change)
        self.blocks(body, clause.blocks, 0)

    def blocks(self, body, blocks: list, depth: int) -> None:
        """Print blocks; `depth` is the list depth they sit in (0 = clause text)."""
        for block in blocks:
            if isinstance(block, Paragraph):
                if block.number or "number" in block.marks:
                    p = f.paragraph(body, "NumberedParagraph")
                    self._number(p, 1)
                else:
                    p = f.paragraph(body, f"ListContinue{depth}" if depth else "ClauseText")
                self.inlines(p, block.content)
                self._anchor(p, block.anchor, block.change)
                self.mark_paragraph(p, block.change)
            elif isinstance(block, ListBlock):
                self.list_block(body, block)
            elif isinstance(block, Heading):
                p = f.paragraph(body, "Heading3")
                self.inlines(p, block.content)
                self.mark_paragraph(p, block.change)
            elif isinstance(block, Table):
                self.table(body, block, depth)
            elif isinstance(block, DefinitionList):
                for item in block.items:
                    p = f.paragraph(body, "Definition")
                    self.text(p, f"\u201c{item.term}\u201d", bold=True, change=item.change)
                    self.text(p, DEFINITION_MEANS, change=item.change)
                    self.inlines(p, item.content)
                    self.mark_paragraph(p, item.change)

    def _number(self, p, below: int) -> None:
        """Number a paragraph `below` levels under the clause heading, in the heading's list."""
        num_id, level = self.level
        f.set_numbering(p, num_id, min(level + below, MAX_LEVEL) if num_id else 0)

    def list_block(self, body, block: ListBlock) -> None:
        """Print a list: items numbered (or bulleted) by Word lists, one level per depth."""
        depth = min(max(block.depth, 1), 3)
        bullets = self.lists.of(BULLET_STYLE)[0]
        for item in block.items:
            p = f.paragraph(body, f"List{depth}")
            if block.ordered:
                self._number(p, 1 + max(block.depth, 1))
            else:
                f.set_numbering(p, bullets, min(max(block.depth, 1) - 1, MAX_LEVEL) if bullets else 0)
            rest = item.blocks
            change = tracked(item.change)
            if rest and isinstance(rest[0], Paragraph):
                self.inlines(p, rest[0].content)
                if item.anchor and item.anchor != rest[0].anchor:
                    self._anchor(p, item.anchor, change)
                self._anchor(p, rest[0].anchor or item.anchor, change)
                change = change or tracked(rest[0].change)
                rest = rest[1:]
            else:
                self._anchor(p, item.anchor, item.change)
            self.mark_paragraph(p, change)
            self.blocks(body, rest, depth)

    def inlines(self, parent, inlines: list, bold: bool = False, italic: bool = False, change: str = "") -> None:
        """Print inlines as runs; cross-references become internal hyperlinks."""
        for node in inlines:
            if isinstance(node, Text):
                if node.text:
                    self.text(parent, node.text, bold, italic, change)
            elif isinstance(node, Strong):
                self.inlines(parent, node.children, True, italic, change)
            elif isinstance(node, Emph):
                self.inlines(parent, node.children, bold, True, change)
            elif isinstance(node, CrossRef):
                self.cross_reference(parent, node, bold, italic, change)
            elif isinstance(node, LineBreak):
                f.add_break(self.text(parent, "", change=change))
            else:
                self._inline_other(parent, node, bold, italic, change)

    def cross_reference(self, parent, node: CrossRef, bold: bool, italic: bool, change: str) -> None:
        """Print a cross-reference: words as text, each number a REF field to its bookmark."""
        if not node.segments:
            name = self.names.get(node.target)
            target = f.hyperlink(parent, name) if name else parent
            self.text(target, node.text, bold, italic, change)
            return
        for text, anchor in node.segments:
            name = self.names.get(anchor) if anchor else None
            if name:
                self.ref_field(parent, name, text, bold, italic, change)
            elif text:
                self.text(parent, text, bold, italic, change)

    # -- tables

    def table(self, body, table: Table, depth: int) -> None:
        """Print a table with a shaded header row that repeats on every page."""
        indent = self.indent * (depth + 1)
        available = self.text_width - indent
        ncols = max(len(table.header), max((len(r) for r in table.rows), default=0), 1)
        widths = self._column_widths(table, ncols, available)
        tbl = f.table(body, "ContractTable", widths, indent)
        align = {"right": "right", "center": "center"}
        fill = self.sheet["colours"]["table_header_fill"]
        row_changes = [table.change] + [
            (table.row_changes[i] if i < len(table.row_changes) else "") or table.change for i in range(len(table.rows))
        ]
        for r_index, row in enumerate([table.header, *table.rows]):
            header = r_index == 0
            tr = f.table_row(tbl, header=header)
            self.mark_row(tr, row_changes[r_index])
            for i in range(ncols):
                cell = row[i] if i < len(row) else []
                tc = f.table_cell(tr, widths[i], fill=fill if header else "")
                p = f.paragraph(tc, "TableHeading" if header else "TableText")
                jc = align.get(table.align[i] if i < len(table.align) else "")
                if jc:
                    f.set_jc(p, jc)
                self.inlines(p, cell)
        spacer = f.paragraph(body, "TableText")
        SubElement(f.ppr_of(spacer), qn("w:spacing")).set(qn("w:after"), "120")
        self.mark_paragraph(spacer, table.change)

    def signature_block(self, body, party: PartyBlock) -> None:
        """A borderless two-column block: who signs for the party, lines to sign on."""
        label_w = twips(32)
        widths = [label_w, round(self.text_width * 0.6) - label_w]
        spacer = f.paragraph(body, "Normal")
        SubElement(f.ppr_of(spacer), qn("w:spacing")).set(qn("w:after"), "240")
        self.mark_paragraph(spacer, party.change)
        tbl = f.table(body, "SignatureTable", widths, 0)
        tr = f.table_row(tbl)
        self.mark_row(tr, party.change)
        p = f.paragraph(f.table_cell(tr, sum(widths), span=2), "SignatureText")
        execution = party.execution or self.doc.execution  # a public body or consortium may sign its own way
        self.text(p, execution.signed_for, change=party.change)
        self.field(p, party, "name", bold=True, change=party.change)
        rule = self.sheet["colours"]["text"]
        rows = [(line.label, line.field, twips(14 if line.tall else 8)) for line in execution.lines]
        for label, name, height in rows:
            tr = f.table_row(tbl, height=height)
            self.mark_row(tr, party.change)
            p = f.paragraph(f.table_cell(tr, widths[0], valign="bottom"), "SignatureLabel")
            self.text(p, label, change=party.change)
            p = f.paragraph(f.table_cell(tr, widths[1], bottom=rule, valign="bottom"), "SignatureText")
            if name and (getattr(party, name) or name in party.marks):
                self.field(p, party, name, change=party.change)


def tracked(change: str) -> str:
    """Return "inserted"/"deleted" for changes Word tracks; "" for none or "changed" (inside only)."""
    return change if change in (INSERTED, DELETED) else ""


def plain_text(inlines: list) -> str:
    """Return the visible text of inlines (text, emphasis and cross-reference texts)."""
    out = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, (Strong, Emph)):
            out.append(plain_text(node.children))
        elif isinstance(node, CrossRef):
            out.append(node.text)
    return "".join(out)
