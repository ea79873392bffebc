"""DOCX writer: print a finished document model as a Word file (python-docx + oxml).

Writers print, they never decide: every number, cross-reference text, definition and
contents entry comes from the model; this module only chooses Word styles for them.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import os
import pathlib

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part as OpcPart
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml.ns import qn
from lxml import etree

from contractgen.document.model import (
    Clause, CrossRef, DefinitionList, Document, Emph, Heading, LineBreak, ListBlock, Paragraph,
    Part, PartyBlock, Strong, Table, Text, iter_blocks,
)
from contractgen.writers.docx import fields as f
from contractgen.writers.docx.styles import (
    apply_page_setup, apply_styles, load_style_sheet, style_sheet_key, text_width_mm, twips,
)
from contractgen.writers.docx.package import deterministic_zip

SubElement = etree.SubElement
DROP_PACKAGE_RELS = {RT.THUMBNAIL}
DROP_DOCUMENT_RELS = {RT.CUSTOM_XML, RT.NUMBERING, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}
SIGNATURE_SENTENCE = "This Agreement has been entered into on the date stated at the beginning of it."
DEFINITION_MEANS = " means "
SCHEDULE_DASH = " \u2014 "
BULLET = "\u2022"
INSERTED, DELETED = "inserted", "deleted"  # the model's change marks Word tracks (redlines only)
CUSTOM_PROPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>contractgen</Application>"
    b"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    b"<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def render_docx(document: Document, template_dir: pathlib.Path) -> bytes:
    """Return the complete .docx bytes for a finished document model."""
    return write_docx(document, template_dir, lambda sheet: _BodyWriter(document, sheet))


def write_docx(document: Document, template_dir: pathlib.Path, make_writer, properties: Document | None = None) -> bytes:
    """Return .docx bytes: the body printed by `make_writer(style sheet)` (a _BodyWriter), then the
    header, footer and properties; the custom properties come from `properties` (default: document)."""
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
    writer = make_writer(sheet)
    writer.cover(body)
    writer.contents(body)
    writer.page_break_pending = True
    for part in document.parts:
        writer.part(body, part)
    body.append(sect_pr)
    writer.finish(body)

    _headers_and_footers(section, document, sheet)
    _core_properties(word, document)
    _custom_properties(word, document if properties is None else properties)
    return deterministic_zip(_package_members(word.part.package))


@functools.lru_cache(maxsize=16)
def _base_docx(key: tuple, lang: str) -> bytes:
    """Return an empty, styled .docx for one style sheet and language (built once, cached)."""
    path = pathlib.Path(key[0])
    sheet = load_style_sheet(path.parent.parent)
    word = docx.Document()
    _prune_package(word)
    apply_styles(word, sheet, lang)
    apply_page_setup(word.sections[0], sheet)
    _settings(word)
    return deterministic_zip(_package_members(word.part.package))


def _package_members(package) -> dict[str, bytes]:
    """Return {zip member name: bytes} for a python-docx package, as its save() would write."""
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    members = {
        "[Content_Types].xml": _ContentTypesItem.from_parts(parts).blob,
        "_rels/.rels": package.rels.xml,
    }
    for part in parts:
        members[part.partname.membername] = part.blob
        if len(part.rels):
            members[part.partname.rels_uri.membername] = part.rels.xml
    return members


def effective_datetime(document: Document) -> dt.datetime:
    """Return the timestamp for document properties: SOURCE_DATE_EPOCH, else the effective date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).replace(tzinfo=None)
    return dt.datetime.fromisoformat(document.date_iso[:10])


# ---------------------------------------------------------------- package and properties


def _prune_package(word) -> None:
    """Drop python-docx template parts a contract does not need (thumbnail, customXml ...)."""
    package = word.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype in DROP_PACKAGE_RELS:
            del package.rels[rid]
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = APP_XML
    for rid, rel in list(word.part.rels.items()):
        if rel.reltype in DROP_DOCUMENT_RELS:
            del word.part.rels[rid]


