"""Text as typed, made comparable: every kind of space one space, every apostrophe "'", native digits 0-9."""

from __future__ import annotations

import re
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


_SOUNDS_LIKE_YOU = re.compile(r"(?i)(uni|use|usu|uti|eu|ewe|one\b|once\b)")
_LETTER_NAMED_WITH_VOWEL = set("AEFHILMNORSX")  # "an FCA", "an HMRC", "an NHS"


def with_indefinite_article(text: str) -> str:
    """Return the text after the indefinite article it takes by its sound: 'an insurer', 'a bank', 'an FCA'."""
    word = text.split(" ", 1)[0] if text else ""
    if len(word) > 1 and word.isupper() and word.isalpha():
        vowel = word[0] in _LETTER_NAMED_WITH_VOWEL
    else:
        vowel = word[:1].lower() in "aeiou" and not _SOUNDS_LIKE_YOU.match(word)
    return f"{'an' if vowel else 'a'} {text}"
