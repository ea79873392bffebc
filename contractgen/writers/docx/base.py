"""The base document a render starts from, kept in the user's cache (a render never needs python-docx for it).

Making it (writers/docx/reference.py: the template's reference.docx cleaned and checked, or one built
from styles.yaml) takes python-docx; what it makes depends only on those files' bytes and the code
that makes it. So it is kept in the user's private cache (``safefs.cached``) under the hash of the
reference.docx and styles.yaml bytes, of this package's code and of python-docx's and lxml's
versions; the next process reads it back. What cleaning dropped from a reference.docx is logged
once per process, from the cache too.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pathlib
from importlib.util import find_spec

from contractgen import safefs
from contractgen.errors import TemplateError, UnsafePathError
from contractgen.writers.docx.basedoc import MAX_REFERENCE_BYTES, Base, reference_path
from contractgen.writers.docx.styles import style_sheet_key

_LOGGED: set[str] = set()


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> bytes:
    """Return the hash of the code that makes a base document: this package, python-docx, lxml."""
    digest = hashlib.sha256()
    for path in sorted(pathlib.Path(__file__).resolve().parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in ("docx", "lxml"):
        spec = find_spec(name)
        if spec is not None and spec.origin:  # its __init__ names its version
            digest.update(pathlib.Path(spec.origin).read_bytes())
    from lxml import etree

    digest.update(repr(etree.LXML_VERSION).encode())
    return digest.digest()


def load_base(template_dir: pathlib.Path) -> Base:
    """Return the base document of a template: its reference.docx, else one built from styles.yaml."""
    sheet_key = style_sheet_key(template_dir)
    key = hashlib.sha256(code_fingerprint())
    sheet = safefs.read_if_possible(sheet_key[0], pathlib.Path(sheet_key[0]).parent.parent.parent)
    key.update(hashlib.sha256(sheet or b"").digest())
    path = reference_path(template_dir)
    if path.is_file() or path.is_symlink():
        # within the templates folder, a regular file, and bounded: a link out or to a device is refused
        safefs.inside(path, pathlib.Path(template_dir).parent)
        real = str(path.resolve())
        try:
            key.update(hashlib.sha256(safefs.read_bytes(real, limit=MAX_REFERENCE_BYTES)).digest())
        except (OSError, UnsafePathError) as exc:
            raise TemplateError(f"{real}: cannot be read ({exc})") from None
        base, dropped = _made(key.hexdigest(), real, sheet_key)
        if key.hexdigest() not in _LOGGED:  # once per process and version of the file
            _LOGGED.add(key.hexdigest())
            for warning in dropped:
                logging.getLogger("contractgen").warning("warning: %s", warning)
        return base
    return _made(key.hexdigest(), "", sheet_key)[0]


@functools.lru_cache(maxsize=8)
def _made(key: str, reference: str, sheet_key: tuple) -> tuple[Base, tuple[str, ...]]:
    """Return (base, what cleaning dropped) from the cache, else made (python-docx) and kept."""

    def make() -> tuple[Base, tuple[str, ...]]:
        from contractgen.writers.docx import reference as maker

        if reference:
            base, dropped = maker.from_reference(reference, sheet_key)
            return base, tuple(dropped)
        return maker.from_style_sheet(sheet_key), ()

    made: tuple[Base, tuple[str, ...]] = safefs.cached("docx-base", key, make)
    return made