def _settings(word) -> None:
    """Ask Word to refresh fields (the TOC) on open; drop revision ids and preview flags."""
    settings = word.settings.element
    for tag in ("w:rsids", "w:savePreviewPicture", "w:proofState", "w:updateFields"):
        for el in settings.findall(qn(tag)):
            settings.remove(el)
    compat = settings.find(qn("w:compat"))
    if compat is not None and compat.find(qn("w:doNotExpandShiftReturn")) is None:
        # a line break inside a justified paragraph must not stretch the line before it
        compat.insert(0, etree.Element(qn("w:doNotExpandShiftReturn")))
    update = etree.Element(qn("w:updateFields"))
    update.set(qn("w:val"), "true")
    for tag in ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "m:mathPr"):
        found = settings.find(qn(tag))
        if found is not None:
            found.addprevious(update)
            return
    settings.append(update)


def _core_properties(word, document: Document) -> None:
    """Fill core properties from the model; dates are fixed so output is reproducible."""
    props = word.core_properties
    when = effective_datetime(document)
    props.title = document.title
    names = " and ".join(p.name for p in document.parties)
    props.subject = f"Agreement between {names}" if names else document.title
    props.keywords = f"{document.reference}, {document.template}" if document.template else document.reference
    props.author = "contractgen"
    props.comments = ""
    props.category = ""
    props.last_modified_by = ""
    props.revision = 1
    props.created = when
    props.modified = when
    props.last_printed = when


