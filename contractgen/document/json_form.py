"""Document model ⇄ JSON, lossless: a build keeps the previous contract's model for redlines.

Every dataclass of `contractgen.document.model` is written as an object of its fields; inlines and blocks
carry their `kind`, which is how they are read back. `document_from_json(document_to_json(d)) == d`.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any

from contractgen.document import model as m
from contractgen.errors import ContractgenError

FORMAT = "contractgen-model"
FORMAT_VERSION = 1

_INLINES = {
    "text": m.Text,
    "strong": m.Strong,
    "emph": m.Emph,
    "xref": m.CrossRef,
    "br": m.LineBreak,
    "ins": m.Ins,
    "del": m.Del,
}
_BLOCKS = {
    "paragraph": m.Paragraph,
    "heading": m.Heading,
    "list": m.ListBlock,
    "table": m.Table,
    "definitions": m.DefinitionList,
}


def document_to_data(document: m.Document) -> dict[str, Any]:
    """Return the document as plain JSON-ready data with a format header."""
    data = dataclasses.asdict(document)
    if not data["notes"]:
        del data["notes"]  # a document without drafting notes keeps the model it had before notes existed
    for part in data["parts"]:
        for clause in part["clauses"]:
            if not clause["deviation"]:
                del clause["deviation"]  # likewise a clause in the library's own words
    return {"format": FORMAT, "version": FORMAT_VERSION, "document": data}


def document_to_json(document: m.Document) -> str:
    """Return the document as deterministic JSON text (sorted keys, UTF-8 kept readable)."""
    return json.dumps(document_to_data(document), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def document_from_json(text: str) -> m.Document:
    """Read a document model back from `document_to_json` output."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContractgenError(f"stored document model is not JSON: {exc}") from exc
    return document_from_data(data)


def document_from_data(data: dict[str, Any]) -> m.Document:
    """Read a document model back from `document_to_data` output."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ContractgenError("stored document model: not a contractgen model file")
    if data.get("version") != FORMAT_VERSION:
        raise ContractgenError(f"stored document model: unsupported version {data.get('version')!r}")
    try:
        document: m.Document = _build(m.Document, data["document"])
        return document
    except (KeyError, TypeError, ValueError) as exc:
        raise ContractgenError(f"stored document model is damaged: {exc}") from exc


# ---------------------------------------------------------------- reading


def _inline(data: dict[str, Any]) -> m.Inline:
    inline: m.Inline = _build(_INLINES[data["kind"]], data)
    return inline


def _block(data: dict[str, Any]) -> m.Block:
    block: m.Block = _build(_BLOCKS[data["kind"]], data)
    return block


def _marks(data: dict[str, list[dict[str, Any]]]) -> m.Marks:
    return {key: [_inline(n) for n in value] for key, value in data.items()}


_HINTS: dict[type, dict[str, Any]] = {}


def _build(cls: type, data: dict[str, Any]) -> Any:
    """Construct dataclass `cls` from its asdict() form, using the field annotations."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls, vars(m))
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        kwargs[f.name] = _value(cls, f.name, hints[f.name], data[f.name])
    return cls(**kwargs)


def _value(cls: type, name: str, hint: Any, value: Any) -> Any:
    if name == "marks":
        return _marks(value)
    if name == "provenance":
        return value
    if cls is m.Table and name in ("header", "rows"):
        if name == "header":
            return [[_inline(n) for n in cell] for cell in value]
        return [[[_inline(n) for n in cell] for cell in row] for row in value]
    origin = typing.get_origin(hint)
    if origin is list:
        (arg,) = typing.get_args(hint)
        return [_item(arg, v) for v in value]
    if origin is tuple and typing.get_args(hint)[1:] == (Ellipsis,):
        return tuple(_item(typing.get_args(hint)[0], v) for v in value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return _build(hint, value)
    return value


def _item(arg: Any, value: Any) -> Any:
    if arg is m.Inline or typing.get_origin(arg) is typing.Union and m.Text in typing.get_args(arg):
        return _inline(value)
    if arg is m.Block or typing.get_origin(arg) is typing.Union and m.Paragraph in typing.get_args(arg):
        return _block(value)
    if isinstance(arg, type) and dataclasses.is_dataclass(arg):
        return _build(arg, value)
    return value
