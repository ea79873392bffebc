"""Payment terms as markets write them: days from receiving an invoice, or a day of the following month.

    days                    "30 days", "Net 30", "30 days net", "within 30 days of receipt of a valid invoice"
    end_of_following_month  "end of the month following the month of invoice", "end of the following month"
    day_of_following_month  "20th of the month following invoice", "the 20th day of the following month"
    days_end_of_month       "30 days then end of month" (the last day of the month in which the 30th day falls)
    days_after_end_of_month "current + 30", "30 days after the end of the month of invoice"
    days_from_invoice_date  "30 days from invoice date", "30 días fecha factura", "30 Tage ab Rechnungsdatum"
    unread                  any other words: drafted as [●], with a note (``written`` keeps them)

Days are read in English, Spanish, Portuguese, French, German, Italian and Dutch ("30 días", "30 Tage netto",
"30 giorni data fattura", "30 jours à compter de la réception de la facture"); the words are data
(``data/payment_words.yaml``).

Anything else that names a month ("end of month", "current + 30") is refused: which month is meant
is not for the reader to guess; "30 days end of month" / "Net 30 EOM" is refused naming both its readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar, Literal

import yaml

from contractgen.values.durations import Duration, _PlainEnglish, _show

Kind = Literal[
    "days",
    "end_of_following_month",
    "day_of_following_month",
    "days_end_of_month",
    "days_after_end_of_month",
    "days_from_invoice_date",
    "unread",
]
# The kinds a clause version written before them cannot print: it refuses them rather than print another term.
NEWER_KINDS = ("days_after_end_of_month", "days_from_invoice_date", "unread")
WORDS = Path(__file__).with_name("data") / "payment_words.yaml"
# A letter of the scripts deals are written in (Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari, Thai, Vietnamese,
# kana, CJK, Hangul), for the deal schema's view of terms written in words (an editor's regular expressions have no
# class for every letter; the reader takes any letter).
LETTER = (
    "[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f"
    "\u1e00-\u1eff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)

# Days from receipt, as the invoicing clauses count them: "within 30 days of receipt of a valid invoice".
_RECEIPT_RE = re.compile(
    r"^\s*(?:within\s+)?(\d{1,3})\s*(?:calendar\s+)?days?\s+(?:of|after|from|following)\s+(?:the\s+)?"
    r"(?:receipt|receiving)(?:\s+(?:of\s+)?(?:it|(?:a|the)?\s*(?:valid\s+|correct\s+|undisputed\s+|"
    r"proper\s+)*invoice))?\s*$",
    re.IGNORECASE,
)
# "the month following the month of invoice", "the month following invoice", "the following month".
_FOLLOWING = (
    r"(?:the\s+)?(?:month\s+following(?:\s+(?:the\s+)?(?:month\s+(?:of|in\s+which)\s+(?:the\s+)?)?"
    r"(?:invoice(?:\s+date|\s+is\s+received)?|invoicing|receipt(?:\s+of\s+(?:the\s+)?invoice)?))?|following\s+month)"
)
_END_RE = re.compile(rf"^\s*(?:by\s+)?(?:the\s+)?(?:end|last\s+day)\s+of\s+{_FOLLOWING}\s*$", re.IGNORECASE)
_DAY_RE = re.compile(
    rf"^\s*(?:by\s+|on\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+)?of\s+{_FOLLOWING}\s*$", re.IGNORECASE
)
_EOM = r"(?:end\s+of\s+(?:the\s+)?month|eom|e\.o\.m\.?|fdm)"
_DAYS_EOM_RE = re.compile(rf"^\s*(\d{{1,3}})\s*days?\s+then\s+{_EOM}\s*$", re.IGNORECASE)
# "30 days end of month" is read two ways: to the end of the month in which the 30 days end, or
# 30 days after the end of the invoice's month (US "net 30 EOM"); it is refused naming both.
_EITHER_EOM_RE = re.compile(rf"^\s*(?:net\s*)?(\d{{1,3}})\s*(?:days?\s+)?(?:net\s+)?{_EOM}\s*$", re.IGNORECASE)
# "current + 30", "EOM + 30", "30 days after the end of the month of invoice": counted from the end of the invoice's month.
_AFTER_EOM_RE = re.compile(
    rf"^\s*(?:(?:current(?:\s+month)?|{_EOM})\s*\+\s*(\d{{1,3}})(?:\s*days?)?|(?:within\s+)?(\d{{1,3}})\s*days?\s+"
    rf"(?:after|from)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?month(?:\s+of\s+(?:the\s+)?invoice)?|month\s+end))\s*$",
    re.IGNORECASE,
)
_MONTH_RE = re.compile(r"\bmonth|\beom\b|\bcurrent\b|\bfdm\b", re.IGNORECASE)
EXAMPLES = (
    "'30 days', 'Net 30', 'within 30 days of receipt of a valid invoice', "
    "'end of the month following the month of invoice', '20th of the month following invoice', "
    "'30 days then end of month' or '30 days after the end of the month of invoice'"
)
# The JSON Schema of the month forms (case folded as the reader folds them); days forms are in deal.accepted.
MONTH_FORMS = (_END_RE, _DAY_RE, _DAYS_EOM_RE, _AFTER_EOM_RE)
MONTH_FORMS_PATTERN = "(?i)" + "|".join(f"(?:{r.pattern})" for r in MONTH_FORMS)


def _words(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def languages_pattern() -> str:
    """The days forms in every language the words file lists, as one case-free regular expression."""
    w = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    link, art = _words(w["linking"]), _words(w["articles"])
    return (
        rf"^\s*(?:(?:{_words(w['lead'])})\s+)?(?:(?:{_words(w['net'])})\s+)?(\d{{1,3}})\s*(?:{_words(w['days'])})"
        rf"(?:\s+(?:{_words(w['net'])}))?(?:\s+(?:(?:{link})\s+)?(?:(?:{art})\s+)?"
        rf"(?:({_words(w['invoice_date'])})|(?:{_words(w['receipt'])})))?\s*\.?\s*$"
    )


@lru_cache(maxsize=1)
def _languages() -> re.Pattern[str]:
    return re.compile(languages_pattern(), re.IGNORECASE)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@dataclass(frozen=True, eq=True)
class PaymentTerm(_PlainEnglish):
    """When an invoice falls due: `days` after receipt, or a day of the month after the invoice's month."""

    kind: Kind
    period: Duration | None = None  # every kind but the two of a day of the following month and "unread"
    day: int | None = None  # "day_of_following_month": 1 to 28
    written: str = ""  # "unread": the deal's words, which the draft does not print

    _KIND: ClassVar[str] = "payment_terms"
    _PATTERN: ClassVar[str] = MONTH_FORMS_PATTERN
    _DESCRIPTION: ClassVar[str] = f"Payment terms, e.g. {EXAMPLES}."

    @classmethod
    def parse(cls, text: Any) -> PaymentTerm:
        """Read payment terms as markets write them; ValueError naming the forms if not one of them."""
        if isinstance(text, PaymentTerm):
            return text
        if isinstance(text, Duration):
            return cls("days", text)
        if isinstance(text, str):
            receipt = _RECEIPT_RE.match(text)
            if receipt:
                return cls("days", Duration(int(receipt.group(1)), "day"))
            if _END_RE.match(text):
                return cls("end_of_following_month")
            day = _DAY_RE.match(text)
            if day:
                number = int(day.group(1))
                if not 1 <= number <= 28:
                    raise ValueError(
                        f"{_show(text)}: not every month has a {_ordinal(number)} day; write a day from 1 to 28, "
                        f"or 'end of the month following the month of invoice' for the last day"
                    )
                return cls("day_of_following_month", day=number)
            either = _EITHER_EOM_RE.match(text)
            if either:
                n = either.group(1)
                raise ValueError(
                    f"{_show(text)} is read two ways: the last day of the month in which {n} days after the "
                    f"invoice end (write '{n} days then end of month'), or {n} days after the end of the "
                    f"invoice's month (write '{n} days after the end of the month of invoice')"
                )
            after = _AFTER_EOM_RE.match(text)
            if after:
                return cls("days_after_end_of_month", Duration(int(after.group(1) or after.group(2)), "day"))
            eom = _DAYS_EOM_RE.match(text)
            if eom:
                return cls("days_end_of_month", Duration(int(eom.group(1)), "day"))
            if _MONTH_RE.search(text):
                raise ValueError(
                    f"{_show(text)}: which month's day the invoice falls due on is not clear; write e.g. {EXAMPLES}"
                )
            other = _languages().match(text)
            if other:
                kind: Kind = "days_from_invoice_date" if other.group(2) else "days"
                return cls(kind, Duration(int(other.group(1)), "day"))
        try:
            return cls("days", Duration.parse(text))
        except ValueError:
            if isinstance(text, str) and re.search(r"[^\W\d_]", text) and "\n" not in text:
                return cls("unread", written=" ".join(text.split()))
            raise ValueError(f"{_show(text)} is not a payment term; write e.g. {EXAMPLES}") from None

    def _known(self, newer: tuple[str, ...] = NEWER_KINDS) -> Duration | None:
        if self.kind in newer:
            # A clause version written before this kind would print it as another term: it refuses instead.
            raise ValueError(
                f"the payment terms '{self}' are {_DESCRIBED[self.kind]}, which this clause version does not print; "
                "use the newest version of the clause"
            )
        return self.period

    @property
    def days(self) -> Duration | None:
        """The days of a term counted from receipt ("days", "days_end_of_month")."""
        return self._known()

    @property
    def length(self) -> Duration | None:
        """The days of a term of the kinds clause versions before the invoice-date kind print; newer ones read
        ``period``."""
        return self._known(NEWER_KINDS[1:])

    @property
    def day_ordinal(self) -> str:
        """The day of the following month as an ordinal: "20th"."""
        return _ordinal(self.day or 0)

    def __str__(self) -> str:
        if self.kind == "unread":
            return self.written
        if self.kind == "days_from_invoice_date":
            return f"{self.period} from the invoice date"
        if self.kind == "days":
            return str(self.period)
        if self.kind == "end_of_following_month":
            return "end of the month following the month of invoice"
        if self.kind == "day_of_following_month":
            return f"{self.day_ordinal} of the month following the month of invoice"
        if self.kind == "days_after_end_of_month":
            return f"{self.period} after the end of the month of invoice"
        return f"{self.period} then end of month"

    def __repr__(self) -> str:
        return f"PaymentTerm({str(self)!r})"


_DESCRIBED = {
    "days_after_end_of_month": "counted from the end of the invoice's month",
    "days_from_invoice_date": "counted from the invoice date",
    "unread": "not a form the library reads",
}


def payment_terms(text: Any) -> PaymentTerm:
    """Payment terms as invoices write them (see the module docstring)."""
    return PaymentTerm.parse(text)