def _custom_properties(word, document: Document) -> None:
    """Add docProps/custom.xml with every provenance key as a string property."""
    root = etree.Element(qn_custom("Properties"), nsmap={None: CUSTOM_PROPS_NS, "vt": VT_NS})
    for pid, key in enumerate(sorted(document.provenance), start=2):
        value = document.provenance[key]
        if not isinstance(value, str):
            value = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
        prop = SubElement(root, qn_custom("property"), fmtid=CUSTOM_FMTID, pid=str(pid), name=str(key))
        SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = word.part.package
    part = OpcPart(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def qn_custom(tag: str) -> str:
    """Return a Clark name in the custom-properties namespace."""
    return f"{{{CUSTOM_PROPS_NS}}}{tag}"


# ---------------------------------------------------------------- header and footer


def _headers_and_footers(section, document: Document, sheet: dict) -> None:
    """Running header (title · reference, DRAFT), footer "Page X of Y"; a quiet cover page."""
    colours, font = sheet["colours"], sheet["fonts"]["body"]
    section.different_first_page_header_footer = True

    def draft_colour(rpr):
        SubElement(rpr, qn("w:color")).set(qn("w:val"), colours["draft"])

    hdr = _clear(section.header)
    p = f.paragraph(hdr, "Header")
    f.run(p, f"{document.title} \u00b7 {document.reference}")
    if document.draft:
        r = f.run(p)
        f.add_tab(r)
        f.run(p, "DRAFT", bold=True, rpr_extra=draft_colour)
        p.append(f.watermark_run("DRAFT", font, colours["watermark"], 1))

    first = _clear(section.first_page_header)
    p = f.paragraph(first, "Footer")
    if document.draft:
        p.append(f.watermark_run("DRAFT", font, colours["watermark"], 2))

    ftr = _clear(section.footer)
    p = f.paragraph(ftr, "Footer")
    f.run(p, "Page ")
    f.simple_field(p, "PAGE", "1")
    f.run(p, " of ")
    f.simple_field(p, "NUMPAGES", "1")
    f.paragraph(_clear(section.first_page_footer), "Footer")


def _clear(header_footer):
    header_footer.is_linked_to_previous = False
    el = header_footer._element
    for child in list(el):
        el.remove(child)
    return el


# ---------------------------------------------------------------- body


class _BodyWriter:
    """Walks the model once and appends WordprocessingML to the body."""

    def __init__(self, document: Document, sheet: dict) -> None:
        self.doc = document
        self.sheet = sheet
        self.bookmarks = f.Bookmarks()
        self.text_width = twips(text_width_mm(sheet))
        self.indent = twips(sheet["indent_step_mm"])
        self.names = self._collect_anchors(document)
        self.page_break_pending = False
        self.schedule_anchors = {p.anchor for p in document.parts if p.kind == "schedule" and p.anchor}

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

    # -- printing hooks: RedlineBodyWriter (writers/docx_redline.py) overrides these to track changes;
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

    def _number_tab(self, p, obj) -> None:
        """Print the number of a clause or paragraph and the tab after it."""
        f.add_tab(f.run(p, obj.number))

    def _item_label(self, p, item, ordered: bool) -> None:
        """Print a list item's number (or bullet) and the tab after it."""
        f.add_tab(f.run(p, item.number or ("" if ordered else BULLET)))

    def _dated(self, p) -> None:
        f.run(p, f"Dated {self.doc.date_text}")

    def _toc_entry(self, target, entry) -> None:
        if entry.anchor in self.schedule_anchors:
            f.run(target, f"{entry.number}{SCHEDULE_DASH}{entry.title}")
        elif entry.number:
            self._number_tab(target, entry)
            f.run(target, entry.title)
        else:
            f.run(target, entry.title)

    def _part_title(self, p, part: Part) -> None:
        if part.kind == "schedule":
            f.run(p, f"{part.number}{SCHEDULE_DASH}{part.title}" if part.number else part.title)
        else:
            f.run(p, part.title or "Signatures")

    def _inline_other(self, parent, node, bold: bool, italic: bool, change: str) -> None:
        """Print an inline node the contract model does not have (Ins/Del of a redline): nothing."""

    @staticmethod
    def _cell_text(cell: list) -> str:
        """Return the text of a table cell a column-width estimate uses."""
        return _plain(cell)

    def finish(self, body) -> None:
        """Tidy the body once everything is printed (nothing in a contract)."""

    # -- cover and contents

    def cover(self, body) -> None:
        """Cover page: DRAFT marking, date, title, the parties, reference and date."""
        doc = self.doc
        if doc.draft:
            f.run(f.paragraph(body, "CoverDraft"), "DRAFT")
        self._dated(f.paragraph(body, "CoverText"))
        self.field(f.paragraph(body, "Title"), doc, "title")
        f.run(f.paragraph(body, "CoverText"), "between")
        count = len(doc.parties)
        for index, party in enumerate(doc.parties, start=1):
            ending = "; and" if index == count - 1 else ("" if index == count else ";")
            self._cover_party(body, index, party, ending)
        widths = [twips(30), twips(70)]
        tbl = f.table(body, "SignatureTable", widths, (self.text_width - sum(widths)) // 2)
        for label, name in (("Reference", "reference"), ("Date", "date_text")):
            tr = f.table_row(tbl)
            f.run(f.paragraph(f.table_cell(tr, widths[0]), "SignatureLabel"), label)
            self.field(f.paragraph(f.table_cell(tr, widths[1]), "SignatureText"), doc, name)

    def _cover_party(self, body, index: int, party: PartyBlock, ending: str) -> None:
        p = f.paragraph(body, "CoverParty")
        r = f.run(p, f"({index})")
        f.add_tab(r)
        f.run(p, party.name, bold=True)
        text = ""
        if party.incorporated_in:
            text += f", incorporated in {party.incorporated_in}"
        if party.company_number:
            text += f" with company number {party.company_number}"
        if party.address:
            text += f", whose address is {party.address}"
        if party.short_name:
            f.run(p, text + " (the \u201c")
            f.run(p, party.short_name, bold=True)
            text = "\u201d)"
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
            f.fld_char(p, "begin", dirty=True)
            f.instr(p, code)
            f.fld_char(p, "separate")
            f.fld_char(p, "end")
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
            self._toc_entry(target, entry)
            if i == last:
                f.fld_char(p, "end")
            self.mark_paragraph(p, entry.change)

    # -- parts

    def part(self, body, part: Part) -> None:
        """Print one part: the agreement, a schedule or the signature page."""
        if part.kind == "schedule":
            self._part_heading(body, "Heading2", part)
            for clause in part.clauses:
                self.clause(body, clause, "ScheduleHeading")
        elif part.kind == "signatures":
            self._part_heading(body, "HeadingUnnumbered", part)
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

    def _part_heading(self, body, style: str, part: Part) -> None:
        """The heading of a schedule or the signature page, on a new page."""
        p = f.paragraph(body, style)
        f.set_page_break_before(p)
        self.page_break_pending = False
        self._part_title(p, part)
        self._anchor(p, part.anchor, part.change)
        self.mark_paragraph(p, part.change)

    def clause(self, body, clause: Clause, style: str) -> None:
        """Print a clause heading ("14<tab>Title") and its blocks."""
        p = f.paragraph(body, style)
        if self.page_break_pending:
            f.set_page_break_before(p)
            self.page_break_pending = False
        if clause.number or "number" in clause.marks:
            self._number_tab(p, clause)
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
                    self._number_tab(p, block)
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
        """Print a list: the literal item number in a hanging indent, one level per depth."""
        depth = min(max(block.depth, 1), 3)
        for item in block.items:
            p = f.paragraph(body, f"List{depth}")
            self._item_label(p, item, block.ordered)
            rest = item.blocks
            change = tracked(item.change)
            if rest and isinstance(rest[0], Paragraph):
                self.inlines(p, rest[0].content)
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
                name = self.names.get(node.target)
                target = f.hyperlink(parent, name) if name else parent
                self.text(target, node.text, bold, italic, change)
            elif isinstance(node, LineBreak):
                f.add_break(self.text(parent, "", change=change))
            else:
                self._inline_other(parent, node, bold, italic, change)

    # -- tables

    def table(self, body, table: Table, depth: int) -> None:
        """Print a table with a shaded header row that repeats on every page."""
        indent = self.indent * (depth + 1)
        available = self.text_width - indent
        ncols = max(len(table.header), max((len(r) for r in table.rows), default=0), 1)
        weights = [6] * ncols
        for row in [table.header, *table.rows]:
            for i, cell in enumerate(row[:ncols]):
                weights[i] = max(weights[i], min(len(self._cell_text(cell)), 40))
        total = sum(weights)
        widths = [available * w // total for w in weights]
        widths[-1] += available - sum(widths)
        tbl = f.table(body, "ContractTable", widths, indent)
        align = {"right": "right", "center": "center"}
        fill = self.sheet["colours"]["table_header_fill"]
        row_changes = [table.change] + [
            (table.row_changes[i] if i < len(table.row_changes) else "") or table.change for i in range(len(table.rows))]
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
        widths = [label_w, twips(text_width_mm(self.sheet) * 0.6) - label_w]
        spacer = f.paragraph(body, "Normal")
        SubElement(f.ppr_of(spacer), qn("w:spacing")).set(qn("w:after"), "240")
        self.mark_paragraph(spacer, party.change)
        tbl = f.table(body, "SignatureTable", widths, 0)
        tr = f.table_row(tbl)
        self.mark_row(tr, party.change)
        p = f.paragraph(f.table_cell(tr, sum(widths), span=2), "SignatureText")
        self.text(p, "Signed for and on behalf of ", change=party.change)
        self.field(p, party, "name", bold=True, change=party.change)
        rule = self.sheet["colours"]["text"]
        rows = [("Signature", "", twips(14)), ("Name", "signatory_name", twips(8)),
                ("Title", "signatory_title", twips(8)), ("Date", "", twips(8))]
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


def _plain(inlines: list) -> str:
    out = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, (Strong, Emph)):
            out.append(_plain(node.children))
        elif isinstance(node, CrossRef):
            out.append(node.text)
    return "".join(out)
