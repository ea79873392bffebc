"""Write accepted negotiation text back into a deal file as `overrides`, keeping its comments and layout."""

from __future__ import annotations

import io
import re
import os
import tempfile
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from contractgen.deal.yamlsource import decode_text, load_yaml, read_file_bytes


def write_overrides(path: Path, overrides: dict[str, str]) -> str:
    """Set each `overrides.<key>` of the deal file (ruamel round trip: comments kept); return the new text."""
    name = str(path)
    text = decode_text(read_file_bytes(path), name)
    load_yaml(text, name)  # the CLI's safe reading first: ruamel only ever sees YAML contractgen accepts
    indent, offset = _layout(text)
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=indent, sequence=indent + offset, offset=offset)
    data = yaml.load(text)
    target = data.get("overrides")
    if not isinstance(target, dict):
        target = data["overrides"] = CommentedMap()
    for key, value in overrides.items():
        target[key] = LiteralScalarString(value.rstrip("\n") + "\n")
    out = io.StringIO()
    yaml.dump(data, out)
    new = out.getvalue()
    handle, temp = tempfile.mkstemp(dir=Path(path).parent, prefix=f".{Path(path).name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(new)
    os.replace(temp, path)
    return new


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
