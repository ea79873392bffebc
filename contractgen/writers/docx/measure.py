"""Table column widths from the text they hold, measured with the template's own fonts (fontTools).

Word lays a fixed-width table out as told, so the widths must come from here: each column gets at
least the width of its longest word (a header word in bold), so no header breaks inside a word, and
the rest of the text width goes to the columns whose text would otherwise wrap most. The fonts are
the template's PDF fonts (pdf/fonts, Liberation: metric-compatible with the Times New Roman and
Arial the DOCX names), so the DOCX and the PDF measure the same text the same way.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from contractgen.safefs import cached

FONT_FILES = {False: "LiberationSerif-Regular.ttf", True: "LiberationSerif-Bold.ttf"}
POINT_TWIPS = 20


ADVANCES_VERSION = "1"  # bump when what _read_advances returns changes: it names the cached entries


@lru_cache(maxsize=8)
def _advances(path: str) -> tuple[dict[int, int], int, int] | None:
    """(advance width by code point, the font's units per em, the advance of a missing glyph), or None.

    Kept in the user's cache by the font file's hash: reading a font's tables with fontTools
    costs more than the rest of the DOCX writer's start.
    """

    try:
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None
    return cached("fonts", f"advances-{ADVANCES_VERSION}-{digest}", lambda: _read_advances(path))


def _read_advances(path: str) -> tuple[dict[int, int], int, int] | None:
    try:
        from fontTools.ttLib import TTFont

        with TTFont(path, lazy=True) as font:
            cmap = font.getBestCmap() or {}
            hmtx = font["hmtx"].metrics
            per_em = font["head"].unitsPerEm
            widths = {code: hmtx[name][0] for code, name in cmap.items() if name in hmtx}
            fallback = hmtx.get(".notdef", (per_em // 2, 0))[0]
            return widths, per_em, fallback
    except Exception:  # no fonts to measure with: the caller estimates from character counts
        return None


class Measure:
    """Text widths in twips for one template, regular or bold, at a size in points."""

    def __init__(self, template_dir: Path):
        package = Path(__file__).resolve().parents[2]
        folders = [
            Path(template_dir) / "pdf" / "fonts",  # the template's own, else the built-in template's
            package / "data" / "templates" / "it-outsourcing" / "pdf" / "fonts",
            package.parent / "templates" / "it-outsourcing" / "pdf" / "fonts",
        ]
        folder = next((f for f in folders if all((f / name).is_file() for name in FONT_FILES.values())), folders[0])
        self.fonts = {bold: str(folder / name) for bold, name in FONT_FILES.items()}
        self._words: dict[bool, dict[str, int]] = {False: {}, True: {}}  # font units of each word met

    def available(self) -> bool:
        """Whether the template has the fonts to measure with."""
        return all(_advances(path) is not None for path in self.fonts.values())

    def width(self, text: str, size: float, bold: bool = False) -> int:
        """The advance width of `text` in twips (no kerning: a slight overestimate)."""
        widths, per_em, fallback = _advances(self.fonts[bold])  # type: ignore[misc]
        words = self._words[bold]  # a table repeats its words: each is summed once
        units = text.count(" ") * widths.get(32, fallback)
        for word in text.split(" "):
            known = words.get(word)
            if known is None:
                known = words[word] = sum(widths.get(ord(char), fallback) for char in word)
            units += known
        return round(units * size * POINT_TWIPS / per_em)

    def longest_word(self, text: str, size: float, bold: bool = False) -> int:
        """The width of the widest word of `text` in twips (a word never breaks inside)."""
        return max((self.width(word, size, bold) for word in text.split()), default=0)


def column_widths(
    columns: list[tuple[list[str], list[str]]],
    available: int,
    padding: int,
    measure: Measure,
    sizes: tuple[float, float],
) -> list[int]:
    """Widths in twips for columns given as (header texts, body texts), summing to `available`.

    Every column first gets its widest word (headers bold) plus the cell padding; what is left is
    shared in proportion to how much wider each column's text would like to be, capped at its
    longest cell on one line. When even the words do not fit, the widths shrink in proportion.
    """
    header_size, body_size = sizes
    floors, wants = [], []
    for headers, cells in columns:
        word = max(
            [measure.longest_word(t, header_size, True) for t in headers]
            + [measure.longest_word(t, body_size) for t in cells]
            + [0]
        )
        line = max(
            [measure.width(t, header_size, True) for t in headers] + [measure.width(t, body_size) for t in cells] + [0]
        )
        floors.append(word + padding)
        wants.append(max(line + padding, word + padding))
    total_floor = sum(floors)
    if total_floor >= available:
        widths = [available * floor // total_floor for floor in floors]
    else:
        spare = available - total_floor
        extra = [want - floor for want, floor in zip(wants, floors)]
        if sum(extra) <= spare:  # everything fits on one line: share what is left by the text's width
            weights = wants
            widths = [available * w // sum(weights) for w in weights]
        else:
            # square roots: a long column still gets more room, but a short one keeps enough to read
            weights = [e**0.5 for e in extra]
            scale = spare / sum(weights) if sum(weights) else 0
            widths = [floor + int(w * scale) for floor, w in zip(floors, weights)]
    widths[-1] += available - sum(widths)
    return widths
