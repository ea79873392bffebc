"""Loading a deal: read the file once, validate the fields, run the cross-field rules.

Field errors and broken rules become one list of located, plain-English problems, reported
together in a single ``DealError``. What loading returns, a ``DealSource`` (the deal, its
path, its bytes and their sha256), is what every later stage takes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from contractgen.deal.fields import is_currency, locale_name as _locale
from contractgen.deal.messages import field_problems, in_file_order, rule_problems
from contractgen.deal.model import Deal
from contractgen.deal.inference import (
    apply_sector_regulation,
    default_findings,
    move_privacy_laws,
    move_sector_regulation,
    rejoin_split_names,
)
from contractgen.deal.notes import final_without_acknowledgement, find_notes, located_notes
from contractgen.deal.rules import check_rules, check_rules_partially
from contractgen.deal.yamlsource import decode_text, load_yaml, read_file_bytes, refuse_oversized
from contractgen.digest import source_sha256
from contractgen.errors import DealError, DraftingNote, Problem

Lines = dict[tuple[Any, ...], int]


@dataclass(frozen=True)
class DealSource:
    """A validated deal with the file it came from: its path, its raw bytes and their sha256.

    The sha256 ignores line endings (``contractgen.digest``), so a CRLF checkout hashes as LF.
    """

    deal: Deal
    path: Path
    raw: bytes = field(repr=False)
    sha256: str
    notes: tuple[DraftingNote, ...] = ()

    @property
    def open_notes(self) -> list[DraftingNote]:
        """Return the drafting notes the deal does not acknowledge."""
        return [note for note in self.notes if not note.acknowledged]

    @property
    def file_name(self) -> str:
        """Return the deal file's name (no folder), as recorded in provenance."""
        return self.path.name


def deal_problems(data: Any, filename: str = "<deal>", lines: Lines | None = None) -> tuple[Deal | None, list[Problem]]:
    """Validate data in one pass: the deal (None if a field is invalid) and every field and rule problem."""
    deal, problems, _notes = deal_findings(data, filename, lines)
    return deal, problems


def deal_findings(
    data: Any, filename: str = "<deal>", lines: Lines | None = None
) -> tuple[Deal | None, list[Problem], list[DraftingNote]]:
    """Validate data in one pass: the deal (None if a field is invalid), every problem and every drafting note.

    A final document with an open note is a problem (see ``notes.final_without_acknowledgement``).
    """
    lines = lines or {}
    data, rejoined = rejoin_split_names(data)
    data, moved = move_sector_regulation(data)
    data, to_privacy = move_privacy_laws(data)
    moved = rejoined + moved + to_privacy
    if not isinstance(data, dict):
        return None, [Problem(filename, 1, "", "the top level must be a mapping of fields")], []
    unwritable = rule_problems(list(_unwritable_text(data, ())), filename, lines)
    try:
        deal = Deal.model_validate(data, context=_validation_context(data))
    except ValidationError as exc:
        # The rules that the valid sections still allow run too, so one run reports everything.
        found = unwritable + field_problems(exc, filename, lines, Deal)
        found += rule_problems(check_rules_partially(data), filename, lines)
        return None, in_file_order(found), []
    unwritable += rule_problems(list(_dates_out_of_range(deal, ())), filename, lines)
    if unwritable:  # the rules compute with these values: report them alone
        return None, in_file_order(unwritable), []
    deal, regulation = apply_sector_regulation(deal)
    notes = located_notes(
        moved + find_notes(deal, data) + regulation + default_findings(deal), filename, lines, deal.acknowledged_notes
    )
    found = rule_problems(check_rules(deal), filename, lines) + final_without_acknowledgement(deal, notes)
    return deal, in_file_order(found), notes


# Characters an XML 1.0 document (DOCX, the PDF's HTML) cannot carry: C0 controls other than tab, line feed
# and carriage return, lone surrogates, and U+FFFE / U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Dates a contract can sensibly carry; outside them the derived dates (term ends, notice periods) run off
# the calendar and no contract was meant.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def _unwritable_text(value: Any, loc: tuple[Any, ...]):
    """Yield (field path, message) for each text (key or value) holding a character a document cannot carry."""
    if isinstance(value, str):
        found = _NOT_XML.search(value)
        if found:
            yield (
                loc,
                (
                    f"contains the character U+{ord(found.group()):04X}, which a Word or PDF document cannot "
                    "carry; delete it (it is often pasted in invisibly)"
                ),
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield from _unwritable_text(key, loc + (key,))
            yield from _unwritable_text(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _unwritable_text(item, loc + (index,))


def _dates_out_of_range(value: Any, loc: tuple[Any, ...]):
    """Yield (field path, message) for each date of the validated deal outside FIRST_YEAR..LAST_YEAR."""
    if isinstance(value, date):
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            yield (
                loc,
                (
                    f"{value.isoformat()} is not a date a contract can carry; use a year from {FIRST_YEAR} "
                    f"to {LAST_YEAR}"
                ),
            )
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _dates_out_of_range(getattr(value, name), loc + (name,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _dates_out_of_range(item, loc + (key,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _dates_out_of_range(item, loc + (index,))


def _validation_context(data: dict[str, Any]) -> dict[str, Any]:
    """What field validators need from elsewhere in the deal: the currency and the locale its values are written in."""
    commercials = data.get("commercials")
    currency = commercials.get("currency") if isinstance(commercials, dict) else None
    currency = currency.strip().upper() if isinstance(currency, str) else None
    if currency and not is_currency(currency):
        currency = None
    return {"currency": currency, "locale": _written_locale(data.get("contract"))}


def _written_locale(contract: Any) -> str:
    """The deal's locale as the model will settle it: contract.locale, else the governing law's, else en_GB."""
    from contractgen.deal.model import Contract

    if not isinstance(contract, dict):
        return "en_GB"
    settled = Contract._locale_from_law(contract)
    locale = settled.get("locale") if isinstance(settled, dict) else None
    if isinstance(locale, str):
        try:
            return _locale(locale)
        except ValueError:
            pass
    return "en_GB"


def validate_data(data: Any, filename: str = "<deal>", lines: Lines | None = None) -> Deal:
    """Validate already-loaded data; raise DealError listing every problem at once."""
    deal, problems = deal_problems(data, filename, lines)
    if problems or deal is None:
        raise DealError(problems=problems)
    return deal


def load_deal(path: str | Path, raw: bytes | None = None) -> DealSource:
    """Read a deal file once, validate it and return it with its bytes; DealError (all problems) otherwise.

    `raw`: the file's bytes when the caller has read them already (a repository build hashes each
    deal file first); the file is then not read again.
    """
    name = str(path)
    raw = read_file_bytes(path) if raw is None else refuse_oversized(raw, name)
    data, lines = load_yaml(decode_text(raw, name), name)
    deal, problems, notes = deal_findings(data, name, lines)
    if problems or deal is None:
        raise DealError(problems=problems)
    return DealSource(deal=deal, path=Path(path), raw=raw, sha256=source_sha256(raw), notes=tuple(notes))
