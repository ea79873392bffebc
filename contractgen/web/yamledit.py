"""Round-trip editing of a deal file: comments, key order, quoting and indentation are kept.

The web form changes values in a ruamel.yaml round-trip document, so saving rewrites only
the lines whose values changed. Every text is first read by the CLI's safe loader (size
limit, no anchors, aliases or tags), so ruamel only ever sees YAML the CLI would accept.
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString, ScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from contractgen.deal.yamlsource import load_yaml, read_text_file
from contractgen.errors import StaleSave
from contractgen.outputs import write_atomically

Key = tuple[Any, ...]


def text_hash(text: str) -> str:
    """Return the SHA-256 of a deal text (what the form sends back to detect a stale save)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _mapping_indent(text: str) -> int:
    indents = [
        len(line) - len(line.lstrip(" "))
        for line in text.splitlines()
        if line.startswith(" ") and line.strip() and not line.lstrip().startswith(("#", "-"))
    ]
    return min(indents) if indents else 2


class RoundTrip:
    """A deal text as a ruamel round-trip document, with the dumper set to the file's own indentation."""

    def __init__(self, text: str, filename: str = "<deal>"):
        load_yaml(text, filename)  # the CLI's safe loader and limits first (raises DealError)
        try:
            _, sequence, offset = load_yaml_guess_indent(text)
        except Exception:  # noqa: BLE001 - ruamel's guess is a nicety; fall back to the usual layout
            sequence, offset = 4, 2
        self.yaml = YAML(typ="rt")
        self.yaml.preserve_quotes = True
        self.yaml.width = 4096
        self.yaml.indent(mapping=_mapping_indent(text), sequence=sequence or 4, offset=offset or 2)
        self.data = self.yaml.load(text)
        if self.data is None:
            self.data = CommentedMap()

    def dump(self) -> str:
        """Return the document as YAML text."""
        stream = io.StringIO()
        self.yaml.dump(self.data, stream)
        return stream.getvalue()

    # ------------------------------------------------------------ reading

    def get(self, key: Key, default: Any = None) -> Any:
        """Return the node at a field path, or `default` when any step is missing."""
        node = self.data
        for part in key:
            if isinstance(part, int):
                if not isinstance(node, list) or part >= len(node):
                    return default
            elif not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    # ------------------------------------------------------------ writing

    def set_scalar(self, key: Key, text: str, order: list[str] | None = None) -> bool:
        """Set the scalar at `key` from form text (empty removes it); return whether anything changed."""
        current = self.get(key)
        if isinstance(current, (dict, list)):
            return False
        if text == scalar_text(current) and (current is not None or text == ""):
            return False
        if text == "":
            return self.delete(key)
        parent = self._container(key[:-1])
        self._style_like_siblings(key[:-1], parent)
        new = _scalar_like(current, text)
        _put(parent, key[-1], new, order)
        return True

    def set_list(self, key: Key, lines: list[str], order: list[str] | None = None) -> bool:
        """Set a list of scalars from form lines; return whether anything changed."""
        current = self.get(key)
        if isinstance(current, list) and [scalar_text(v) for v in current] == lines:
            return False
        if current is None and not lines:
            return False
        items = [_scalar_like(None, line) for line in lines]
        if isinstance(current, list):
            current[:] = items
            return True
        seq = CommentedSeq(items)
        seq.fa.set_flow_style()
        _put(self._container(key[:-1]), key[-1], seq, order)
        return True

    def set_mapping(self, key: Key, pairs: list[tuple[str, str]], order: list[str] | None = None) -> bool:
        """Set a free mapping (e.g. clause pins) from form pairs; return whether anything changed."""
        current = self.get(key)
        if isinstance(current, dict) and [(str(k), scalar_text(v)) for k, v in current.items()] == pairs:
            return False
        if current is None and not pairs:
            return False
        if isinstance(current, dict):
            for old in [k for k in current if str(k) not in dict(pairs)]:
                del current[old]
            for name, value in pairs:
                current[name] = _scalar_like(current.get(name), value)
            return True
        mapping = CommentedMap((name, _scalar_like(None, value)) for name, value in pairs)
        mapping.fa.set_flow_style()
        _put(self._container(key[:-1]), key[-1], mapping, order)
        return True

    def delete(self, key: Key) -> bool:
        """Remove the value at `key`, then any mapping left empty above it; return whether it existed."""
        parent = self.get(key[:-1])
        last = key[-1]
        if isinstance(parent, dict) and last in parent:
            del parent[last]
        elif isinstance(parent, list) and isinstance(last, int) and last < len(parent):
            del parent[last]
        else:
            return False
        while len(key) > 1:
            key = key[:-1]
            node = self.get(key)
            if isinstance(node, dict) and not node and not isinstance(key[-1], int):
                del self.get(key[:-1])[key[-1]]
            else:
                break
        return True

    def append_item(self, key: Key, order: list[str] | None = None) -> None:
        """Append an empty mapping to the list at `key` (creating the list), styled like its siblings."""
        seq = self.get(key)
        if not isinstance(seq, list):
            seq = CommentedSeq()
            _put(self._container(key[:-1]), key[-1], seq, order)
        item = CommentedMap()
        if seq and isinstance(seq[-1], CommentedMap) and seq[-1].fa.flow_style():
            item.fa.set_flow_style()
        seq.append(item)

    def _style_like_siblings(self, key: Key, mapping: Any) -> None:
        """Give a still-empty item of a list the flow or block style of the other items."""
        if not (key and isinstance(key[-1], int) and isinstance(mapping, CommentedMap) and not mapping):
            return
        siblings = [m for m in self.get(key[:-1], []) if isinstance(m, CommentedMap) and m]
        if siblings and not siblings[0].fa.flow_style():
            mapping.fa.set_block_style()
        elif siblings:
            mapping.fa.set_flow_style()

    def _container(self, key: Key) -> Any:
        """Return the mapping or list at `key`, creating mappings on the way."""
        node = self.data
        for part in key:
            if isinstance(part, int):
                node = node[part]
                continue
            if part not in node or not isinstance(node[part], (dict, list)):
                node[part] = CommentedMap()
            node = node[part]
        return node


