"""Low-level WordprocessingML builders: runs, fields, bookmarks, hyperlinks, watermark."""

from __future__ import annotations

import copy
import functools
import re

from contractgen.writers.docx.wml import nsdecls, parse_xml, qn
from lxml import etree

W_P, W_PPR, W_PSTYLE, W_R, W_RPR, W_T = (qn(t) for t in ("w:p", "w:pPr", "w:pStyle", "w:r", "w:rPr", "w:t"))
W_VAL, W_B, W_I, W_TAB, W_BR = qn("w:val"), qn("w:b"), qn("w:i"), qn("w:tab"), qn("w:br")
W_ID, W_NAME, W_TYPE, W_ANCHOR = qn("w:id"), qn("w:name"), qn("w:type"), qn("w:anchor")
W_HISTORY = qn("w:history")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
SubElement = etree.SubElement

VML_NS = (
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"'
)
_BAD_CHARS = re.compile(r"[^A-Za-z0-9_]")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def bookmark_name(anchor: str) -> str:
    """Map a model anchor to a Word bookmark name: [A-Za-z][A-Za-z0-9_]{0,39}, deterministic."""
    name = _BAD_CHARS.sub("_", anchor)
    if not name or not name[0].isalpha() or not name.isascii():
        name = "a_" + name
    if len(name) > 40:
        import hashlib

        digest = hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:8]
        name = name[:31] + "_" + digest
    return name


def paragraph(parent, style: str | None = None):
    """Append and return a w:p with the given paragraph style id."""
    p = SubElement(parent, W_P)
    if style:
        SubElement(SubElement(p, W_PPR), W_PSTYLE).set(W_VAL, style)
    return p


def ppr_of(p):
    """Return the paragraph's w:pPr, creating it first in the paragraph if absent."""
    ppr = p.find(W_PPR)
    if ppr is None:
        ppr = etree.Element(W_PPR)
        p.insert(0, ppr)
    return ppr


PPR_ORDER = tuple(
    qn("w:" + t)
    for t in (
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    )
)


_PPR_RANK = {tag: rank for rank, tag in enumerate(PPR_ORDER)}
W_NUMPR, W_ILVL, W_NUMID = qn("w:numPr"), qn("w:ilvl"), qn("w:numId")


def ppr_insert(ppr, el):
    """Insert `el` into a w:pPr where the schema puts it (replacing one of the same tag); return it."""
    rank = _PPR_RANK[el.tag]
    for child in ppr:
        if child.tag == el.tag:
            ppr.replace(child, el)
            return el
        if _PPR_RANK.get(child.tag, -1) > rank:
            child.addprevious(el)
            return el
    ppr.append(el)
    return el


@functools.lru_cache(maxsize=64)
def _num_pr(num_id: int, ilvl: int):
    el = etree.Element(W_NUMPR)
    SubElement(el, W_ILVL).set(W_VAL, str(ilvl))
    SubElement(el, W_NUMID).set(W_VAL, str(num_id))
    return el


def num_pr(num_id: int, ilvl: int = 0):
    """Return a w:numPr: list `num_id` (0 = no numbering) at level `ilvl`."""
    return copy.deepcopy(_num_pr(num_id, ilvl))  # a copy of one built once: paragraphs are many


def set_numbering(p, num_id: int, ilvl: int = 0) -> None:
    """Number a paragraph (or a style's pPr holder) from list `num_id` at level `ilvl`."""
    ppr_insert(ppr_of(p), num_pr(num_id, ilvl))


def set_page_break_before(p) -> None:
    """Make a paragraph start on a new page (w:pageBreakBefore, right after w:pStyle)."""
    ppr_insert(ppr_of(p), etree.Element(qn("w:pageBreakBefore")))


def set_jc(p, value: str) -> None:
    """Set direct paragraph alignment (left, center, right, both)."""
    SubElement(ppr_of(p), qn("w:jc")).set(W_VAL, value)


def run(parent, text: str = "", bold: bool = False, italic: bool = False, rpr_extra=None):
    """Append a run with `text` (and optional bold/italic) and return it."""
    r = SubElement(parent, W_R)
    if bold or italic or rpr_extra:
        rpr = SubElement(r, W_RPR)
        if bold:
            SubElement(rpr, W_B)
        if italic:
            SubElement(rpr, W_I)
        if rpr_extra is not None:
            rpr_extra(rpr)
    if text:
        add_text(r, text)
    return r


def add_text(r, text: str) -> None:
    """Append a w:t with `text` to a run, preserving leading/trailing spaces."""
    t = SubElement(r, W_T)
    text = _XML_ILLEGAL.sub("", text)
    t.text = text
    if text[:1].isspace() or text[-1:].isspace():
        t.set(XML_SPACE, "preserve")


def add_tab(r) -> None:
    """Append a tab character to a run."""
    SubElement(r, W_TAB)


def add_break(r, kind: str | None = None) -> None:
    """Append a line break (or a page break with kind="page") to a run."""
    br = SubElement(r, W_BR)
    if kind:
        br.set(W_TYPE, kind)


class Bookmarks:
    """Hands out sequential bookmark ids, so output never depends on anything random."""

    def __init__(self) -> None:
        self.next_id = 0

    def wrap(self, p, name: str) -> None:
        """Bookmark the whole content of paragraph `p` under `name`."""
        bid = str(self.next_id)
        self.next_id += 1
        start = etree.Element(qn("w:bookmarkStart"))
        start.set(W_ID, bid)
        start.set(W_NAME, name)
        ppr = p.find(W_PPR)
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        SubElement(p, qn("w:bookmarkEnd")).set(W_ID, bid)


