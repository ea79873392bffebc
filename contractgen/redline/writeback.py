"""Write accepted negotiation back into a deal file: deal values changed and `overrides`, keeping comments and layout."""

from __future__ import annotations

import io
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString, ScalarString

from contractgen.deal.yamlsource import decode_text, load_yaml, read_file_bytes

Path_ = tuple[Any, ...]  # a value's place in the deal: ("commercials", "indexation", "cap")


def round_trip(text: str, name: str) -> tuple[YAML, Any]:
    """Read a deal text with ruamel in round-trip mode (after the CLI's safe reading); return the YAML and its data."""
    load_yaml(text, name)  # the CLI's safe reading first: ruamel only ever sees YAML contractgen accepts
    indent, offset = _layout(text)
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=indent, sequence=indent + offset, offset=offset)
    return yaml, yaml.load(text)


def updated_text(
    text: str, name: str, overrides: dict[str, str] | None = None, values: dict[Path_, Any] | None = None
) -> str:
    """Return the deal text with these values set and `overrides.<key>` added (ruamel round trip: comments kept)."""
    yaml, data = round_trip(text, name)
    for place, value in (values or {}).items():
        holder = data
        for step in place[:-1]:
            holder = holder[step]
        old = holder[place[-1]]
        # a quoted or block string stays quoted or block; a number written as a number stays one
        holder[place[-1]] = type(old)(value) if isinstance(old, ScalarString) else value
    if overrides:
        target = data.get("overrides")
        if not isinstance(target, dict):
            target = data["overrides"] = CommentedMap()
        for key, value in overrides.items():
            target[key] = LiteralScalarString(value.rstrip("\n") + "\n")
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def write_back(path: Path, overrides: dict[str, str] | None = None, values: dict[Path_, Any] | None = None) -> str:
    """Set these values and overrides in the deal file, replacing it atomically; return the new text."""
    name = str(path)
    new = updated_text(decode_text(read_file_bytes(path), name), name, overrides, values)
    handle, temp = tempfile.mkstemp(dir=Path(path).parent, prefix=f".{Path(path).name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(new)
    os.replace(temp, path)
    return new


def write_overrides(path: Path, overrides: dict[str, str]) -> str:
    """Set each `overrides.<key>` of the deal file (ruamel round trip: comments kept); return the new text."""
    return write_back(path, overrides)


def _layout(text: str) -> tuple[int, int]:
    """Return the deal file's mapping indent and how far a list's dash sits in from its key (kept on writing)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    indents = [
        len(line) - len(line.lstrip(" "))
        for line in lines
        if line.startswith(" ") and not line.lstrip().startswith("-")
    ]
    offsets = []
    for before, line in zip(lines, lines[1:]):
        key, dash = re.match(r"^( *)[^ -][^:]*:\s*(#.*)?$", before), re.match(r"^( *)- ", line)
        if key and dash:
            offsets.append(len(dash.group(1)) - len(key.group(1)))
    indent = min(indents) if indents else 2
    return indent, max(0, min(offsets)) if offsets else 0
