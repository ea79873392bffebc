"""Every character the PDF prints has a glyph in the template's own fonts, or the render stops.

WeasyPrint (through Pango and fontconfig) draws a character none of the stylesheet's fonts has with
whatever font the machine happens to have, or with nothing: a Japanese party name came out blank
while the text layer still held it, so text checks passed. The template's @font-face files are the
only fonts a contract may use (a missing file is already an error); this check reads their
character maps (fontTools) and refuses a document holding a character none of them covers, naming
the character, where in the contract it stands and what to add. Characters that print nothing
(controls, format characters such as bidi marks and joiners) need no glyph.
"""

from __future__ import annotations

import dataclasses
import threading
import unicodedata
from pathlib import Path

from contractgen.document.model import Document
from contractgen.errors import MissingGlyphError

_CMAPS: dict[tuple, frozenset[int]] = {}
_LOCK = threading.Lock()
_SILENT = {"Cc", "Cf", "Zl", "Zp"}  # control and format characters: shaped or dropped, never drawn
# The Noto family a template may add for a script (the first word of the characters' Unicode names).
_SCRIPT_FONTS = {
    "CJK": "Noto Serif CJK",
    "HIRAGANA": "Noto Serif CJK",
    "KATAKANA": "Noto Serif CJK",
    "IDEOGRAPHIC": "Noto Serif CJK",
    "HANGUL": "Noto Serif CJK (its KR face) or Noto Serif KR",
    "BOPOMOFO": "Noto Serif CJK",
    "FULLWIDTH": "Noto Serif CJK",
    "KATAKANA-HIRAGANA": "Noto Serif CJK",
    "HALFWIDTH": "Noto Serif CJK",
    "ARABIC": "Noto Naskh Arabic",
    "HEBREW": "Noto Serif Hebrew",
}


def font_coverage(path: Path) -> frozenset[int]:
    """Return the code points a font file's character map covers (read once per file version)."""
    from fontTools.ttLib import TTCollection, TTFont

    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    with _LOCK:
        if key not in _CMAPS:
            with path.open("rb") as stream:
                collection = stream.read(4) == b"ttcf"
            if collection:  # a collection: WeasyPrint uses its first face
                font = TTCollection(str(path), lazy=True).fonts[0]
            else:
                font = TTFont(str(path), lazy=True)
            _CMAPS[key] = frozenset(font.getBestCmap() or ())
        return _CMAPS[key]


def coverage(font_files: list[Path]) -> frozenset[int]:
    """Return the code points any of the template's font files covers."""
    covered: set[int] = set()
    for path in font_files:
        covered |= font_coverage(path)
    return frozenset(covered)


def needs_glyph(char: str) -> bool:
    """Return whether a character is drawn (so a font must have it): not whitespace, a control or a format character."""
    return not char.isspace() and unicodedata.category(char) not in _SILENT


def _strings(value, seen=None):
    """Yield every text held in a model value (dataclasses, lists, tuples, dicts), depth first."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _strings(getattr(value, item.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def places(document: Document):
    """Yield (where, text) for every text of the contract, `where` as a reader names the place."""
    yield "the title", document.title
    yield "the reference", document.reference
    yield "the date", document.date_text
    for party in document.parties:
        for item in dataclasses.fields(party):
            for text in _strings(getattr(party, item.name)):
                yield f"the {party.role}'s {item.name.replace('_', ' ')}", text
    for part in document.parts:
        yield f"the heading of {part.number or part.title}", part.title
        for clause in part.clauses:
            label = " ".join(x for x in (f"clause {clause.number}" if clause.number else "", clause.title) if x)
            where = f"{label} ({part.number})" if part.number else label
            for text in _strings(clause.blocks):
                yield where, text
            yield where, clause.title
    for note in document.notes:
        for text in _strings(note):
            yield "the drafting notes", text
    yield "the cover", document.legend
    for text in _strings(document.execution):
        yield "the signature page", text


def _describe(char: str) -> str:
    """Return 'U+6771 東 (CJK UNIFIED IDEOGRAPH-6771)'."""
    name = unicodedata.name(char, "unnamed")
    shown = char if unicodedata.category(char) not in {"Co", "Cn", "Cs"} else ""
    return f"U+{ord(char):04X} {shown} ({name})".replace("  ", " ")


def _advice(char: str) -> str:
    """Return what to do about a character the fonts lack."""
    if unicodedata.category(char) == "Co":
        return "a private-use character: no standard font has it; write the text without it"
    if unicodedata.category(char) == "Cn":
        return "not a character Unicode assigns; write the text without it"
    name = unicodedata.name(char, "")
    word = name.split(" ")[0]
    family = _SCRIPT_FONTS.get(word) or f"a font with the {word.title() or 'character'} script (Noto has most)"
    if "EXTENSION" in name or "COMPATIBILITY" in name:  # rare ideographs, past what the usual CJK fonts carry
        family = "a font with this block of ideographs (such as HanaMin or BabelStone Han)"
    return f"add {family} to the template's pdf/fonts: an @font-face rule in print.css, its family in the font stack"


def missing_glyphs(document: Document, covered: frozenset[int], html_text: str = "") -> list[str]:
    """Return one line per kind of fix for the characters of the contract no template font covers: the
    characters (code point, character, Unicode name), where they stand and what to do; [] when none."""
    found: dict[str, list[str]] = {}
    for where, text in places(document):
        for char in sorted(set(text)):
            if ord(char) not in covered and needs_glyph(char):
                spots = found.setdefault(char, [])
                if where not in spots:
                    spots.append(where)
    for char in sorted(set(html_text)):  # the layout's own words (headers, labels) and anything not placed above
        if ord(char) not in covered and needs_glyph(char) and char not in found:
            found[char] = ["the template's layout"]
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for char in sorted(found):
        chars, spots = groups.setdefault(_advice(char), ([], []))
        chars.append(char)
        spots.extend(spot for spot in found[char] if spot not in spots)
    lines = []
    for advice, (chars, spots) in groups.items():
        named = "; ".join(_describe(char) for char in chars[:6])
        more = (
            f" and {len(chars) - 6} more ({''.join(chars[6:30])}{'…' if len(chars) > 30 else ''})"
            if len(chars) > 6
            else ""
        )
        where = ", ".join(spots[:6]) + (f" and {len(spots) - 6} more places" if len(spots) > 6 else "")
        lines.append(f"{named}{more}, in {where}: {advice}")
    return lines


def check(document: Document, font_files: list[Path], html_text: str = "") -> None:
    """Raise MissingGlyphError naming every character of the contract the template's fonts cannot draw
    (a stylesheet that declares no font files leaves every font to the machine: nothing to check)."""
    if not font_files:
        return
    lines = missing_glyphs(document, coverage(font_files), html_text)
    if lines:
        shown = lines[:20] + ([f"… and {len(lines) - 20} more kinds of character"] if len(lines) > 20 else [])
        raise MissingGlyphError(
            "the PDF's fonts have no glyph for these characters (they would print as blanks); "
            "contractgen never substitutes a font the template does not carry "
            "(render --format docx still writes the DOCX):\n  " + "\n  ".join(shown)
        )
