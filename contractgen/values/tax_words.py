"""Whether a written amount includes the indirect tax on it: "NZ$48,500 plus GST" is NZ$48,500 exclusive of GST,
"R1 850 000,00 (VAT inclusive)" inclusive of VAT. The words are data (``data/tax_words.yaml``); the amount itself is
read from what precedes the qualifier, as any amount is, so that a qualifier never changes the figure."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

WORDS = Path(__file__).with_name("data") / "tax_words.yaml"
TREATMENTS = ("exclusive", "inclusive")
RATE = re.compile(r"\d{1,2}(?:[.,]\d{1,2})?\s?%")  # the tax's rate written with it: "ΦΠΑ 24%"


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    return loaded


def _alternatives(phrases: list[Any]) -> str:
    words = sorted({" ".join(str(p).split()) for p in phrases}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in word.split(" ")) for word in words)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = _table()
    one = _alternatives(table["taxes"])
    # several taxes joined ("VAT and AIT", "all taxes and levies"), then a rate written with them ("ΦΠΑ 24%") and
    # words for the rate in force ("à taxa legal em vigor"): information about the tax, never the amount
    taxes = rf"(?:{one})(?:\s*(?:{_alternatives(table['joiners'])})\s*(?:{one}))*"
    with_rate = rf"(?:\s*{RATE.pattern})?(?:\s+(?:{_alternatives(table['rate_words'])}))?"
    found = []
    for treatment in TREATMENTS:
        words = table[treatment]
        phrase = (
            rf"(?:(?:{_alternatives(words['before'])})\s*(?:the\s+)?(?:{taxes}){with_rate}"
            rf"|(?:{taxes}){with_rate}\s*(?:{_alternatives(words['after'])})"
            rf"|(?:{_alternatives(words['alone'])}))"
        )
        # at the end of the amount, in round or full-width brackets or after a space, a comma or a dash
        pattern = rf"(?:\s*[(（]\s*{phrase}\.?\s*[)）]|(?:\s+|\s*[,，;–—-]\s*){phrase}\.?)\s*$"
        found.append((treatment, re.compile(pattern, re.IGNORECASE)))
    return tuple(found)


def split_tax(text: str) -> tuple[str, str | None]:
    """The amount written before a tax qualifier, and "exclusive" or "inclusive" (None where none is written)."""
    amount, treatment, _rate = read_tax(text)
    return amount, treatment


def read_tax(text: str) -> tuple[str, str | None, str | None]:
    """The amount before a tax qualifier, the treatment, and the tax rate written in the qualifier ("24%") if any."""
    written = text.strip()
    matches = [(treatment, m) for treatment, pattern in _patterns() if (m := pattern.search(written))]
    if not matches:
        return text, None, None
    # the longest qualifier wins ("excl. GST" over a bare "GST"); both treatments at the same place is refused
    treatment, match = min(matches, key=lambda tm: tm[1].start())
    if any(t != treatment and m.start() == match.start() for t, m in matches):
        raise ValueError(f"{text!r} says both that the tax is included and that it is not; write one")
    amount = written[: match.start()].rstrip(" ,;")
    if not re.search(r"\d", amount):
        return text, None, None
    rate = RATE.search(written[match.start() :])
    return amount, treatment, rate.group(0) if rate else None