def hyperlink(parent, anchor: str):
    """Append an internal hyperlink to bookmark `anchor` and return it (add runs inside)."""
    h = SubElement(parent, qn("w:hyperlink"))
    h.set(W_ANCHOR, anchor)
    h.set(W_HISTORY, "1")
    return h


def fld_char(parent, kind: str, dirty: bool = False):
    """Append a run holding a complex-field character (begin, separate or end)."""
    r = SubElement(parent, W_R)
    fc = SubElement(r, qn("w:fldChar"))
    fc.set(qn("w:fldCharType"), kind)
    if dirty:
        fc.set(qn("w:dirty"), "true")
    return r


def instr(parent, code: str) -> None:
    """Append a run holding a field instruction."""
    r = SubElement(parent, W_R)
    t = SubElement(r, qn("w:instrText"))
    t.set(XML_SPACE, "preserve")
    t.text = f" {code} "


def simple_field(parent, code: str, cached: str) -> None:
    """Append a complete complex field (begin, code, separate, cached text, end)."""
    fld_char(parent, "begin")
    instr(parent, code)
    fld_char(parent, "separate")
    run(parent, cached)
    fld_char(parent, "end")


def watermark_run(text: str, font: str, colour: str, index: int = 1):
    """Return a w:r with a diagonal VML text watermark, as Word's own watermarks are made."""
    xml = (
        f"<w:r {nsdecls('w')} {VML_NS}>"
        "<w:rPr><w:noProof/></w:rPr><w:pict>"
        '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
        'path="m@7,l@8,m@5,21600l@6,21600e">'
        '<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>'
        '<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/>'
        '<v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>'
        '<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/>'
        '<v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
        '<v:path textpathok="t" o:connecttype="custom" '
        'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
        '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" '
        'xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/>'
        "</v:shapetype>"
        f'<v:shape id="PowerPlusWaterMarkObject{index}" o:spid="_x0000_s{2048 + index}" type="#_x0000_t136" '
        'style="position:absolute;margin-left:0;margin-top:0;width:415pt;height:138pt;'
        "rotation:315;z-index:-251657216;mso-position-horizontal:center;"
        "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
        'mso-position-vertical-relative:margin" o:allowincell="f" '
        f'fillcolor="#{colour}" stroked="f">'
        '<v:fill opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;{font}&quot;;font-size:1pt" string="{text}"/>'
        '<w10:wrap anchorx="margin" anchory="margin"/>'
        "</v:shape></w:pict></w:r>"
    )
    return parse_xml(xml)


def table(body, style: str, widths: list[int], indent: int):
    """Append a fixed-layout w:tbl with a table style, its column widths (twips) and indent; return it."""
    tbl = SubElement(body, qn("w:tbl"))
    pr = SubElement(tbl, qn("w:tblPr"))
    SubElement(pr, qn("w:tblStyle")).set(qn("w:val"), style)
    SubElement(pr, qn("w:tblW"), {qn("w:w"): str(sum(widths)), qn("w:type"): "dxa"})
    if indent:
        SubElement(pr, qn("w:tblInd"), {qn("w:w"): str(indent), qn("w:type"): "dxa"})
    SubElement(pr, qn("w:tblLayout")).set(qn("w:type"), "fixed")
    SubElement(
        pr,
        qn("w:tblLook"),
        {
            qn("w:val"): "04A0",
            qn("w:firstRow"): "1",
            qn("w:lastRow"): "0",
            qn("w:firstColumn"): "0",
            qn("w:lastColumn"): "0",
            qn("w:noHBand"): "1",
            qn("w:noVBand"): "1",
        },
    )
    grid = SubElement(tbl, qn("w:tblGrid"))
    for w in widths:
        SubElement(grid, qn("w:gridCol")).set(qn("w:w"), str(w))
    return tbl


def table_row(tbl, header: bool = False, height: int = 0):
    """Append a w:tr that does not split across pages (a repeated header row if `header`); return it."""
    tr = SubElement(tbl, qn("w:tr"))
    pr = SubElement(tr, qn("w:trPr"))
    SubElement(pr, qn("w:cantSplit"))
    if height:
        SubElement(pr, qn("w:trHeight"), {qn("w:val"): str(height), qn("w:hRule"): "atLeast"})
    if header:
        SubElement(pr, qn("w:tblHeader"))
    return tr


def table_cell(tr, width: int, span: int = 1, fill: str = "", bottom: str = "", valign: str = ""):
    """Append a w:tc of a width (twips), optional span, shading, bottom rule and vertical alignment."""
    tc = SubElement(tr, qn("w:tc"))
    pr = SubElement(tc, qn("w:tcPr"))
    SubElement(pr, qn("w:tcW"), {qn("w:w"): str(width), qn("w:type"): "dxa"})
    if span > 1:
        SubElement(pr, qn("w:gridSpan")).set(qn("w:val"), str(span))
    if bottom:
        borders = SubElement(pr, qn("w:tcBorders"))
        SubElement(
            borders,
            qn("w:bottom"),
            {
                qn("w:val"): "single",
                qn("w:sz"): "4",
                qn("w:space"): "0",
                qn("w:color"): bottom,
            },
        )
    if fill:
        SubElement(pr, qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    if valign:
        SubElement(pr, qn("w:vAlign")).set(qn("w:val"), valign)
    return tc
