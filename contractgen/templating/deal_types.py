"""The types of what a clause template can read, for the static analysis: the deal model's fields
and properties, derived figures, lists and mappings of them, and UNKNOWN where a type cannot be known.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import enum
import functools
import sys
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeGuard

from jinja2.runtime import LoopContext
from jinja2.utils import Cycler, Namespace

from contractgen.deal import model as spec

if TYPE_CHECKING:
    from pydantic import BaseModel


class _Unknown:
    """The type of a value whose type cannot be known statically (checks stop there)."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()


@dataclass(frozen=True)
class ListOf:
    """A list (or other sequence) whose items have a known type."""

    item: Any


@dataclass(frozen=True)
class DictOf:
    """A mapping with known key and value types."""

    key: Any
    value: Any


LOOP_ATTRIBUTES = {
    "index",
    "index0",
    "revindex",
    "revindex0",
    "first",
    "last",
    "length",
    "cycle",
    "depth",
    "depth0",
    "previtem",
    "nextitem",
    "changed",
}


class LoopType:
    """The type of `loop` inside a for loop."""


def _unwrap(tp: Any) -> Any:
    """Reduce an annotation to a type the analysis understands (Optional, Annotated, lists …)."""
    if tp is None or tp is type(None):
        return UNKNOWN
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        unwrapped = [_unwrap(a) for a in members]
        return unwrapped[0] if len(unwrapped) == 1 else UNKNOWN
    if origin in (list, tuple, set, frozenset, typing.Sequence) or (
        origin is not None and isinstance(origin, type) and issubclass(origin, (list, tuple))
    ):
        args = typing.get_args(tp)
        return ListOf(_unwrap(args[0]) if args else UNKNOWN)
    if origin in (dict, typing.Mapping):
        args = typing.get_args(tp)
        return DictOf(_unwrap(args[0]), _unwrap(args[1])) if len(args) == 2 else DictOf(UNKNOWN, UNKNOWN)
    if origin is typing.Literal:
        return type(typing.get_args(tp)[0])
    if tp is Any or isinstance(tp, (typing.TypeVar, str)):
        return UNKNOWN
    return tp if isinstance(tp, type) else UNKNOWN


# The methods a template may call on plain values: pure, and bounded by the sandbox's size checks.
BUILTIN_METHODS: dict[type, frozenset[str]] = {
    str: frozenset(
        {
            "capitalize",
            "casefold",
            "count",
            "endswith",
            "find",
            "isalnum",
            "isalpha",
            "isdigit",
            "islower",
            "isspace",
            "istitle",
            "isupper",
            "join",
            "lower",
            "lstrip",
            "partition",
            "removeprefix",
            "removesuffix",
            "replace",
            "rfind",
            "rpartition",
            "rsplit",
            "rstrip",
            "split",
            "splitlines",
            "startswith",
            "strip",
            "title",
            "upper",
            # bounded by the sandbox's size checks on the arguments
            "center",
            "expandtabs",
            "ljust",
            "rjust",
            "zfill",
            "format",
            "format_map",
        }
    ),
    dict: frozenset({"get", "items", "keys", "values"}),
    list: frozenset({"count", "index"}),
    tuple: frozenset({"count", "index"}),
    dt.date: frozenset({"year", "month", "day", "isoformat", "weekday", "isoweekday"}),
    Decimal: frozenset({"is_zero", "is_signed"}),
    int: frozenset({"real", "imag", "numerator", "denominator"}),
    enum.Enum: frozenset({"name", "value"}),
}
CYCLER_ATTRIBUTES = frozenset({"current", "next", "reset"})
OWN_MODULE = "contractgen."


def _is_model(tp: Any) -> TypeGuard[type[BaseModel]]:
    return isinstance(tp, type) and hasattr(tp, "model_fields")


@functools.lru_cache(maxsize=None)
def _dataclass_hints(tp: type) -> dict[str, Any]:

    namespace = {**vars(spec), **vars(sys.modules[tp.__module__])}
    try:
        return typing.get_type_hints(tp, globalns=namespace)
    except Exception:  # noqa: BLE001 - an unresolvable hint only makes the type unknown
        return {f.name: Any for f in dataclasses.fields(tp)}


def _property_type(tp: type, name: str) -> Any:
    """Return the type a property of a class returns, from its hints."""
    attribute = tp.__dict__.get(name)
    for klass in tp.__mro__:
        if name in klass.__dict__:
            attribute = klass.__dict__[name]
            break
    getter = getattr(attribute, "fget", None) or getattr(attribute, "func", None)
    if getter is None:
        return UNKNOWN
    try:
        from contractgen.deal import model as spec

        hint = typing.get_type_hints(getter, globalns=vars(spec)).get("return", Any)
    except Exception:  # noqa: BLE001
        return UNKNOWN
    return _unwrap(hint)


def _own_data(tp: type, name: str) -> bool:
    """Whether `name` is data a class of the project declares: an annotated attribute or a property."""
    for klass in tp.__mro__:
        if not klass.__module__.startswith(OWN_MODULE):
            continue
        if name in getattr(klass, "__annotations__", {}):
            value = klass.__dict__.get(name)
            return not callable(value) or isinstance(value, (property, functools.cached_property))
        if name in klass.__dict__:
            return isinstance(klass.__dict__[name], (property, functools.cached_property))
    return False


