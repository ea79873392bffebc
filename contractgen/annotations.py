"""Problems as GitHub Actions annotations (`::error file=…,line=…::message`) instead of plain lines.

A problem line of contractgen reads ``path:line: message``, ``path:line:column: message`` or
``path: message`` (optionally starting with ``warning:``); anything else becomes an annotation
without a location. Paths are made relative to the current folder (the checkout on a runner).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_LOCATED = re.compile(r"^(?P<file>[^\s:][^:]*?):(?P<line>[0-9]+)(?::(?P<col>[0-9]+))?: (?P<message>.+)$", re.DOTALL)
_FILE = re.compile(r"^(?P<file>[^\s:]+\.(?:ya?ml|md|toml|lock|json|j2|css|docx|pdf|ttf)): (?P<message>.+)$", re.DOTALL)


def use_github(choice: str | None) -> bool:
    """Return whether problems print as GitHub annotations: --format github, or GITHUB_ACTIONS=true without --format."""
    if choice:
        return choice == "github"
    return os.environ.get("GITHUB_ACTIONS", "").lower() == "true"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _relative(path: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            return candidate.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return path
    return candidate.as_posix()


def annotation(line: str, level: str = "error") -> str:
    """Return one problem line as a GitHub workflow command (error, warning or notice)."""
    text = line.strip()
    if text.startswith("warning: "):
        level, text = "warning", text[len("warning: ") :]
    match = _LOCATED.match(text) or _FILE.match(text)
    if match is None:
        return f"::{level}::{_escape_data(text)}"
    message = match.group("message")
    if message.startswith("warning: "):
        level, message = "warning", message[len("warning: ") :]
    props = [f"file={_escape_property(_relative(match.group('file')))}"]
    if match.groupdict().get("line"):
        props.append(f"line={match.group('line')}")
    if match.groupdict().get("col"):
        props.append(f"col={match.group('col')}")
    return f"::{level} {','.join(props)}::{_escape_data(message)}"
