"""Redline DOCX: the new contract with Word tracked changes (w:ins / w:del) against the old one.

It prints a redline model (contractgen.redline) with the DOCX writer's own helpers and styles:
Ins/Del inlines become runs inside w:ins / w:del (deleted text in w:delText), a whole inserted or
deleted paragraph also gets its paragraph mark marked (w:pPr/w:rPr/w:ins|w:del), table rows get
w:trPr/w:ins|w:del. Author "contractgen", date = the new deal's effective date, ids sequential.
Accept All gives exactly the new contract's text, Reject All exactly the old one's.
"""

from __future__ import annotations

import copy
import io
import pathlib

import docx
from docx.oxml.ns import qn
from lxml import etree

from contractgen.model import (
    Clause, CrossRef, DefinitionList, Del, Emph, Heading, Ins, LineBreak, ListBlock, Paragraph, Part,
    PartyBlock, Strong, Table, Text,
)
from contractgen.writers import docx_fields as f
from contractgen.writers.docx import (
    BULLET, DEFINITION_MEANS, SCHEDULE_DASH, SIGNATURE_SENTENCE, _BodyWriter, _base_docx, _core_properties,
    _custom_properties, _headers_and_footers, _package_members, _plain,
)
from contractgen.writers.docx_styles import load_style_sheet, style_sheet_key, twips, text_width_mm
from contractgen.writers.zipfix import deterministic_zip

AUTHOR = "contractgen"
INSERTED, DELETED = "inserted", "deleted"
REVISION_ID_BASE = 100000  # far above the bookmark ids, which count from 0
SubElement = etree.SubElement
W_INS, W_DEL, W_T, W_DELTEXT, W_RPR, W_PPR = (qn(t) for t in ("w:ins", "w:del", "w:t", "w:delText", "w:rPr", "w:pPr"))


def render_redline_docx(redline, template_dir: pathlib.Path) -> bytes:
    """Return the .docx bytes of a redline (contractgen.redline.Redline) with tracked changes."""
    document = redline.document
    sheet = load_style_sheet(template_dir)
    lang = (document.locale or "en_GB").replace("_", "-")
    word = docx.Document(io.BytesIO(_base_docx(style_sheet_key(template_dir), lang)))
    section = word.sections[0]
    body = word.element.body
    sect_pr = body.find(qn("w:sectPr"))
    for attr in [a for a in sect_pr.attrib if a.startswith(qn("w:rsid"))]:
        del sect_pr.attrib[attr]
    for child in list(body):
        body.remove(child)
    writer = RedlineBodyWriter(document, sheet, f"{document.date_iso[:10]}T00:00:00Z")
    writer.cover(body)
    writer.contents(body)
    writer.page_break_pending = True
    for part in document.parts:
        writer.part(body, part)
    body.append(sect_pr)
    _paragraph_marks_last(body)
    _headers_and_footers(section, document, sheet)
    _core_properties(word, document)
    shown = copy.copy(document)
    shown.provenance = dict(document.provenance, redline_against=redline.old_source or redline.old_reference)
    _custom_properties(word, shown)
    return deterministic_zip(_package_members(word.part.package))


def _paragraph_marks_last(body) -> None:
    """Keep w:rPr (the paragraph mark's properties) as the last child of every w:pPr."""
    for ppr in body.iter(W_PPR):
        rpr = ppr.find(W_RPR)
        if rpr is not None and rpr is not ppr[-1]:
            ppr.remove(rpr)
            ppr.append(rpr)


def _tracked(change: str) -> str:
    """Return "inserted"/"deleted" for changes Word tracks; "" for none or "changed" (inside only)."""
    return change if change in (INSERTED, DELETED) else ""


def _pure_mark(inlines: list | None) -> str:
    """Return "inserted"/"deleted" if marked inlines are one Ins or one Del, else ""."""
    if inlines and len(inlines) == 1:
        if isinstance(inlines[0], Ins):
            return INSERTED
        if isinstance(inlines[0], Del):
            return DELETED
    return ""


