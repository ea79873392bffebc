"""The deal file: how it is read, and what an editor is told about it.

Safe YAML reading with line numbers: every scalar comes back as its raw text.

We compose PyYAML's node tree and walk it ourselves instead of letting PyYAML construct
Python objects. That way no tag can build an object, anchors and aliases (and with them
"billion laughs" bombs) are refused before they expand, duplicate keys are errors, and
YAML 1.1 surprises (``NO`` → False, ``012345`` → 5349, ``12:30`` → 750) never happen:
the deal model decides what each text means for the field it lands in.

The JSON Schema of the deal specification (``deal_json_schema``), for editors and other tools.

It is the validator's own: every field accepts, beside its type, the strings its validator reads
("T&M", "monthly", "three", "true"), generated from the same tables (``accepted``). Cross-field
rules are not expressible in it and stay with ``validate``.

Editor help: a description and an example for every field, closed value lists. The words live in
deal/data/field_help.yaml (data, so they can be improved without touching Python); examples of
fields holding mappings are assembled from the examples of their own fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import yaml
from pydantic.json_schema import GenerateJsonSchema
from yaml.events import AliasEvent, Event
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from contractgen import safefs, yamlload
from contractgen.deal import accepted
from contractgen.errors import DealError, Problem, UnsafePathError

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 64

# The only explicit tags we tolerate: they change nothing, since every scalar stays text.
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
_NULLS = {"", "~", "null", "Null", "NULL"}

Path_ = tuple[Any, ...]


class _Refused(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class _Refusing(yaml.composer.Composer):
    """Composition that refuses anchors, aliases, odd tags and deep nests (mixed into a loader)."""

    _depth = 0

    if TYPE_CHECKING:  # the parser's, which each loader below mixes in after this class

        def peek_event(self) -> Event: ...

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        """Compose one node after refusing aliases, anchors, unknown tags and deep nesting."""
        event = self.peek_event()
        line = event.start_mark.line + 1 if event.start_mark is not None else 1
        if isinstance(event, AliasEvent):
            raise _Refused(line, f"aliases (*{event.anchor}) are not allowed; write the value out in full")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _Refused(line, f"anchors (&{anchor}) are not allowed; write the value out in full")
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _ALLOWED_TAGS:
            raise _Refused(line, f"the tag {tag!r} is not allowed; remove it")
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(line, f"the document is nested more than {MAX_DEPTH} levels deep")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Composer(_Refusing, yaml.SafeLoader):
    """SafeLoader used only up to composition: PyYAML's own scanner, whose messages users see."""


class _Loader(Protocol):
    def get_single_node(self) -> Node | None: ...

    def dispose(self) -> None: ...


_FastComposer: Callable[[str], _Loader] | None = None
try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml
    pass
else:

    class _LibyamlComposer(_Refusing, yaml.composer.Composer, CParser, yaml.resolver.Resolver):
        """The same composition over libyaml's events (the scanner is most of a deal file's load)."""

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    _FastComposer = _LibyamlComposer


def _line(node: Node) -> int:
    return node.start_mark.line + 1


# A comment starts at " #" even inside what was meant as one value; "#" then a non-space is rarely a comment.
_CUT_BY_COMMENT = re.compile(r"[ \t]+#(?=[^\s#])([^\n]*)")


def _refuse_cut_value(node: ScalarNode, text: str) -> None:
    """Refuse a plain value that a "#" on its line cuts short: "8 Marina View, #30-01 Asia Square"."""
    end = getattr(node.end_mark, "index", None)
    cut = _CUT_BY_COMMENT.match(text, end) if end is not None else None
    if cut:
        whole = f"{node.value} #{cut.group(1).rstrip()}"
        raise _Refused(
            _line(node),
            f"YAML reads the value as {node.value!r} and the rest, '#{cut.group(1).rstrip()}', "
            f"as a comment; quote this value if the '#' is part of it: \"{whole}\" "
            f"(or put a space after '#' if it is a comment)",
        )