@functools.lru_cache(maxsize=4096)
def readable_attribute(tp: type, name: str) -> bool:
    """Whether a template may read `name` on a value of type `tp` (the sandbox and lint agree on this).

    Data only: the fields of the deal's pydantic models, dataclasses and annotated classes, the
    properties the project declares, loop variables, and a short list of harmless methods of
    plain values. Never a class, an underscore name, a model's own methods (parse_raw …).
    """
    if name.startswith("_") or not isinstance(tp, type) or issubclass(tp, type):
        return False
    if issubclass(tp, LoopContext):
        return name in LOOP_ATTRIBUTES
    if issubclass(tp, Namespace):
        return True  # a namespace's attributes are the values the template set on it
    if issubclass(tp, Cycler):
        return name in CYCLER_ATTRIBUTES
    if _is_model(tp) and name in tp.model_fields:
        return True
    if dataclasses.is_dataclass(tp) and name in {f.name for f in dataclasses.fields(tp)}:
        return True
    if _own_data(tp, name):
        return True
    return any(issubclass(tp, base) and name in names for base, names in BUILTIN_METHODS.items())


def field_names(tp: Any) -> list[str]:
    """Return the field (and property) names of a model or dataclass, for suggestions."""
    if _is_model(tp):
        names = list(tp.model_fields)
        names += [
            n
            for k in tp.__mro__
            for n, v in vars(k).items()
            if isinstance(v, (property, functools.cached_property)) and not n.startswith("_")
        ]
        return names
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        names = [f.name for f in dataclasses.fields(tp)]
        names += [
            n for k in tp.__mro__ for n, v in vars(k).items() if isinstance(v, property) and not n.startswith("_")
        ]
        return names
    return []


class MissingAttribute(Exception):
    """An attribute that the type certainly does not have."""

    def __init__(self, owner: Any, name: str):
        super().__init__(name)
        self.owner = owner
        self.name = name

    def suggestion(self) -> str:
        """Return the closest known field name, or ''."""
        close = difflib.get_close_matches(self.name, field_names(self.owner), n=1, cutoff=0.6)
        return close[0] if close else ""


class ForbiddenAttribute(MissingAttribute):
    """An attribute the type has but a template may not read (a method, a class, internals)."""


def attribute_type(tp: Any, name: str) -> Any:
    """Return the type of `tp.name`; raise MissingAttribute when `tp` surely has no such attribute,
    ForbiddenAttribute when it has one the sandbox refuses."""
    if tp is UNKNOWN:
        return UNKNOWN
    if isinstance(tp, LoopType):
        if name in LOOP_ATTRIBUTES:
            return UNKNOWN
        raise MissingAttribute(tp, name)
    owner = list if isinstance(tp, ListOf) else tp
    if isinstance(owner, type) and not readable_attribute(owner, name):
        if name.startswith("_") or hasattr(owner, name):
            raise ForbiddenAttribute(tp, name)
        if not isinstance(tp, ListOf):
            raise MissingAttribute(tp, name)
    if _is_model(tp):
        if name in tp.model_fields:
            return _unwrap(tp.model_fields[name].annotation)
        if any(name in vars(k) for k in tp.__mro__):
            value = next(vars(k)[name] for k in tp.__mro__ if name in vars(k))
            if isinstance(value, (property, functools.cached_property)):
                return _property_type(tp, name)
            return UNKNOWN
        raise MissingAttribute(tp, name)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = _dataclass_hints(tp)
        if name in {f.name for f in dataclasses.fields(tp)}:
            return _unwrap(hints.get(name, Any))
        if hasattr(tp, name):
            value = next((vars(k)[name] for k in tp.__mro__ if name in vars(k)), None)
            return _property_type(tp, name) if isinstance(value, property) else UNKNOWN
        raise MissingAttribute(tp, name)
    if isinstance(tp, ListOf):
        if readable_attribute(list, name):
            return UNKNOWN
        raise MissingAttribute(tp, name)
    if isinstance(tp, DictOf):
        return UNKNOWN  # d.key reads an item in Jinja; keys are not known statically
    if isinstance(tp, type):
        if hasattr(tp, name) or any(name in vars(k) for k in tp.__mro__):
            return UNKNOWN
        raise MissingAttribute(tp, name)
    return UNKNOWN


def item_type(tp: Any) -> Any:
    """Return the type of an item when iterating over or indexing `tp`."""
    if isinstance(tp, ListOf):
        return tp.item
    if isinstance(tp, DictOf):
        return tp.key
    return UNKNOWN


def type_name(tp: Any) -> str:
    """Return a short human name for a type."""
    if isinstance(tp, ListOf):
        return f"a list of {type_name(tp.item)}"
    if isinstance(tp, DictOf):
        return "a mapping"
    if isinstance(tp, LoopType):
        return "loop"
    return getattr(tp, "__name__", str(tp))
