"""DOCX numbering: the template's multilevel lists as word/numbering.xml, linked to paragraph styles.

Word (and LibreOffice) number clauses, paragraphs and list items themselves, so a clause inserted
in Word renumbers everything after it. The writer finds each list through the styles linked to it
(`ListLinks`), so a reference document with its own numbering definitions works the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from contractgen.writers.docx.wml import nsdecls, qn
from lxml import etree

from contractgen.writers.docx import fields as f
from contractgen.writers.docx.styles import twips

SubElement = etree.SubElement
W_VAL = qn("w:val")
FORMATS = {"decimal", "lowerLetter", "lowerRoman", "upperLetter", "upperRoman", "bullet"}
SUFFIXES = {"tab", "space", "nothing"}
# the style keys through which the writer finds each list (see `ListLinks`)
CLAUSE_STYLE, SCHEDULE_STYLE, SCHEDULE_CLAUSE_STYLE, BULLET_STYLE = (
    "Heading1",
    "Heading2",
    "ScheduleHeading",
    "ListBullet",
)


def numbering_xml(sheet: dict) -> bytes:
    """Return word/numbering.xml for the style sheet's `lists`: one abstract list and one list each."""
    root = etree.fromstring(f"<w:numbering {nsdecls('w')}/>")
    lists = sheet.get("lists") or {}
    for index, (name, levels) in enumerate(lists.items()):
        abstract = SubElement(root, qn("w:abstractNum"))
        abstract.set(qn("w:abstractNumId"), str(index))
        SubElement(abstract, qn("w:multiLevelType")).set(W_VAL, "multilevel")
        SubElement(abstract, qn("w:name")).set(W_VAL, name)
        for ilvl, level in enumerate(levels[:9]):
            _level(abstract, ilvl, level)
    for index in range(len(lists)):
        num = SubElement(root, qn("w:num"))
        num.set(qn("w:numId"), str(index + 1))
        SubElement(num, qn("w:abstractNumId")).set(W_VAL, str(index))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _level(abstract, ilvl: int, level: dict) -> None:
    fmt = level.get("format", "decimal")
    suffix = level.get("suffix", "tab")
    if fmt not in FORMATS or suffix not in SUFFIXES:
        raise ValueError(f"styles.yaml lists: unknown format {fmt!r} or suffix {suffix!r}")
    lvl = SubElement(abstract, qn("w:lvl"))
    lvl.set(qn("w:ilvl"), str(ilvl))
    SubElement(lvl, qn("w:start")).set(W_VAL, "1")
    SubElement(lvl, qn("w:numFmt")).set(W_VAL, fmt)
    if level.get("style"):
        SubElement(lvl, qn("w:pStyle")).set(W_VAL, level["style"])
    if suffix != "tab":
        SubElement(lvl, qn("w:suff")).set(W_VAL, suffix)
    SubElement(lvl, qn("w:lvlText")).set(W_VAL, level["text"])
    SubElement(lvl, qn("w:lvlJc")).set(W_VAL, "left")
    ppr = SubElement(lvl, qn("w:pPr"))
    left, hanging = twips(level.get("left_mm", 0)), twips(level.get("hanging_mm", 0))
    if suffix == "tab" and hanging:
        tabs = SubElement(ppr, qn("w:tabs"))
        SubElement(tabs, qn("w:tab"), {W_VAL: "num", qn("w:pos"): str(left)})
    SubElement(ppr, qn("w:ind"), {qn("w:left"): str(left), qn("w:hanging"): str(hanging)})


def link_styles(styles_root, sheet: dict) -> None:
    """Link each list level's paragraph style to it (w:numPr in the style); styles based on a
    linked style without a level of their own are unnumbered (numId 0)."""
    from contractgen.writers.docx.oxml import paragraph_properties  # python-docx: building a reference document

    by_id = {s.get(qn("w:styleId")): s for s in styles_root.iterchildren(qn("w:style"))}
    linked = {}
    for index, levels in enumerate((sheet.get("lists") or {}).values()):
        for ilvl, level in enumerate(levels[:9]):
            if level.get("style") in by_id:
                linked[level["style"]] = (index + 1, ilvl)
    for style_id, style in by_id.items():
        if style.get(qn("w:type")) != "paragraph":
            continue
        if style_id in linked:
            f.ppr_insert(paragraph_properties(style), f.num_pr(*linked[style_id]))
        elif _inherits(style, by_id, linked):
            f.ppr_insert(paragraph_properties(style), f.num_pr(0, 0))


def _inherits(style, by_id: dict, linked: dict) -> bool:
    seen = set()
    while style is not None:
        based = style.find(qn("w:basedOn"))
        parent = based.get(W_VAL) if based is not None else None
        if parent is None or parent in seen:
            return False
        if parent in linked:
            return True
        seen.add(parent)
        style = by_id.get(parent)
    return False


@dataclass(frozen=True)
class ListLinks:
    """Where the writer's numbered paragraphs come from: (numId, level) of each linked style."""

    levels: dict  # style id -> (numId, ilvl)

    @classmethod
    def from_styles(cls, styles_root) -> "ListLinks":
        """Read the numbering linked to each paragraph style of a styles part."""
        levels = {}
        for style in styles_root.iterchildren(qn("w:style")):
            num = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num is None:
                continue
            num_id = num.find(qn("w:numId"))
            ilvl = num.find(qn("w:ilvl"))
            if num_id is not None and int(num_id.get(W_VAL, "0")):
                levels[style.get(qn("w:styleId"))] = (
                    int(num_id.get(W_VAL)),
                    int(ilvl.get(W_VAL, "0")) if ilvl is not None else 0,
                )
        return cls(levels)

    def of(self, style_id: str) -> tuple[int, int]:
        """Return (numId, level) linked to a style, or (0, 0) when it is not numbered."""
        return self.levels.get(style_id, (0, 0))
