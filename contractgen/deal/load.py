"""Loading a deal: read the file once, correct what YAML mis-reads, validate the fields, run the rules.

Field errors and broken rules become one list of located, plain-English problems, reported
together in a single ``DealError``. What loading returns, a ``DealSource`` (the deal, its
path, its bytes and their sha256), is what every later stage takes. Before validation, names a
YAML flow list split at a comma are rejoined and sector regulation and privacy laws listed in
each other's place are moved, each with a drafting note.
"""

from __future__ import annotations
import difflib
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Union
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from contractgen.deal.fields import is_currency
from contractgen.deal.fields import locale_name as _locale
from contractgen.deal.readings.apply import apply_readings, reading_notes
from contractgen.deal.readings.written import (
    move_privacy_laws,
    move_sector_regulation,
    regional_by_kind,
    rejoin_split_names,
)
from contractgen.deal.model import Deal, locale_from_law
from contractgen.deal.notes import final_without_acknowledgement, find_notes, located_notes
from contractgen.deal.rules import check_rules, check_rules_partially
from contractgen.deal.yamlsource import decode_text, format_path, line_for, load_yaml, read_file_bytes, refuse_oversized
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
    data = regional_by_kind(data)
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
    deal, readings = apply_readings(deal)
    found_notes = moved + find_notes(deal, data) + readings + list(reading_notes(deal, data))
    notes = located_notes(found_notes, filename, lines, deal.acknowledged_notes)
    found = rule_problems(check_rules(deal), filename, lines) + final_without_acknowledgement(deal, notes)
    return deal, in_file_order(found), notes


# Characters an XML 1.0 document (DOCX, the PDF's HTML) cannot carry: C0 controls other than tab, line feed
# and carriage return, lone surrogates, and U+FFFE / U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Dates a contract can sensibly carry; outside them the derived dates (term ends, notice periods) run off
# the calendar and no contract was meant.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def _unwritable_text(value: Any, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
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


def _dates_out_of_range(value: Any, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
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
    if not isinstance(contract, dict):
        return "en_GB"
    settled = locale_from_law(contract)
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


def read_deal(path: str | Path, raw: bytes | None = None) -> tuple[DealSource | None, list[Problem]]:
    """Read a deal file once and check it: its DealSource when every field is valid (a rule may still be
    broken), and every problem. A file that is not safe YAML raises DealError.

    `raw`: the file's bytes when the caller has them already (a repository build hashes each deal file
    first, the web workspace holds the text being edited); the file is then not read again.
    """
    name = str(path)
    raw = read_file_bytes(path) if raw is None else refuse_oversized(raw, name)
    data, lines = load_yaml(decode_text(raw, name), name)
    deal, problems, notes = deal_findings(data, name, lines)
    if deal is None:
        return None, problems
    return DealSource(deal=deal, path=Path(path), raw=raw, sha256=source_sha256(raw), notes=tuple(notes)), problems


def load_deal(path: str | Path, raw: bytes | None = None) -> DealSource:
    """Read a deal file once, validate it and return it with its bytes; DealError (all problems) otherwise."""
    source, problems = read_deal(path, raw)
    if problems or source is None:
        raise DealError(problems=problems)
    return source


def _unwrap(annotation: Any) -> type[BaseModel] | None:
    """Strip Annotated/Optional/list down to the model class (or None)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else None
        elif origin in (list, tuple):
            annotation = typing.get_args(annotation)[0]
        elif origin is dict:
            return None
        else:
            return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _model_at(root: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    model: type[BaseModel] | None = root
    for part in loc:
        if part == "[key]":  # pydantic's marker for an error in a mapping's key, not its value
            continue
        if isinstance(part, int):
            continue
        if model is None or part not in model.model_fields:
            return None
        model = _unwrap(model.model_fields[part].annotation)
    return model


def _got(value: Any) -> str:
    if isinstance(value, (dict, list)) or value is None:
        return ""
    text = str(value)
    return f" (got {text if len(text) <= 60 else text[:57] + '...'!r})"


_SIMPLE = {
    "missing": "is required",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "int_type": "must be a whole number",
    "decimal_parsing": "must be a number (digits only, no thousands separators)",
    "decimal_type": "must be a number",
    "finite_number": "must be a finite number",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "date_from_datetime_parsing": "must be a real date written YYYY-MM-DD",
    "date_parsing": "must be a real date written YYYY-MM-DD",
    "date_type": "must be a date written YYYY-MM-DD",
    "date_from_datetime_inexact": "must be a date without a time",
    "string_type": "must be text, not a list or mapping",
    "list_type": "must be a list",
    "model_type": "must be a mapping of fields (key: value)",
    "model_attributes_type": "must be a mapping of fields (key: value)",
    "dict_type": "must be a mapping (key: value)",
    "string_too_short": "must not be empty",
    "string_unicode": "contains an invalid character (a lone surrogate); remove it",
}


def plain_message(error: ErrorDetails, root: type[BaseModel]) -> str:
    """Translate one pydantic error into a plain-English message."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    loc = tuple(error["loc"])
    if kind == "extra_forbidden":
        name = str(loc[-1])
        model = _model_at(root, loc[:-1])
        known = list(model.model_fields) if model else []
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else (f"; known fields: {', '.join(known)}" if known else "")
        return f"unknown field {name!r}{hint}"
    if kind in _SIMPLE:
        got = "" if kind in ("missing", "string_unicode") else _got(value)
        return _SIMPLE[kind] + got
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters, got {len(str(value))})"
    if kind == "too_short":
        need = ctx.get("min_length", 1)
        return f"needs at least {need} {'entry' if need == 1 else 'entries'}"
    if kind == "too_long":
        return f"has too many entries (at most {ctx.get('max_length')})"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        words = {
            "greater_than": "more than", "greater_than_equal": "at least",
            "less_than": "less than", "less_than_equal": "at most",
        }[kind]  # fmt: skip
        bound = next(iter(ctx.values()))
        return f"must be {words} {bound}{_got(value)}"
    if kind in ("literal_error", "enum"):
        expected = ctx.get("expected", "")
        return f"must be one of {expected}{_got(value)}"
    if kind in ("decimal_max_digits", "decimal_max_places", "decimal_whole_digits"):
        return f"has too many digits{_got(value)}"
    message = error.get("msg", "is not valid")
    message = re.sub(r"^(Value error|Assertion failed), ", "", message)
    message = re.sub(r"^Input should be", "must be", message)
    return message


def field_problems(
    exc: ValidationError, filename: str, lines: dict[tuple[Any, ...], int], root: type[BaseModel]
) -> list[Problem]:
    """Turn a pydantic ValidationError into located, plain-English problems."""
    return [
        Problem(filename, line_for(tuple(e["loc"]), lines), format_path(tuple(e["loc"])), plain_message(e, root))
        for e in exc.errors(include_url=False)
    ]


def rule_problems(
    found: list[tuple[tuple[Any, ...], str]], filename: str, lines: dict[tuple[Any, ...], int]
) -> list[Problem]:
    """Turn (field path, message) pairs from the cross-field rules into located problems."""
    return [Problem(filename, line_for(loc, lines), format_path(loc), message) for loc, message in found]


def in_file_order(problems: list[Problem]) -> list[Problem]:
    """Drop repeated problems and sort the rest by line (problems on one line keep their order)."""
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: p.line if p.line is not None else 0)