def _put(parent: Any, name: Any, value: Any, order: list[str] | None) -> None:
    """Set parent[name]; a new key goes where the schema puts it among the keys already there."""
    if isinstance(parent, list) or name in parent or not order or name not in order:
        parent[name] = value
        return
    later = order[order.index(name) + 1 :]
    position = next((i for i, existing in enumerate(parent) if existing in later), len(parent))
    parent.insert(position, name, value)


_LOCAL = threading.local()


def _probe() -> YAML:
    """Return this thread's ruamel YAML for single scalars (a YAML object keeps state while it loads or dumps,
    so one shared by the server's threads broke every later edit after two simultaneous ones)."""
    probe = getattr(_LOCAL, "probe", None)
    if probe is None:
        probe = _LOCAL.probe = YAML(typ="rt")
    return probe


def scalar_text(value: Any) -> str:
    """Return a scalar the way the file writes it (the form shows and compares this text)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    stream = io.StringIO()
    _probe().dump(value, stream)
    text = stream.getvalue()
    if text.endswith("\n...\n"):
        text = text[:-5]
    return text.strip()


def _scalar_like(current: Any, text: str) -> Any:
    """Return a YAML value that the safe loader reads back as exactly `text`, styled like `current`."""
    if isinstance(current, ScalarString) and type(current) is not ScalarString:
        return type(current)(text)  # keep the quoting or block style the author chose
    if "\n" in text:
        return LiteralScalarString(text)
    try:
        parsed = _probe().load(text)
    except Exception:  # noqa: BLE001 - anything ruamel cannot read as a plain scalar is kept as a string
        return text
    if parsed is not None and not isinstance(parsed, (dict, list, str)) and scalar_text(parsed) == text:
        return parsed
    return text


def read_deal_text(path: Path) -> str:
    """Read a deal file as text with the CLI's limits."""
    return read_text_file(path)


def save_deal_text(path: Path, text: str, base_hash: str) -> str:
    """Write `text` over `path` atomically unless it changed since `base_hash`; return the new hash."""
    on_disk = read_deal_text(path) if path.exists() else ""
    if text_hash(on_disk) != base_hash:
        raise StaleSave(
            f"{path.name} was saved by someone else after you opened it; "
            "your changes are not saved (they are still in the form). "
            "Copy them, reload the deal, and apply them again."
        )
    mode = os.stat(path).st_mode & 0o777 if path.exists() else 0o644
    write_atomically(path, text.encode("utf-8"), mode)
    return text_hash(text)
