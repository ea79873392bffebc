"""Make a counterparty's marked-up DOCX the way Word writes one: w:ins, w:del, moves, a format change, a comment."""

from __future__ import annotations

import copy
import io
import shutil
import zipfile

from lxml import etree

from contractgen import writers
from contractgen.pipeline import Workspace, build_document, load_deal
from tests.helpers import REFERENCE, TEMPLATE

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
AUTHOR = "Counsel for the Supplier"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _mark(kind: str, run, change_id: int):
    mark = etree.Element(_w(kind), {_w("id"): str(change_id), _w("author"): AUTHOR, _w("date"): "2026-12-04T10:00:00Z"})
    mark.append(run)
    return mark


def _run(template, text: str, deleted: bool = False):
    run = copy.deepcopy(template)
    for t in run.findall("w:t", NS):
        run.remove(t)
    t = etree.SubElement(run, _w("delText" if deleted else "t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def paragraph(root, bookmark: str, offset: int = 0):
    """The w:p that carries `bookmark`, or the one `offset` paragraphs after it."""
    paragraphs = list(root.iter(_w("p")))
    start = next(
        i for i, p in enumerate(paragraphs) if p.find(f".//w:bookmarkStart[@w:name='{bookmark}']", NS) is not None
    )
    return paragraphs[start + offset]


def replace_words(p, old: str, new: str, change_id: int) -> None:
    """Track-change `old` (in one run of p) into `new`: a w:del of old and a w:ins of new (either may be "")."""
    run = next(r for r in p.findall("w:r", NS) if old in "".join(t.text or "" for t in r.findall("w:t", NS)))
    text = "".join(t.text or "" for t in run.findall("w:t", NS))
    head, _, tail = text.partition(old)
    pieces = [_run(run, head)] if head else []
    if old:
        pieces.append(_mark("del", _run(run, old, deleted=True), change_id))
    if new:
        pieces.append(_mark("ins", _run(run, new), change_id + 1))
    if tail:
        pieces.append(_run(run, tail))
    index = list(p).index(run)
    p.remove(run)
    for n, piece in enumerate(pieces):
        p.insert(index + n, piece)


def move_words(p, words: str, change_id: int) -> None:
    """Track-move `words` (in one run) to the start of the paragraph: w:moveFrom where it was, w:moveTo there."""
    replace_words(p, words, "", change_id)
    moved_from = p.findall("w:del", NS)[-1]
    moved_from.tag = _w("moveFrom")
    for t in moved_from.iter(_w("delText")):
        t.tag = _w("t")
    first = p.find("w:r", NS)
    first.addprevious(_mark("moveTo", _run(first, words + " "), change_id + 1))


def format_only(p, change_id: int) -> None:
    """Make the first run bold as a tracked formatting change (w:rPrChange): not a change of words."""
    run = p.find("w:r", NS)
    rpr = run.find("w:rPr", NS)
    if rpr is None:
        rpr = etree.Element(_w("rPr"))
        run.insert(0, rpr)
    etree.SubElement(rpr, _w("b"))
    change = etree.SubElement(rpr, _w("rPrChange"), {_w("id"): str(change_id), _w("author"): AUTHOR})
    etree.SubElement(change, _w("rPr"))


def comment(p, text: str, comment_id: int) -> etree._Element:
    """Anchor a comment on paragraph p; return the w:comment to put in word/comments.xml."""
    p.insert(1, etree.Element(_w("commentRangeStart"), {_w("id"): str(comment_id)}))
    p.append(etree.Element(_w("commentRangeEnd"), {_w("id"): str(comment_id)}))
    etree.SubElement(etree.SubElement(p, _w("r")), _w("commentReference"), {_w("id"): str(comment_id)})
    node = etree.Element(_w("comment"), {_w("id"): str(comment_id), _w("author"): AUTHOR})
    para = etree.SubElement(node, _w("p"))
    etree.SubElement(etree.SubElement(para, _w("r")), _w("t")).text = text
    return node


def accept_all(root) -> None:
    """Accept every tracked change, as Word's "Accept All Changes" does: their text, with no marks left."""
    for mark in list(root.iter(_w("del"))):
        if mark.getparent().tag == _w("rPr") and mark.getparent().getparent().tag == _w("pPr"):
            paragraph = mark.getparent().getparent().getparent()
            paragraph.getparent().remove(paragraph)  # a deleted paragraph mark: the paragraph goes
    for kind in ("del", "moveFrom"):
        for mark in list(root.iter(_w(kind))):
            mark.getparent().remove(mark)
    for kind in ("ins", "moveTo"):
        for mark in list(root.iter(_w(kind))):
            parent, index = mark.getparent(), mark.getparent().index(mark)
            for n, child in enumerate(list(mark)):
                parent.insert(index + n, child)
            parent.remove(mark)


def mark_up(docx: bytes, edit) -> bytes:
    """Return docx with `edit(root)` applied to word/document.xml; the w:comment elements it returns go in comments.xml.

    A draft already carries its drafting notes as comments: theirs are added to that part, renumbered after ours.
    """
    source = zipfile.ZipFile(io.BytesIO(docx))
    root = etree.fromstring(source.read("word/document.xml"))
    ours = source.read("word/comments.xml") if "word/comments.xml" in source.namelist() else None
    holder = etree.fromstring(ours) if ours else etree.Element(_w("comments"), nsmap={"w": W})
    markers = ("commentRangeStart", "commentRangeEnd", "commentReference")
    ours_mark = "{urn:contractgen-test}ours"
    for kind in markers:
        for node in root.iter(_w(kind)):
            node.set(ours_mark, "1")
    comments = edit(root) or []
    first = 1 + max((int(c.get(_w("id"))) for c in holder.iter(_w("comment"))), default=-1)
    renumber = {c.get(_w("id")): str(first + n) for n, c in enumerate(comments)} if ours else {}
    for kind in markers:
        for node in root.iter(_w(kind)):
            if node.attrib.pop(ours_mark, None) is None and node.get(_w("id")) in renumber:
                node.set(_w("id"), renumber[node.get(_w("id"))])
    for c in comments:
        c.set(_w("id"), renumber.get(c.get(_w("id")), c.get(_w("id"))))
    holder.extend(comments)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            elif item.filename == "word/comments.xml" and comments:
                data = etree.tostring(holder, xml_declaration=True, encoding="UTF-8", standalone=True)
            elif comments and not ours and item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/comments.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
                )
            elif comments and not ours and item.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdTheirComments" Type="http://schemas.'
                    b'openxmlformats.org/officeDocument/2006/relationships/comments" '
                    b'Target="comments.xml"/></Relationships>',
                )
            target.writestr(item, data)
        if comments and not ours:
            target.writestr("word/comments.xml", etree.tostring(holder, xml_declaration=True, encoding="UTF-8"))
    return out.getvalue()


