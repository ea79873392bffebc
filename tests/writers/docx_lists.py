"""Compute the list numbers Word shows for each paragraph of a DOCX (numbering.xml + w:numPr).

Tests use it to read the numbers a DOCX prints now that none is typed: direct w:numPr first, else
the paragraph style's (through w:basedOn); numId 0 means unnumbered. Counters are kept per list and
a level restarts after any higher level, as Word and LibreOffice do for these lists.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def _roman(n: int) -> str:
    out = ""
    for value, digits in ROMAN:
        while n >= value:
            out += digits
            n -= value
    return out


def _format(fmt: str, n: int) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    if fmt == "upperLetter":
        return _format("lowerLetter", n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)


class Numbering:
    """The lists and style links of one DOCX package."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            numbering = etree.fromstring(zf.read("word/numbering.xml")) if "word/numbering.xml" in names else None
            styles = etree.fromstring(zf.read("word/styles.xml"))
        self.levels: dict[str, dict[int, tuple]] = {}  # numId -> ilvl -> (fmt, text, start, suffix)
        if numbering is not None:
            abstract = {}
            for a in numbering.iter(W + "abstractNum"):
                levels = {}
                for lvl in a.iter(W + "lvl"):
                    fmt = lvl.find(W + "numFmt")
                    text = lvl.find(W + "lvlText")
                    start = lvl.find(W + "start")
                    suff = lvl.find(W + "suff")
                    levels[int(lvl.get(W + "ilvl"))] = (
                        fmt.get(W + "val") if fmt is not None else "decimal",
                        text.get(W + "val") if text is not None else "",
                        int(start.get(W + "val")) if start is not None else 1,
                        {"space": " ", "nothing": ""}.get(suff.get(W + "val") if suff is not None else "tab", "\t"),
                    )
                abstract[a.get(W + "abstractNumId")] = levels
            for num in numbering.iter(W + "num"):
                self.levels[num.get(W + "numId")] = abstract[num.find(W + "abstractNumId").get(W + "val")]
        self.styles = {s.get(W + "styleId"): s for s in styles.iter(W + "style")}

    def num_pr(self, p) -> tuple[str, int] | None:
        """Return (numId, ilvl) a paragraph is numbered with, or None."""
        found = p.find(f"{W}pPr/{W}numPr")
        style = p.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(W + "val") if style is not None else "Normal"
        seen = set()
        while found is None and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            found = self.styles[style_id].find(f"{W}pPr/{W}numPr")
            based = self.styles[style_id].find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None
        if found is None:
            return None
        num_id = found.find(W + "numId")
        ilvl = found.find(W + "ilvl")
        num = num_id.get(W + "val") if num_id is not None else "0"
        if num == "0" or num not in self.levels:
            return None
        return num, int(ilvl.get(W + "val")) if ilvl is not None else 0

    def labels(self, root) -> list[str]:
        """Return the number Word shows before each body paragraph of document.xml, with the
        character after it (tab, space or nothing); "" when the paragraph is not numbered."""
        counters: dict[str, list[int]] = {}
        out = []
        for p in root.find(W + "body").iter(W + "p"):
            pr = self.num_pr(p)
            if pr is None:
                out.append("")
                continue
            num, ilvl = pr
            levels = self.levels[num]
            count = counters.setdefault(num, [0] * 9)
            fmt, text, start, suffix = levels.get(ilvl, ("decimal", "", 1, "\t"))
            count[ilvl] = count[ilvl] + 1 if count[ilvl] else start
            for deeper in range(ilvl + 1, 9):
                count[deeper] = 0
            if fmt != "bullet":
                text = re.sub(
                    r"%(\d)",
                    lambda m: _format(
                        levels.get(int(m.group(1)) - 1, ("decimal",))[0], max(count[int(m.group(1)) - 1], 1)
                    ),
                    text,
                )
            out.append(text + suffix)
        return out


def numbered_texts(data: bytes, root=None) -> list[str]:
    """Return "number<tab>text" (or just text) for every body paragraph of a DOCX, as Word shows it;
    `root` is a document.xml to read instead of the package's own (e.g. after Accept All)."""
    if root is None:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            root = etree.fromstring(zf.read("word/document.xml"))
    labels = Numbering(data).labels(root)
    out = []
    for label, p in zip(labels, root.find(W + "body").iter(W + "p")):
        parts = []
        for el in p.iter(W + "t", W + "delText", W + "tab", W + "br"):
            if el.getparent().tag in (W + "pPr", W + "tabs"):
                continue
            parts.append(
                el.text or "" if el.tag in (W + "t", W + "delText") else ("\t" if el.tag == W + "tab" else "\n")
            )
        text = "".join(parts)
        out.append(label + text)
    return out


def complex_fields(root) -> list[tuple[str, str]]:
    """Return (field code, result text) of every complex field under `root`, in document order."""
    out, stack = [], []
    for el in root.iter(W + "fldChar", W + "instrText", W + "delInstrText", W + "t", W + "delText"):
        if el.tag == W + "fldChar":
            kind = el.get(W + "fldCharType")
            if kind == "begin":
                stack.append(["", "", False])
            elif kind == "separate" and stack:
                stack[-1][2] = True
            elif kind == "end" and stack:
                code, result, _ = stack.pop()
                out.append((" ".join(code.split()), result))
        elif stack:
            if el.tag in (W + "instrText", W + "delInstrText"):
                stack[-1][0] += el.text or ""
            elif stack[-1][2]:
                stack[-1][1] += el.text or ""
    return out
