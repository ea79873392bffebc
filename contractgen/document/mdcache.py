"""Read clause Markdown once per machine: the blocks of each rendered text kept under the text's digest.

Most of a deal's clauses render to the same text as for the previous render of it (or of another
deal), and what `reader.read_markdown` makes of a text depends only on that text and on the code of
the reader, its document model and markdown-it-py. So the blocks of every text read are kept, as a
pickle per text, in one store in the user's private cache folder (``safefs.cache_folder``, closed
to others: what is read back is trusted like the user's own code, never a repository's file), under
``sha256(code fingerprint, text)``; a render whose texts are all known never imports markdown-it.
Only a text read without error is kept (an error names the clause file and line, which the text
alone does not say). Every hit is unpickled afresh: transforms change blocks in place.

The store is bounded (STORE_ENTRIES texts, STORE_BYTES bytes, the entries used longest ago go first)
and written by `save` (the pipeline calls it after a build) when the process read a new text; two
processes saving at once lose at most the other's new entries. A missing, damaged or unwritable
store only costs the parse: a cold cache gives the same blocks.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from contractgen import safefs

FOLDER = "markdown"
STORE = "texts.pickle"
STORE_ENTRIES = 8192
STORE_BYTES = 8 * 1024 * 1024

_state: dict[str, Any] = {"entries": None, "folder": None, "fresh": 0}


@lru_cache(maxsize=1)
def fingerprint() -> bytes:
    """Return what besides the text decides the blocks: the reader's and model's code, markdown-it-py's."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in (here / "reader.py", here / "model.py", here / "mdcache.py"):
        digest.update(path.read_bytes())
    spec = find_spec("markdown_it")
    if spec is not None and spec.origin:  # its __init__ names its version
        digest.update(Path(spec.origin).read_bytes())
    return digest.digest()


def _entries() -> dict[str, bytes] | None:
    """Return the store of this process ({digest: pickled blocks}), read once; None when caching is off."""
    folder = safefs.cache_folder(FOLDER)
    if folder is None:
        return None
    if _state["entries"] is None or _state["folder"] != folder:
        _state.update(entries=_load(folder), folder=folder, fresh=0)
    entries: dict[str, bytes] = _state["entries"]
    return entries


def _load(folder: Path) -> dict[str, bytes]:
    try:
        with open(folder / STORE, "rb") as stream:
            entries = pickle.load(stream)  # noqa: S301 - the user's own 0700 folder (safefs.cache_folder)
    except Exception:  # noqa: BLE001 - a missing or damaged store is made again
        return {}
    return entries if isinstance(entries, dict) else {}


def key_of(text: str) -> str:
    """Return the store's key of a rendered text."""
    return hashlib.sha256(fingerprint() + b"\0" + text.encode("utf-8", "surrogatepass")).hexdigest()


def blocks_of(text: str, read: Callable[[], list[Any]]) -> list[Any]:
    """Return the blocks of `text`: a fresh copy of the stored ones, else `read()` (and store them)."""
    entries = _entries()
    if entries is None:
        return read()
    key = key_of(text)
    stored = entries.pop(key, None)
    if stored is not None:
        entries[key] = stored  # the most recently used last: saving drops from the front
        try:
            blocks: list[Any] = pickle.loads(stored)  # noqa: S301 - see _load
            return blocks
        except Exception:  # noqa: BLE001 - a damaged entry is read again
            pass
    blocks = read()
    try:
        entries[key] = pickle.dumps(blocks, protocol=pickle.HIGHEST_PROTOCOL)
        _state["fresh"] += 1
    except Exception:  # noqa: BLE001 - blocks that cannot be pickled are only not kept
        entries.pop(key, None)
    return blocks


def save() -> None:
    """Write the store when this process read texts it did not hold; keep it within its bounds."""
    entries, folder = _state["entries"], _state["folder"]
    if entries is None or folder is None or not _state["fresh"]:
        return
    merged = {**{k: v for k, v in _load(folder).items() if k not in entries}, **entries}
    keys = list(merged)
    size = sum(len(v) for v in merged.values())
    start = max(0, len(keys) - STORE_ENTRIES)
    size -= sum(len(merged[k]) for k in keys[:start])
    while start < len(keys) and size > STORE_BYTES:
        size -= len(merged[keys[start]])
        start += 1
    kept = {k: merged[k] for k in keys[start:]}
    temporary = ""
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(descriptor, "wb") as stream:
            pickle.dump(kept, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, folder / STORE)
    except Exception:  # noqa: BLE001 - a read-only or full disk only costs the next process the parse
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        return
    _state.update(entries=kept, fresh=0)
