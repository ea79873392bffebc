"""Redline DOCX: the new contract with Word tracked changes (w:ins / w:del) against the old one.

It prints a redline model (contractgen.redline.diff) with the DOCX writer's own helpers and styles:
Ins/Del inlines become runs inside w:ins / w:del (deleted text in w:delText), a whole inserted or
deleted paragraph also gets its paragraph mark marked (w:pPr/w:rPr/w:ins|w:del), table rows get
w:trPr/w:ins|w:del. Author and date are the redline's (who made it, when; see redline.authorship),
else "contractgen" and the new deal's effective date; ids sequential.
Accept All gives exactly the new contract's text, Reject All exactly the old one's.
"""

from __future__ import annotations

import copy
import pathlib

from contractgen.writers.docx.wml import qn
from lxml import etree

from contractgen.document.model import Del, Ins, Part, PartyBlock
from contractgen.writers.docx import fields as f
from contractgen.writers.docx.body import (
    DELETED,
    INSERTED,
    SCHEDULE_DASH,
    SCHEDULE_TITLE_DASH,
    BodyWriter,
    plain_text,
    tracked,
)
from contractgen.writers.docx.writer import write_docx

AUTHOR = "contractgen"
REVISION_ID_BASE = 100000  # far above the bookmark ids, which count from 0
SubElement = etree.SubElement
W_INS, W_DEL, W_T, W_DELTEXT, W_RPR, W_PPR = (qn(t) for t in ("w:ins", "w:del", "w:t", "w:delText", "w:rPr", "w:pPr"))
W_INSTR, W_DELINSTR = qn("w:instrText"), qn("w:delInstrText")


def render_redline_docx(redline, template_dir: pathlib.Path) -> bytes:
    """Return the .docx bytes of a redline (contractgen.redline.diff.Redline) with tracked changes."""
    document = redline.document
    shown = copy.copy(document)
    shown.provenance = dict(document.provenance, redline_against=redline.old_source or redline.old_reference)
    date = redline.date or f"{document.date_iso[:10]}T00:00:00Z"
    author = redline.author or AUTHOR
    return write_docx(
        document,
        template_dir,
        lambda sheet, base: RedlineBodyWriter(document, sheet, base, date, author),
        properties=shown,
    )


def _paragraph_marks_last(body) -> None:
    """Keep w:rPr (the paragraph mark's properties) as the last child of every w:pPr."""
    for ppr in body.iter(W_PPR):
        rpr = ppr.find(W_RPR)
        if rpr is not None and rpr is not ppr[-1]:
            ppr.remove(rpr)
            ppr.append(rpr)


def _pure_mark(inlines: list | None) -> str:
    """Return "inserted"/"deleted" if marked inlines are one Ins or one Del, else ""."""
    if inlines and len(inlines) == 1:
        if isinstance(inlines[0], Ins):
            return INSERTED
        if isinstance(inlines[0], Del):
            return DELETED
    return ""


class RedlineBodyWriter(BodyWriter):
    """The DOCX body writer, printing change marks as tracked changes (it overrides only the hooks)."""

    def __init__(self, document, sheet: dict, base, date: str, author: str = AUTHOR) -> None:
        super().__init__(document, sheet, base)
        self.date = date
        self.author = author
        self.next_revision = REVISION_ID_BASE
        self.deleted_anchors: list = []  # (paragraph, anchor) of deleted things

    # -- tracked-change primitives

    def _revision(self, parent, change: str):
        change = tracked(change)
        if not change:
            return parent
        tag = W_INS if change == INSERTED else W_DEL
        el = SubElement(parent, tag)
        el.set(qn("w:id"), str(self.next_revision))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        self.next_revision += 1
        return el

    def _container(self, parent, change: str):
        change = tracked(change)
        if not change:
            return parent
        tag = W_INS if change == INSERTED else W_DEL
        if len(parent) and parent[-1].tag == tag:
            return parent[-1]
        return self._revision(parent, change)

    def text(self, parent, text: str, bold: bool = False, italic: bool = False, change: str = ""):
        """Append a run (inside w:ins/w:del when `change` is set) and return it."""
        r = f.run(self._container(parent, change), text, bold, italic)
        if tracked(change) == DELETED:
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
        if tracked(change):
            rpr = f.ppr_of(p).find(W_RPR)
            if rpr is None:
                rpr = SubElement(f.ppr_of(p), W_RPR)
            self._revision(rpr, change)

    def mark_row(self, tr, change: str) -> None:
        """Mark a table row as inserted or deleted (w:trPr/w:ins|w:del)."""
        if tracked(change):
            self._revision(tr.find(qn("w:trPr")), change)

    def _anchor(self, p, anchor: str, change: str) -> None:
        if change != DELETED:
            self._bookmark(p, anchor)
        elif anchor:
            self.deleted_anchors.append((p, anchor))

    def finish(self, body) -> None:
        # A deleted thing's anchor may live on elsewhere in the new text; where it does not, the
        # deleted paragraph keeps the bookmark, so the old text's REF fields work after Reject All.
        live = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
        for p, anchor in self.deleted_anchors:
            name = self.names.get(anchor)
            if name and name not in live:
                self.bookmarks.wrap(p, name)
                live.add(name)
        _paragraph_marks_last(body)
        for deleted in body.iter(W_DEL):
            for code in deleted.iter(W_INSTR):
                code.tag = W_DELINSTR

    # -- the pieces a redline prints field by field, each with its own marks

    def _inline_other(self, parent, node, bold: bool, italic: bool, change: str) -> None:
        """Ins/Del become tracked insertions and deletions."""
        if isinstance(node, Ins):
            self.inlines(parent, node.children, bold, italic, INSERTED)
        elif isinstance(node, Del):
            self.inlines(parent, node.children, bold, italic, DELETED)

    @staticmethod
    def _cell_text(cell: list) -> str:
        return _visible(cell)

    def run_parent(self, parent, change: str):
        """Runs of a tracked change go into its w:ins / w:del."""
        return self._container(parent, change)

    def _dated(self, p) -> None:
        self.text(p, f"{self.doc.execution.dated} ")
        self.field(p, self.doc, "date_text")

    def _toc_entry(self, target, entry) -> None:
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

    def _part_title(self, p, part: Part) -> None:
        if part.kind == "schedule":
            if part.number:
                self.text(p, SCHEDULE_TITLE_DASH, change=part.change)
            self.field(p, part, "title")
        elif part.title:
            self.field(p, part, "title")
        else:
            self.text(p, "Signatures", change=part.change)

    def _cover_party(self, body, index: int, party: PartyBlock, ending: str) -> None:
        p = f.paragraph(body, "CoverParty")
        whole = party.change
        r = self.text(p, f"({index})", change=whole)
        f.add_tab(r)
        self.field(p, party, "name", bold=True, change=whole)
        for detail in party.details:
            mark = whole or _pure_mark(party.marks.get(detail.field))
            if getattr(party, detail.field) or mark == DELETED:
                if detail.before:
                    self.text(p, detail.before, change=mark)
                self.field(p, party, detail.field, bold=detail.bold, change=whole)
                if detail.after:
                    self.text(p, detail.after, change=mark)
        if ending:
            self.text(p, ending, change=whole)
        self.mark_paragraph(p, whole)


def _visible(inlines: list) -> str:
    """Return the text a column-width estimate should use (insertions counted, deletions not)."""
    out = []
    for node in inlines:
        if isinstance(node, Ins):
            out.append(_visible(node.children))
        elif not isinstance(node, Del):
            out.append(plain_text([node]))
    return "".join(out)
