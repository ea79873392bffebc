"""Text as typed, made comparable: every kind of space one space, every apostrophe "'", native digits 0-9."""

from __future__ import annotations

import unicodedata

_SPACES = str.maketrans(
    {
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2019": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u2212": "-",
        "\u200e": None,
        "\u200f": None,
        "\u061c": None,
        "\u2066": None,
        "\u2069": None,
    }
)


def plain(text: str) -> str:
    """The text with every kind of space as one space, apostrophes as "'", native digits as 0-9."""
    text = str(text).translate(_SPACES)
    if not text.isascii():
        text = "".join(str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in text)
    return " ".join(text.split())
