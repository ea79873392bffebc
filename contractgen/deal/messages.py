"""Plain-English, located messages for the problems of a deal: field errors and broken rules."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Annotated, Any, Union

from pydantic import BaseModel, ValidationError

from contractgen.errors import Problem


def format_path(loc: tuple[Any, ...]) -> str:
    """Turn ("a", "b", 1, "c") into "a.b[1].c"."""
    out = ""
    for part in loc:
        if part == "[key]":  # pydantic's marker for an error in a mapping's key, not its value
            continue
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _unwrap(annotation: Any) -> Any:
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
    model: Any = root
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


def plain_message(error: dict[str, Any], root: type[BaseModel]) -> str:
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


def line_for(loc: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> int | None:
    """Return the line of a field path, or of its nearest ancestor that has one."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


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
