"""Safe YAML reading with line numbers: every scalar comes back as its raw text.

We compose PyYAML's node tree and walk it ourselves instead of letting PyYAML construct
Python objects. That way no tag can build an object, anchors and aliases (and with them
"billion laughs" bombs) are refused before they expand, duplicate keys are errors, and
YAML 1.1 surprises (``NO`` → False, ``012345`` → 5349, ``12:30`` → 750) never happen:
the deal model decides what each text means for the field it lands in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import yaml
from yaml.events import AliasEvent, Event
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from contractgen import safefs, yamlload
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