def google_docs_export(docx: bytes) -> bytes:
    """Return docx shaped as Google Docs exports a suggested-edits document: our bookmarks renamed to its own
    ids (`id.…`), no custom document properties (so no provenance), no revision-save ids."""
    import hashlib
    import re

    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "docProps/custom.xml":
                continue
            if item.filename == "word/document.xml":
                root = etree.fromstring(data)
                for mark in root.iter(_w("bookmarkStart")):
                    mark.set(_w("name"), "id." + hashlib.sha1(mark.get(_w("name")).encode()).hexdigest()[:10])
                for node in root.iter():
                    for key in [k for k in node.attrib if k.startswith(_w("rsid"))]:
                        del node.attrib[key]
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            elif item.filename == "[Content_Types].xml":
                data = re.sub(rb'<Override PartName="/docProps/custom.xml"[^>]*/>', b"", data)
            elif item.filename == "_rels/.rels":
                data = re.sub(rb'<Relationship [^>]*Target="docProps/custom.xml"[^>]*/>', b"", data)
            target.writestr(item.filename, data)
    return out.getvalue()


def insert_paragraph(after_p, text: str, change_id: int):
    """Insert a whole paragraph after `after_p` as Word tracks one: its runs and its paragraph mark in w:ins."""
    p = copy.deepcopy(after_p)
    for child in [c for c in p if c.tag != _w("pPr")]:
        p.remove(child)
    for mark in p.iter(_w("bookmarkStart"), _w("bookmarkEnd")):
        mark.getparent().remove(mark)
    ppr = p.find("w:pPr", NS)
    if ppr is None:
        ppr = etree.SubElement(p, _w("pPr"))
    rpr = ppr.find("w:rPr", NS)
    if rpr is None:
        rpr = etree.SubElement(ppr, _w("rPr"))
    etree.SubElement(rpr, _w("ins"), {_w("id"): str(change_id), _w("author"): AUTHOR})
    template = after_p.find("w:r", NS)
    p.append(_mark("ins", _run(template, text), change_id + 1))
    after_p.addnext(p)
    return p


def delete_paragraph(p, change_id: int) -> None:
    """Delete a whole paragraph as Word tracks it: each run in w:del (its text as w:delText), the mark deleted."""
    for n, run in enumerate(p.findall("w:r", NS)):
        for t in run.findall("w:t", NS):
            t.tag = _w("delText")
        index = list(p).index(run)
        p.remove(run)
        p.insert(index, _mark("del", run, change_id + n))
    ppr = p.find("w:pPr", NS)
    rpr = ppr.find("w:rPr", NS) if ppr is not None else None
    if rpr is not None:
        etree.SubElement(rpr, _w("del"), {_w("id"): str(change_id + 99), _w("author"): AUTHOR})


def render_docx(deal) -> tuple[bytes, object]:
    """Our DOCX of a deal file, and the document model it was written from."""
    result = build_document(load_deal(deal), Workspace())
    return writers.render(result.document, TEMPLATE, "docx"), result.document


def negotiation_round(tmp_path, edit):
    """A copy of the reference deal, their marked-up copy of our DOCX (`edit` marks it up) and our document."""
    deal = tmp_path / "deal-example.yaml"
    shutil.copy(REFERENCE, deal)
    ours, document = render_docx(deal)
    theirs = tmp_path / "theirs.docx"
    theirs.write_bytes(mark_up(ours, edit))
    return deal, theirs, document
