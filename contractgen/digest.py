"""Hashes of source files (deals, clause versions, template files) that ignore line endings.

A checkout with CRLF line endings (git on Windows, core.autocrlf) must not look changed: text files
hash as if every CRLF were LF. Files with a NUL byte near the start (fonts, images) are binary and
hash as they are; outputs (DOCX, PDF) are always hashed byte for byte elsewhere.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def normalise_line_endings(raw: bytes) -> bytes:
    """Return a text file's bytes with CRLF turned into LF; binary files (a NUL in the first 8 KiB) unchanged."""
    if b"\0" in raw[:8192] or b"\r\n" not in raw:
        return raw
    return raw.replace(b"\r\n", b"\n")


def source_sha256(raw: bytes) -> str:
    """Return the hex SHA-256 of a source file's bytes with line endings normalised."""
    return hashlib.sha256(normalise_line_endings(raw)).hexdigest()


def source_file_sha256(path: Path) -> str | None:
    """Return source_sha256 of a file, or None when it cannot be read."""
    try:
        return source_sha256(Path(path).read_bytes())
    except OSError:
        return None
