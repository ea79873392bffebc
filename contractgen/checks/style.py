"""House style of the clause text, checked by `contractgen lint` (docs/clauses.md, "House style").

- Percentages in one form: numerals and a "%" sign with no space ("99.5%"), never "75 %",
  "ten per cent" or "5 percent".
- A number of units of time in numerals: "5 Business Days", "30 days", "12 months", never
  "five business days" (the word "one" is allowed: "one month's Charges").
- A defined term of two or more words is written with its capitals wherever it is used:
  "Delivery Centres", "Exit Assistance", never "delivery centres".
"""

from __future__ import annotations

import re

from contractgen.checks.lint_sources import LintReport, Version, strip_comments
from contractgen.checks.wording import JINJA_OUTPUT, JINJA_TAG, REFERENCE, party_placeholders
from contractgen.values.phrases import NUMBER_WORDS

_NUMBER_WORD = "|".join(
    sorted(
        (
            re.escape(w).replace(r"\-", r"[\s-]").replace(r"\ ", r"[\s-]")
            for w, n in NUMBER_WORDS.items()
            if 2 <= n < 100
        ),
        key=len,
        reverse=True,
    )
)
UNITS = r"(?:minutes?|hours?|days?|weeks?|months?|years?|Contract Years?|Measurement Periods?)"
SPELT_NUMBER = re.compile(
    rf"(?<![\w-])({_NUMBER_WORD})[\s-]+((?:calendar |business |working |Business )?{UNITS})\b", re.IGNORECASE
)
PERCENT_FORM = re.compile(
    r"\d\s+%|(?<![\w-])(?:\d[\d.,]*|[a-z]+(?:-[a-z]+)?)\s*(?:per\s*cent|percent)\b", re.IGNORECASE
)


def static_text(text: str) -> str:
    """Return a clause's static text: Jinja output as a placeholder, tags, comments and references gone."""
    text = party_placeholders(strip_comments(text))
    text = JINJA_OUTPUT.sub(lambda m: "xvar" + "\n" * m.group(0).count("\n"), text)
    text = JINJA_TAG.sub(lambda m: "\n" * m.group(0).count("\n") or " ", text)
    return REFERENCE.sub("xref", text)


def _texts(version: Version) -> list[tuple[int, str, str]]:
    """Return (first line, static text, term defined) for a version's body and each of its definitions."""
    v = version.version
    out = [(v.body_line, static_text(v.body), "")]
    out += [
        (version.key_line("defines", term), static_text(meaning), party_placeholders(term))
        for term, meaning in v.defines
    ]
    return out


def _line(first: int, text: str, index: int, multiline: bool) -> int:
    return first + text.count("\n", 0, index) if multiline else first


def check_numbers(version: Version, report: LintReport) -> None:
    """Flag spelt-out numbers of units of time and percentages not written as '99.5%'."""
    for number, (first, text, _) in enumerate(_texts(version)):
        multiline = number == 0
        for match in SPELT_NUMBER.finditer(text):
            value = NUMBER_WORDS[" ".join(match.group(1).lower().replace("-", " ").split())]
            report.add(
                version.rel,
                _line(first, text, match.start(), multiline),
                f"'{match.group(0)}': write numbers of units in numerals, as '{value} {_unit(match.group(2))}' (house style)",
            )
        for match in PERCENT_FORM.finditer(text):
            word = match.group(0)
            if re.match(r"[a-z]", word, re.IGNORECASE) and not _number_word(word):
                continue  # "per cent" after an ordinary word is not a figure
            word = word.replace("xvar", "{{ … }}")
            report.add(
                version.rel,
                _line(first, text, match.start(), multiline),
                f"'{word}': write percentages as numerals with '%' and no space, e.g. '10%' (house style)",
            )


def _number_word(phrase: str) -> bool:
    first = re.split(r"\s*(?:per\s*cent|percent)", phrase, flags=re.IGNORECASE)[0].strip().lower()
    return first in NUMBER_WORDS or first == "xvar"  # a number word, or a value printed before "per cent"


def _unit(unit: str) -> str:
    """Print a unit as the house style does: 'business days' → 'Business Days'."""
    return re.sub(r"(?i)^(?:business|working) day", "Business Day", unit)


def defined_term_forms(terms: list[str]) -> list[tuple[str, re.Pattern, set[str]]]:
    """For each defined term of two or more words, a case-blind pattern and the spellings it may take."""
    out = []
    for term in sorted(set(terms), key=len, reverse=True):
        if len(term.split()) < 2 or not any(ch.isupper() for ch in term):
            continue
        forms = {term, term + "s", term + "es"}
        if term.endswith("y"):
            forms.add(term[:-1] + "ies")
        if term.endswith("ies"):
            forms.add(term[:-3] + "y")
        elif term.endswith("s") and not term.endswith("ss"):
            forms.add(term[:-1])
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        out.append((term, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE), forms))
    return out


def check_term_capitals(version: Version, terms: list[tuple[str, re.Pattern, set[str]]], report: LintReport) -> None:
    """Flag a defined term of several words written without its capitals ('exit assistance')."""
    for number, (first, text, defined) in enumerate(_texts(version)):
        flagged: set[str] = set()
        for term, pattern, forms in terms:
            if term == defined:
                continue  # a definition may point to the general or statutory meaning in lower case
            for match in pattern.finditer(text):
                word = match.group(0)
                if word in forms or word.lower() in flagged:
                    continue
                flagged.add(word.lower())
                report.add(
                    version.rel,
                    _line(first, text, match.start(), number == 0),
                    f"'{word}' is the defined term '{term}': write it with its capitals (house style)",
                )