def _refuse_split_flow_value(key: ScalarNode, value: Node, before: tuple[Node, Node] | None, text: str) -> None:
    """Refuse a key with no ':' in a {…} mapping: a comma inside a value split it ({name: Acme, Inc.})."""
    start, end = getattr(key.end_mark, "index", None), getattr(value.start_mark, "index", None)
    if start is None or end is None or ":" in text[start:end] or not isinstance(value, ScalarNode):
        return
    example = ""
    if before is not None and isinstance(before[1], ScalarNode):
        example = f' ({before[0].value}: "{before[1].value}, {key.value}")'
    raise _Refused(
        _line(key),
        f"in this {{…}} mapping, {key.value!r} has no value: a comma inside a value splits "
        f"it there; quote it{example}, or write the mapping on separate lines",
    )


def _walk(node: Node, path: Path_, lines: dict[Path_, int], text: str) -> Any:
    if isinstance(node, ScalarNode):
        if not node.style:
            _refuse_cut_value(node, text)
        if not node.style and node.value in _NULLS:  # plain: None from PyYAML, "" from libyaml
            return None
        return node.value
    if isinstance(node, SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            lines[path + (i,)] = _line(item)
            items.append(_walk(item, path + (i,), lines, text))
        return items
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        before: tuple[Node, Node] | None = None
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Refused(_line(key_node), "a key must be plain text, not a list or mapping")
            key = key_node.value
            if key in seen:
                raise _Refused(
                    _line(key_node),
                    f"duplicate key {key!r} (first on line {seen[key]}, again on line {_line(key_node)})",
                )
            seen[key] = _line(key_node)
            if getattr(node, "flow_style", False):
                _refuse_split_flow_value(key_node, value_node, before, text)
            before = (key_node, value_node)
            lines[path + (key,)] = _line(key_node)
            result[key] = _walk(value_node, path + (key,), lines, text)
        return result
    raise _Refused(_line(node), f"unexpected YAML node {type(node).__name__}")  # pragma: no cover


def _yaml_error(exc: yaml.YAMLError, text: str, filename: str) -> DealError:
    line, message = yamlload.describe_error(exc, text)
    return DealError(problems=[Problem(filename, line, "", f"invalid YAML: {message}")])


def load_yaml(text: str, filename: str) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML text into plain dicts/lists/strings plus a map of field path → 1-based line."""
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise DealError(problems=[Problem(filename, None, "", f"the file is larger than {MAX_BYTES // 1024} KiB")])
    # libyaml accepts a few things PyYAML refuses (tabs inside lines, "?" keys in flow collections):
    # such texts go to PyYAML's scanner, as do all that libyaml refuses.
    if (
        _FastComposer is not None
        and "\t" not in text
        and "?" not in text
        and not yaml.reader.Reader.NON_PRINTABLE.search(text)
    ):
        try:
            return _compose(_FastComposer, text)
        except (_Refused, yaml.YAMLError, RecursionError):
            pass  # PyYAML's own scanner below words the problem as users know it
    try:
        return _compose(_Composer, text)
    except _Refused as exc:
        raise DealError(problems=[Problem(filename, exc.line, "", exc.message)]) from None
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, text, filename) from None
    except RecursionError:
        raise DealError(problems=[Problem(filename, None, "", "the document is nested too deeply")]) from None


def _compose(loader_class: Callable[[str], _Loader], text: str) -> tuple[Any, dict[Path_, int]]:
    loader: _Loader | None = None
    try:
        loader = loader_class(text)
        root = loader.get_single_node()
        lines: dict[Path_, int] = {(): 1}
        if root is None:
            raise _Refused(1, "the file is empty; a deal specification is a mapping of fields")
        if not isinstance(root, MappingNode):
            raise _Refused(_line(root), "the top level must be a mapping of fields (key: value), not a list or a value")
        lines[()] = _line(root)
        data = _walk(root, (), lines, text)
    finally:
        if loader is not None:
            loader.dispose()
    return data, lines


def read_file_bytes(path: str | Path) -> bytes:
    """Read a file's bytes, refusing unreadable and oversized files (the one read of a deal file)."""
    name = str(path)
    try:
        raw = safefs.read_head(path, None, MAX_BYTES + 1)  # a device or pipe is refused, not read forever
    except OSError as exc:
        raise DealError(problems=[Problem(name, None, "", f"cannot read the file: {exc.strerror or exc}")]) from None
    except UnsafePathError as exc:
        raise DealError(problems=[Problem(name, None, "", str(exc).removeprefix(f"{name}: "))]) from None
    return refuse_oversized(raw, name)


def refuse_oversized(raw: bytes, name: str) -> bytes:
    """Return the bytes of a file, refusing them when they exceed MAX_BYTES."""
    if len(raw) > MAX_BYTES:
        raise DealError(problems=[Problem(name, None, "", f"the file is larger than {MAX_BYTES // 1024} KiB")])
    return raw


def decode_text(raw: bytes, name: str) -> str:
    """Decode a file's bytes as UTF-8 text (BOM allowed), refusing binary and non-UTF-8 content."""
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise DealError(problems=[Problem(name, line, "", "this looks like a binary file, not YAML text")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DealError(
            problems=[
                Problem(name, line, "", f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02X}); save it as UTF-8")
            ]
        ) from None


def read_text_file(path: str | Path) -> str:
    """Read a UTF-8 text file (BOM allowed), refusing binary, non-UTF-8 and oversized files."""
    return decode_text(read_file_bytes(path), str(path))


def load_deal_file(path: str | Path) -> tuple[Any, dict[Path_, int]]:
    """Read a deal file and return its data and line map (see load_yaml)."""
    return load_yaml(read_text_file(path), str(path))


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


def line_for(loc: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> int | None:
    """Return the line of a field path, or of its nearest ancestor that has one."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


# ------------------------------------------------------------ the JSON Schema editors use


class _AcceptedForms(GenerateJsonSchema):
    """Pydantic's schema generation, widened to the forms each field's validator accepts."""

    def generate_inner(self, schema: Any) -> Any:
        """A value type with its own parser (duration, frequency, sector regime): the forms it reads."""
        for hook in (schema.get("metadata") or {}).get("pydantic_js_functions", ()):
            owner = getattr(hook, "__self__", None)  # the value type whose classmethod made the schema
            forms = accepted.VALUE_TYPES.get(owner) if isinstance(owner, type) else None
            if forms is not None:
                return forms()
        return super().generate_inner(schema)

    def bool_schema(self, schema: Any) -> Any:
        """A boolean, or a word pydantic reads as one ("yes", "true"); deal files are read as text."""
        return {"anyOf": [{"type": "boolean"}, accepted.also(accepted.boolean_forms())]}

    def function_before_schema(self, schema: Any) -> Any:
        """The field's type, or the strings its before-validator turns into one."""
        base = super().function_before_schema(schema)
        forms = getattr(schema["function"]["function"], "accepted_forms", None)
        return {"anyOf": [base, accepted.also(forms)]} if forms else base


def deal_json_schema() -> dict[str, Any]:
    """The JSON Schema of the deal specification (cross-field rules are not expressible in it)."""
    from contractgen.deal.model import Deal

    schema = Deal.model_json_schema(mode="validation", schema_generator=_AcceptedForms)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "contractgen deal specification"
    return add_field_help(schema)


HELP_FILE = Path(__file__).resolve().parent / "data" / "field_help.yaml"


def _currencies() -> list[str]:
    import pycountry

    return sorted(c.alpha_3 for c in pycountry.currencies)


def _countries() -> list[str]:
    import pycountry

    return sorted(c.alpha_2 for c in pycountry.countries)


def _timezones() -> list[str]:
    import zoneinfo

    return sorted(zoneinfo.available_timezones())


def _locales() -> list[str]:
    import babel
    from babel.localedata import locale_identifiers

    names = set(locale_identifiers())
    # the validator accepts what Babel parses, so "zh_CN" (Babel's zh_Hans_CN) is offered as well
    for name in list(names):
        parts = name.split("_")
        if len(parts) == 3 and len(parts[1]) == 4:
            short = f"{parts[0]}_{parts[2]}"
            try:
                babel.Locale.parse(short)
            except (ValueError, babel.UnknownLocaleError):
                continue
            names.add(short)
    return sorted(names)


VALUES = {"currency": _currencies, "country": _countries, "timezone": _timezones, "locale": _locales}


@lru_cache(maxsize=1)
def field_help() -> dict[str, dict[str, dict[str, Any]]]:
    """Return {definition: {field: {description, example, values}}} from field_help.yaml."""
    data = yaml.safe_load(HELP_FILE.read_text(encoding="utf-8")) or {}
    return {
        name: {
            field: ({"description": entry} if isinstance(entry, str) else dict(entry))
            for field, entry in (fields or {}).items()
        }
        for name, fields in data.items()
    }


def _close(spec: dict[str, Any], values: list[str]) -> None:
    """Add `values` as the enum of every string schema in a property (direct, in anyOf, in items)."""
    if spec.get("type") == "string":
        spec["enum"] = values
    for member in spec.get("anyOf", []):
        _close(member, values)
    if isinstance(spec.get("items"), dict):
        _close(spec["items"], values)


def _ref(spec: dict[str, Any]) -> tuple[str | None, bool]:
    """Return (the $defs name a property refers to, whether it is a list of them)."""
    if "$ref" in spec:
        return spec["$ref"].rsplit("/", 1)[-1], False
    for member in spec.get("anyOf", []):
        name, many = _ref(member)
        if name:
            return name, many
    if spec.get("type") == "array" and isinstance(spec.get("items"), dict):
        name, _ = _ref(spec["items"])
        return name, True
    return None, False


def _assembled(name: str, defs: dict[str, Any], alone: set[tuple[str, str]], seen: tuple[str, ...] = ()) -> Any:
    """Return an example of a definition: its fields' examples (an enum's first value).

    Fields in `alone` (definition, field) are left out: their example holds only in a
    configuration other than the one the rest of the assembled example describes.
    """
    definition = defs.get(name) or {}
    if "enum" in definition:
        return definition["enum"][0]
    example = {}
    for field, spec in (definition.get("properties") or {}).items():
        if (name, field) in alone:
            continue
        if spec.get("examples"):
            example[field] = spec["examples"][0]
            continue
        inner, many = _ref(spec)
        if inner and inner not in seen:
            value = _assembled(inner, defs, alone, (*seen, name))
            if value not in (None, {}):
                example[field] = [value] if many else value
    return example or None


def add_field_help(schema: dict[str, Any]) -> dict[str, Any]:
    """Add descriptions, examples and closed value lists to the deal JSON Schema (in place); return it."""
    defs = schema.get("$defs") or {}
    targets = {"Deal": schema, **defs}
    alone = {
        (name, field)
        for name, fields in field_help().items()
        for field, entry in fields.items()
        if entry.get("assembled") is False
    }
    for name, fields in field_help().items():
        properties = (targets.get(name) or {}).get("properties") or {}
        for field, entry in fields.items():
            spec = properties.get(field)
            if spec is None:
                continue
            if entry.get("description"):
                spec["description"] = entry["description"]
            if "example" in entry:
                spec["examples"] = [entry["example"]]
            if entry.get("values") in VALUES:
                _close(spec, VALUES[entry["values"]]())
    for name in sorted(targets, key=lambda n: n == "Deal"):  # definitions first, the deal last
        for field, spec in (targets[name].get("properties") or {}).items():
            if not spec.get("examples"):
                inner, many = _ref(spec)
                example = _assembled(inner, defs, alone) if inner else None
                if example is not None:
                    spec["examples"] = [[example] if many else example]
    return schema