class RedlineBodyWriter(_BodyWriter):
    """The DOCX body writer, printing change marks as tracked changes."""

    def __init__(self, document, sheet: dict, date: str) -> None:
        super().__init__(document, sheet)
        self.date = date
        self.next_revision = REVISION_ID_BASE

    # -- tracked-change primitives

    def _revision(self, parent, change: str):
        change = _tracked(change)
        if not change:
            return parent
        tag = W_INS if change == INSERTED else W_DEL
        el = SubElement(parent, tag)
        el.set(qn("w:id"), str(self.next_revision))
        el.set(qn("w:author"), AUTHOR)
        el.set(qn("w:date"), self.date)
        self.next_revision += 1
        return el

    def _container(self, parent, change: str):
        change = _tracked(change)
        if not change:
            return parent
        tag = W_INS if change == INSERTED else W_DEL
        if len(parent) and parent[-1].tag == tag:
            return parent[-1]
        return self._revision(parent, change)

    def text(self, parent, text: str, bold: bool = False, italic: bool = False, change: str = ""):
        """Append a run (inside w:ins/w:del when `change` is set) and return it."""
        r = f.run(self._container(parent, change), text, bold, italic)
        if _tracked(change) == DELETED:
            for t in r.iter(W_T):
                t.tag = W_DELTEXT
        return r

    def tab(self, parent, change: str = "") -> None:
        """Append a tab run, tracked when `change` is set."""
        f.add_tab(self.text(parent, "", change=change))

    def field(self, parent, obj, name: str, bold: bool = False, change: str = "") -> None:
        """Print a string field of a model object, or its redline marks when it has any."""
        marked = getattr(obj, "marks", {}).get(name)
        if marked:
            self.inlines(parent, marked, bold)
        else:
            value = getattr(obj, name)
            if value:
                self.text(parent, value, bold, change=change)

    def mark_paragraph(self, p, change: str) -> None:
        """Mark a paragraph's mark as inserted or deleted (w:pPr/w:rPr/w:ins|w:del)."""
        if _tracked(change):
            rpr = f.ppr_of(p).find(W_RPR)
            if rpr is None:
                rpr = SubElement(f.ppr_of(p), W_RPR)
            self._revision(rpr, change)

    def mark_row(self, tr, change: str) -> None:
        """Mark a table row as inserted or deleted (w:trPr/w:ins|w:del)."""
        if _tracked(change):
            self._revision(tr.find(qn("w:trPr")), change)

    def _anchor(self, p, anchor: str, change: str) -> None:
        if change != DELETED:  # a deleted thing's anchor may live on elsewhere in the new text
            self._bookmark(p, anchor)

    # -- inlines

    def inlines(self, parent, inlines: list, bold: bool = False, italic: bool = False, change: str = "") -> None:
        """Print inlines as runs; Ins/Del become tracked insertions and deletions."""
        for node in inlines:
            if isinstance(node, Text):
                if node.text:
                    self.text(parent, node.text, bold, italic, change)
            elif isinstance(node, Ins):
                self.inlines(parent, node.children, bold, italic, INSERTED)
            elif isinstance(node, Del):
                self.inlines(parent, node.children, bold, italic, DELETED)
            elif isinstance(node, Strong):
                self.inlines(parent, node.children, True, italic, change)
            elif isinstance(node, Emph):
                self.inlines(parent, node.children, bold, True, change)
            elif isinstance(node, CrossRef):
                name = self.names.get(node.target)
                target = f.hyperlink(parent, name) if name else parent
                self.text(target, node.text, bold, italic, change)
            elif isinstance(node, LineBreak):
                f.add_break(self.text(parent, "", change=change))

    # -- cover and contents

    def cover(self, body) -> None:
        """Cover page with the title, date, reference and parties tracked."""
        doc = self.doc
        if doc.draft:
            f.run(f.paragraph(body, "CoverDraft"), "DRAFT")
        p = f.paragraph(body, "CoverText")
        self.text(p, "Dated ")
        self.field(p, doc, "date_text")
        self.field(f.paragraph(body, "Title"), doc, "title")
        f.run(f.paragraph(body, "CoverText"), "between")
        count = len(doc.parties)
        for index, party in enumerate(doc.parties, start=1):
            ending = "; and" if index == count - 1 else ("" if index == count else ";")
            self._cover_party(body, index, party, ending)
        widths = [twips(30), twips(70)]
        tbl = self._table(body, "SignatureTable", widths, (self.text_width - sum(widths)) // 2)
        for label, name in (("Reference", "reference"), ("Date", "date_text")):
            tr = self._row(tbl)
            f.run(f.paragraph(self._cell(tr, widths[0]), "SignatureLabel"), label)
            self.field(f.paragraph(self._cell(tr, widths[1]), "SignatureText"), doc, name)

    def _cover_party(self, body, index: int, party: PartyBlock, ending: str) -> None:
        p = f.paragraph(body, "CoverParty")
        whole = party.change
        r = self.text(p, f"({index})", change=whole)
        f.add_tab(r)
        self.field(p, party, "name", bold=True, change=whole)
        for name, prefix in (("incorporated_in", ", incorporated in "), ("company_number", " with company number "),
                             ("address", ", whose address is ")):
            mark = whole or _pure_mark(party.marks.get(name))
            if getattr(party, name) or mark == DELETED:
                self.text(p, prefix, change=mark)
                self.field(p, party, name, change=whole)
        mark = whole or _pure_mark(party.marks.get("short_name"))
        if party.short_name or mark == DELETED:
            self.text(p, " (the \u201c", change=mark)
            self.field(p, party, "short_name", bold=True, change=whole)
            self.text(p, "\u201d)", change=mark)
        if ending:
            self.text(p, ending, change=whole)
        self.mark_paragraph(p, whole)

    def contents(self, body) -> None:
        """Contents: the TOC field's cached entries, with added, removed and renumbered entries tracked."""
        heading = f.paragraph(body, "TOCHeading")
        f.set_page_break_before(heading)
        f.run(heading, "Contents")
        code = 'TOC \\o "1-2" \\h \\z \\u'
        entries = self.doc.contents
        if not entries:
            self._empty_toc(body, code)
            return
        last = len(entries) - 1
        for i, entry in enumerate(entries):
            p = f.paragraph(body, "TOC2" if entry.level >= 2 else "TOC1")
            if i == 0:
                f.fld_char(p, "begin", dirty=True)
                f.instr(p, code)
                f.fld_char(p, "separate")
            name = self.names.get(entry.anchor)
            target = f.hyperlink(p, name) if name else p
            if entry.anchor in self.schedule_anchors:
                self.field(target, entry, "number")
                self.text(target, SCHEDULE_DASH, change=entry.change)
                self.field(target, entry, "title")
            elif entry.number:
                self.field(target, entry, "number")
                self.tab(target, entry.change)
                self.field(target, entry, "title")
            else:
                self.field(target, entry, "title")
            if i == last:
                f.fld_char(p, "end")
            self.mark_paragraph(p, entry.change)

    def _empty_toc(self, body, code: str) -> None:
        p = f.paragraph(body, "TOC1")
        f.fld_char(p, "begin", dirty=True)
        f.instr(p, code)
        f.fld_char(p, "separate")
        f.fld_char(p, "end")

    # -- parts and clauses

    def part(self, body, part: Part) -> None:
        """Print one part, its heading and clauses tracked when the whole part is new or gone."""
        if part.kind == "schedule":
            p = f.paragraph(body, "Heading2")
            f.set_page_break_before(p)
            self.page_break_pending = False
            self.field(p, part, "number")
            if part.number:
                self.text(p, SCHEDULE_DASH, change=part.change)
            self.field(p, part, "title")
            self._anchor(p, part.anchor, part.change)
            self.mark_paragraph(p, part.change)
            for clause in part.clauses:
                self.clause(body, clause, "ScheduleHeading")
        elif part.kind == "signatures":
            p = f.paragraph(body, "HeadingUnnumbered")
            f.set_page_break_before(p)
            self.page_break_pending = False
            if part.title:
                self.field(p, part, "title")
            else:
                self.text(p, "Signatures", change=part.change)
            self._anchor(p, part.anchor, part.change)
            self.mark_paragraph(p, part.change)
            for clause in part.clauses:
                self.clause(body, clause, "Heading1")
            p = f.paragraph(body, "Normal")
            self.text(p, SIGNATURE_SENTENCE, change=part.change)
            self.mark_paragraph(p, part.change)
            for party in self.doc.parties:
                self.signature_block(body, party)
        else:
            for clause in part.clauses:
                self.clause(body, clause, "Heading1")

    def clause(self, body, clause: Clause, style: str) -> None:
        """Print a clause heading (number, tab, title) and its blocks, with their marks."""
        p = f.paragraph(body, style)
        if self.page_break_pending:
            f.set_page_break_before(p)
            self.page_break_pending = False
        if clause.number or "number" in clause.marks:
            self.field(p, clause, "number")
            self.tab(p, _tracked(clause.change) or _pure_mark(clause.marks.get("number")))
        self.field(p, clause, "title")
        self._anchor(p, clause.anchor, clause.change)
        self.mark_paragraph(p, clause.change)
        self.blocks(body, clause.blocks, 0)

    def blocks(self, body, blocks: list, depth: int) -> None:
        """Print blocks with their marks; `depth` is the list depth they sit in."""
        for block in blocks:
            if isinstance(block, Paragraph):
                if block.number or "number" in block.marks:
                    p = f.paragraph(body, "NumberedParagraph")
                    self.field(p, block, "number")
                    self.tab(p, _tracked(block.change) or _pure_mark(block.marks.get("number")))
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

    def list_block(self, body, block: ListBlock) -> None:
        """Print a list with tracked item numbers, items and paragraphs."""
        depth = min(max(block.depth, 1), 3)
        for item in block.items:
            p = f.paragraph(body, f"List{depth}")
            if "number" in item.marks:
                self.field(p, item, "number")
            else:
                self.text(p, item.number or ("" if block.ordered else BULLET), change=item.change)
            self.tab(p, _tracked(item.change) or _pure_mark(item.marks.get("number")))
            rest = item.blocks
            change = _tracked(item.change)
            if rest and isinstance(rest[0], Paragraph):
                self.inlines(p, rest[0].content)
                self._anchor(p, rest[0].anchor or item.anchor, change)
                change = change or _tracked(rest[0].change)
                rest = rest[1:]
            else:
                self._anchor(p, item.anchor, item.change)
            self.mark_paragraph(p, change)
            self.blocks(body, rest, depth)

    def table(self, body, table: Table, depth: int) -> None:
        """Print a table; inserted and deleted rows are tracked on the row."""
        indent = self.indent * (depth + 1)
        available = self.text_width - indent
        ncols = max(len(table.header), max((len(r) for r in table.rows), default=0), 1)
        weights = [6] * ncols
        for row in [table.header, *table.rows]:
            for i, cell in enumerate(row[:ncols]):
                weights[i] = max(weights[i], min(len(_visible(cell)), 40))
        total = sum(weights)
        widths = [available * w // total for w in weights]
        widths[-1] += available - sum(widths)
        tbl = self._table(body, "ContractTable", widths, indent)
        align = {"right": "right", "center": "center"}
        fill = self.sheet["colours"]["table_header_fill"]
        row_changes = [table.change] + [
            (table.row_changes[i] if i < len(table.row_changes) else "") or table.change for i in range(len(table.rows))]
        for r_index, row in enumerate([table.header, *table.rows]):
            header = r_index == 0
            tr = self._row(tbl, header=header)
            self.mark_row(tr, row_changes[r_index])
            for i in range(ncols):
                cell = row[i] if i < len(row) else []
                tc = self._cell(tr, widths[i], fill=fill if header else "")
                p = f.paragraph(tc, "TableHeading" if header else "TableText")
                jc = align.get(table.align[i] if i < len(table.align) else "")
                if jc:
                    f.set_jc(p, jc)
                self.inlines(p, cell)
        spacer = f.paragraph(body, "TableText")
        SubElement(f.ppr_of(spacer), qn("w:spacing")).set(qn("w:after"), "120")
        self.mark_paragraph(spacer, table.change)

    def signature_block(self, body, party: PartyBlock) -> None:
        """The signature block of a party, with changed names and titles tracked."""
        label_w = twips(32)
        widths = [label_w, twips(text_width_mm(self.sheet) * 0.6) - label_w]
        spacer = f.paragraph(body, "Normal")
        SubElement(f.ppr_of(spacer), qn("w:spacing")).set(qn("w:after"), "240")
        self.mark_paragraph(spacer, party.change)
        tbl = self._table(body, "SignatureTable", widths, 0)
        tr = self._row(tbl)
        self.mark_row(tr, party.change)
        p = f.paragraph(self._cell(tr, sum(widths), span=2), "SignatureText")
        self.text(p, "Signed for and on behalf of ", change=party.change)
        self.field(p, party, "name", bold=True, change=party.change)
        rule = self.sheet["colours"]["text"]
        rows = [("Signature", "", twips(14)), ("Name", "signatory_name", twips(8)),
                ("Title", "signatory_title", twips(8)), ("Date", "", twips(8))]
        for label, name, height in rows:
            tr = self._row(tbl, height=height)
            self.mark_row(tr, party.change)
            p = f.paragraph(self._cell(tr, widths[0], valign="bottom"), "SignatureLabel")
            self.text(p, label, change=party.change)
            p = f.paragraph(self._cell(tr, widths[1], bottom=rule, valign="bottom"), "SignatureText")
            if name:
                self.field(p, party, name, change=party.change)


def _visible(inlines: list) -> str:
    """Return the text a column-width estimate should use (insertions counted, deletions not)."""
    out = []
    for node in inlines:
        if isinstance(node, Ins):
            out.append(_visible(node.children))
        elif not isinstance(node, Del):
            out.append(_plain([node]))
    return "".join(out)
