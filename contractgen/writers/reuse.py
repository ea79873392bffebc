"""Whole outputs taken from the signed cache when every input they are printed from is the same.

A contract's DOCX or PDF is a function of its document model, the template folder, the PDF's page
numbers (for the DOCX's contents), the attachments, SOURCE_DATE_EPOCH, the way the PDF is laid out
(whole or in parts) and the code that prints it (contractgen's own source, python-docx, WeasyPrint,
pikepdf, fontTools). The key names all of them, so an entry is only ever found for the same bytes
and a cold cache prints what a warm one returns; a build run again over unchanged inputs
(``build --rebuild``) prints nothing twice. The cache in use is the one ``writers.pdf.cache``
opens (a contracts repository's ``.contractgen/cache`` during ``build``); without one nothing is
kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import threading
import zlib
from importlib import metadata
from pathlib import Path

import contractgen

_DIGESTS: dict[tuple, str] = {}
_VERSIONS: dict[str, str] = {}
_LOCK = threading.Lock()
# everything that turns a document model into bytes: the layout's Jinja2, WeasyPrint and what it
# parses, shapes, hyphenates and compresses with, python-docx, pikepdf (qpdf) and fontTools
PRINTING_LIBRARIES = (
    "python-docx",
    "lxml",
    "jinja2",
    "markupsafe",
    "weasyprint",
    "pydyf",
    "tinyhtml5",
    "tinycss2",
    "cssselect2",
    "pyphen",
    "pillow",
    "pikepdf",
    "fonttools",
)


def file_digest(path: Path) -> str:
    """Return a file's SHA-256, kept per file version (path, mtime, size) in this process."""
    info = path.stat()
    key = (str(path), info.st_mtime_ns, info.st_size)
    with _LOCK:
        found = _DIGESTS.get(key)
    if found is None:
        found = hashlib.sha256(path.read_bytes()).hexdigest()
        with _LOCK:
            _DIGESTS[key] = found
    return found


def tree_digest(folder: Path, pattern: str = "*") -> str:
    """Return a digest of the files under `folder` matching `pattern` (relative path and content; no caches)."""
    digest = hashlib.sha256()
    folder = Path(folder)
    found = (p for p in folder.rglob(pattern) if "__pycache__" not in p.parts and p.is_file())
    for path in sorted(found):
        digest.update(f"{path.relative_to(folder).as_posix()}\0{file_digest(path)}\n".encode())
    return digest.hexdigest()


def code_identity() -> str:
    """Return what names the printing code: contractgen's version and source, the printing libraries' versions.

    The source is hashed as well as the version, since a checkout edited in place keeps its version;
    worked out once per process (the code a process runs does not change under it).
    """
    with _LOCK:
        if "identity" in _VERSIONS:
            return _VERSIONS["identity"]
    versions = []
    for name in PRINTING_LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}\n")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} not installed\n")
    versions.append(f"python {sys.version}\nzlib {zlib.ZLIB_RUNTIME_VERSION}\n")
    source = tree_digest(Path(contractgen.__file__).parent, "*.py")
    identity = f"contractgen {contractgen.__version__}\n{source}\n{''.join(versions)}"
    with _LOCK:
        _VERSIONS["identity"] = identity
    return identity


def output_key(
    document, template_dir: Path, fmt: str, attachments: dict[str, bytes] | None, pages: dict | None, layout: str
) -> str:
    """Return the cache key of one contract output: every input its bytes depend on."""
    from contractgen.writers.pdf.cache import content_key

    attached = "".join(
        f"{name}\0{hashlib.sha256(data).hexdigest()}\n" for name, data in sorted((attachments or {}).items())
    )
    return content_key(
        "contractgen output",
        fmt,
        layout,
        system_libraries() if fmt == "pdf" else "",
        os.environ.get("SOURCE_DATE_EPOCH", "").strip(),
        code_identity(),
        tree_digest(template_dir),
        json.dumps(pages, sort_keys=True) if pages is not None else "",
        attached,
        # the model's pickle names every field's value (loading it gives an equal document) and is
        # fifteen times quicker than its JSON; a different sharing of equal objects only misses
        pickle.dumps(document, protocol=5),
    )


def system_libraries() -> str:
    """Return the versions of the system libraries WeasyPrint lays text out with (Pango, HarfBuzz)."""
    with _LOCK:
        if "system" in _VERSIONS:
            return _VERSIONS["system"]
    from contractgen.writers.pdf import engine

    found = engine.text_libraries()
    with _LOCK:
        _VERSIONS["system"] = found
    return found


def printed(key: str, make) -> bytes:
    """Return the output cached under `key`, else `make()` (kept for the next time when a cache is open)."""
    from contractgen.writers.pdf.cache import cached_blob

    return cached_blob(key, make)
