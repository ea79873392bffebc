"""DOCX styles with python-docx: turn a template's styles.yaml into Word styles and page setup (reference.py
builds the base document with them once; a render reads the base document)."""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

from contractgen.writers.docx.oxml import paragraph_properties, qn, run_properties
from contractgen.writers.docx.styles import _w, text_width_mm, twips

KEEP_STYLES = {"DefaultParagraphFont", "TableNormal", "NoList"}
# Word's own style names: declared built-in (no customStyle flag), so Word uses them for its
# heading levels, navigation pane and refreshed table of contents.
WORD_BUILTIN = {
    "normal",
    "title",
    "heading 1",
    "heading 2",
    "heading 3",
    "toc 1",
    "toc 2",
    "toc heading",
    "header",
    "footer",
}
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
TAB_LEADERS = {"none": WD_TAB_LEADER.SPACES, "dot": WD_TAB_LEADER.DOTS}  # right_tab_leader in styles.yaml


def _fonts_el(rpr, font: str, lang: str | None = None) -> None:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = etree.Element(qn("w:rFonts"))
        rpr.insert(0, rfonts)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn("w:" + attr), font)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn("w:" + attr), None)
    if lang:
        lang_el = rpr.find(qn("w:lang"))
        if lang_el is None:
            lang_el = _w(rpr, "w:lang")
        lang_el.set(qn("w:val"), lang)


def _border(parent, side: str, colour: str, size_eighths: int, space: int = 0) -> None:
    _w(parent, "w:" + side, val="single", sz=size_eighths, space=space, color=colour)


def _paragraph_style(styles, key: str, spec: dict, sheet: dict, made: dict) -> None:
    colours, fonts = sheet["colours"], sheet["fonts"]
    builtin = spec["name"].lower() in WORD_BUILTIN
    style = styles.add_style(spec["name"], WD_STYLE_TYPE.PARAGRAPH, builtin=builtin)
    style.style_id = key
    made[key] = style
    if key == "Normal":
        style.element.set(qn("w:default"), "1")
    else:
        style.base_style = made[spec.get("based_on", "Normal")]
    style.quick_style = True
    if spec.get("next"):
        style.next_paragraph_style = made.get(spec["next"]) or style
    font = style.font
    if "font" in spec:
        name = fonts[spec["font"]]
        _fonts_el(run_properties(style.element), name)
    if "size" in spec:
        font.size = Pt(spec["size"])
    for attr in ("bold", "italic"):
        if attr in spec:
            setattr(font, attr, spec[attr])
    if spec.get("caps"):
        font.all_caps = True
    if "colour" in spec:
        font.color.rgb = RGBColor.from_string(colours[spec["colour"]])
    fmt = style.paragraph_format
    if "align" in spec:
        fmt.alignment = ALIGN[spec["align"]]
    if "before" in spec:
        fmt.space_before = Pt(spec["before"])
    if "after" in spec:
        fmt.space_after = Pt(spec["after"])
    if "line" in spec:
        fmt.line_spacing = spec["line"]
    if "left_mm" in spec:
        fmt.left_indent = Mm(spec["left_mm"])
    if "hanging_mm" in spec:
        fmt.first_line_indent = -Mm(spec["hanging_mm"]) if spec["hanging_mm"] else Mm(0)
    for pos in spec.get("tabs_mm", []):
        fmt.tab_stops.add_tab_stop(Mm(pos), WD_TAB_ALIGNMENT.LEFT)
    if "right_tab_mm" in spec:
        right = min(spec["right_tab_mm"], text_width_mm(sheet))
        leader = TAB_LEADERS[spec.get("right_tab_leader", "none")]
        fmt.tab_stops.add_tab_stop(Mm(right), WD_TAB_ALIGNMENT.RIGHT, leader)
    if "keep_next" in spec:
        fmt.keep_with_next = spec["keep_next"]
    if "keep_lines" in spec:
        fmt.keep_together = spec["keep_lines"]
    if "widow" in spec:
        fmt.widow_control = spec["widow"]
    ppr = paragraph_properties(style.element)
    if "border_bottom" in spec:
        pbdr = etree.Element(qn("w:pBdr"))
        _border(pbdr, "bottom", colours[spec["border_bottom"]], 4, 4)
        # schema order: pBdr comes before shd, tabs, spacing, ind, jc ...
        for tag in _PPR_AFTER_PBDR:
            anchor = ppr.find(qn(tag))
            if anchor is not None:
                anchor.addprevious(pbdr)
                break
        else:
            ppr.append(pbdr)
    if "outline" in spec:
        _insert_outline(ppr, spec["outline"])


_PPR_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
)
_PPR_AFTER_OUTLINE = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _insert_outline(ppr, level: int) -> None:
    el = etree.Element(qn("w:outlineLvl"))
    el.set(qn("w:val"), str(level))
    for tag in _PPR_AFTER_OUTLINE:
        found = ppr.find(qn(tag))
        if found is not None:
            found.addprevious(el)
            return
    ppr.append(el)


def _table_style(styles, key: str, name: str, sheet: dict, borders: bool) -> None:
    colours, table = sheet["colours"], sheet["table"]
    style = styles.add_style(name, WD_STYLE_TYPE.TABLE)
    style.style_id = key
    style.base_style = styles["Normal Table"] if "Normal Table" in styles else None
    el = style.element
    ppr = _w(el, "w:pPr")
    _w(ppr, "w:spacing", before=0, after=0, line=240, lineRule="auto")
    _w(ppr, "w:jc", val="left")
    tblpr = _w(el, "w:tblPr")
    if borders:
        size = round(table["border_pt"] * 8)
        bdr = _w(tblpr, "w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            _border(bdr, side, colours["rule"], size)
    mar = _w(tblpr, "w:tblCellMar")
    h = twips(table["cell_margin_mm"]) if borders else 0
    v = twips(table["cell_margin_v_mm"]) if borders else twips(1)
    _w(mar, "w:top", w=v, type="dxa")
    _w(mar, "w:left", w=h, type="dxa")
    _w(mar, "w:bottom", w=v, type="dxa")
    _w(mar, "w:right", w=h, type="dxa")
    if borders:
        first = _w(el, "w:tblStylePr", type="firstRow")
        rpr = _w(first, "w:rPr")
        _w(rpr, "w:b")
        tcpr = _w(first, "w:tcPr")
        _w(tcpr, "w:shd", val="clear", color="auto", fill=colours["table_header_fill"])


def apply_styles(document, sheet: dict, lang: str) -> dict[str, str]:
    """Replace the template's styles with the style sheet's; return {key: style id}."""
    styles = document.styles
    root = styles.element
    for style_el in list(root.iterchildren(qn("w:style"))):
        if style_el.get(qn("w:styleId")) not in KEEP_STYLES:
            root.remove(style_el)
    defaults = root.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts_el(rpr, sheet["fonts"]["body"], lang)
    made: dict = {}
    for key, spec in sheet["paragraph_styles"].items():
        _paragraph_style(styles, key, spec, sheet, made)
    _table_style(styles, "ContractTable", "Contract Table", sheet, borders=True)
    _table_style(styles, "SignatureTable", "Signature Table", sheet, borders=False)
    ids = {key: key for key in made}
    ids["ContractTable"] = "ContractTable"
    ids["SignatureTable"] = "SignatureTable"
    return ids


def apply_page_setup(section, sheet: dict) -> None:
    """Set page size, margins and header/footer distances of a section from the sheet."""
    page = sheet["page"]
    section.page_width = Mm(page["width_mm"])
    section.page_height = Mm(page["height_mm"])
    section.top_margin = Mm(page["margin_top_mm"])
    section.bottom_margin = Mm(page["margin_bottom_mm"])
    section.left_margin = Mm(page["margin_left_mm"])
    section.right_margin = Mm(page["margin_right_mm"])
    section.header_distance = Mm(page["header_mm"])
    section.footer_distance = Mm(page["footer_mm"])
    section.gutter = Mm(0)
