"""The content-addressed cache of laid-out PDF parts (a contracts repository's ``.contractgen/cache``).

A part's PDF depends only on its own elements, the page they sit in (the head, the html and body
attributes), the stylesheet, the fonts and the versions of WeasyPrint and contractgen, never on
its page offset (the frame prints the page numbers). So a part whose key is in the cache is taken
from it instead of laid out: after a one-clause edit only the parts holding that clause are laid
out again. An entry is two files, ``<key>.pdf`` and ``<key>.json`` (the page facts and an HMAC of
key, PDF and facts under a secret kept in the user's private cache folder, ``safefs.cache_folder``:
an entry this user did not write on this machine, e.g. one committed to the repository, is never
used, since it would put text in a contract that no clause says; JSON, never pickle). A cache
folder that a symbolic link takes outside the repository is not used.
The folder is bounded: past its size (``CONTRACTGEN_PDF_CACHE_MB``, default 256) the entries used
longest ago are removed. A process lists the folder at its first write and again only when what it
wrote since could pass the bound, so the folder can pass it by what other processes write meanwhile
(a build's contracts in flight) until the next listing. A cold cache gives the same bytes as a warm one.

The frame's pages (cover, contents, page furniture: ``writers.pdf.furniture``) are kept as a part is.
Beside them, the same folder keeps other signed blobs (``<key>.bin``, ``load_blob`` and
``store_blob``) under keys that name all their inputs: a whole contract PDF or DOCX whose inputs
did not change, the chunks of a long part and their index, and merged font subsets of the join.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from pathlib import Path

SIZE_SETTING = "CONTRACTGEN_PDF_CACHE_MB"
DEFAULT_MB = 256
FOLDER = "pdf-parts"

_STATE: dict = {"dir": None}
_LOCK = threading.Lock()


@contextlib.contextmanager
def part_cache(folder: Path | None, root: Path | None = None):
    """Use `folder` (e.g. <repository>/.contractgen/cache, inside `root`) for laid-out parts within the block.

    None, a folder that leads outside `root`, or no private secret (caching off): no cache.
    """
    from contractgen import safefs

    target = Path(folder) / FOLDER if folder is not None else None
    if target is not None and root is not None and not safefs.is_inside(target, root):
        target = None
    if target is not None and _secret() is None:
        target = None
    with _LOCK:
        before = _STATE["dir"]
        _STATE["dir"] = target
    try:
        yield
    finally:
        with _LOCK:
            _STATE["dir"] = before


def cache_dir() -> Path | None:
    """Return the folder of cached parts in use, or None."""
    return _STATE["dir"]


def _secret() -> bytes | None:
    """Return this user's secret for the entries' HMACs (made once, 0600 in the private cache folder), or None."""
    import secrets

    from contractgen import safefs

    if _STATE.get("secret"):
        return _STATE["secret"]
    folder = safefs.cache_folder("pdf-parts")
    if folder is None:
        return None
    path = folder / "secret"
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    except OSError:
        return None
    else:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(secrets.token_bytes(32))
    try:
        data = safefs.read_bytes(path, folder, 64)
    except Exception:  # an unreadable secret: work without the cache
        return None
    if len(data) != 32:
        return None
    _STATE["secret"] = data
    return data


def _mac(key: str, pdf: bytes, pages: list) -> str | None:
    """Return the entry's HMAC (key, PDF bytes and page facts as canonical JSON), or None without a secret."""
    import hmac

    secret = _secret()
    if secret is None:
        return None
    facts = json.dumps(pages, sort_keys=True).encode("utf-8")
    message = key.encode("ascii") + b"\0" + hashlib.sha256(pdf).digest() + b"\0" + facts
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def limit_bytes() -> int:
    """Return the cache's size bound in bytes (CONTRACTGEN_PDF_CACHE_MB, default 256)."""
    try:
        megabytes = float(os.environ.get(SIZE_SETTING, "") or DEFAULT_MB)
    except ValueError:
        megabytes = DEFAULT_MB
    return int(max(megabytes, 0) * 1024 * 1024)


def part_key(identity: str, part_markup: bytes) -> str:
    """Return a part's cache key: a hash of what the layout and its versions are, and of its own markup."""
    digest = hashlib.sha256(identity.encode("utf-8"))
    digest.update(b"\0")
    digest.update(part_markup)
    return digest.hexdigest()


def load(key: str):
    """Return the cached LaidOutPart of `key`, or None (missing, unreadable or not matching its hash)."""
    from contractgen.writers.pdf.parts import LaidOutPart, PartPage

    folder = cache_dir()
    if folder is None:
        return None
    try:
        facts = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        pdf = (folder / f"{key}.pdf").read_bytes()
    except (OSError, ValueError):
        return None
    import hmac

    if not isinstance(facts, dict) or not isinstance(facts.get("pages"), list):
        return None
    expected = _mac(key, pdf, facts["pages"])
    if expected is None or not hmac.compare_digest(str(facts.get("mac", "")), expected):
        return None  # not written by this user here, or damaged
    try:
        pages = [
            PartPage(
                width=float(page["width"]),
                height=float(page["height"]),
                name=str(page["name"]),
                links=[(str(kind), str(target), tuple(map(float, rect))) for kind, target, rect in page["links"]],
                anchors={str(name): tuple(map(float, where)) for name, where in page["anchors"].items()},
                bookmarks=[
                    (int(level), str(label), tuple(map(float, point)), str(state))
                    for level, label, point, state in page["bookmarks"]
                ],
            )
            for page in facts["pages"]
        ]
    except (KeyError, TypeError, ValueError):
        return None
    with contextlib.suppress(OSError):
        os.utime(folder / f"{key}.json")  # used now: the last to be removed
    return LaidOutPart(pdf, pages)


def content_key(kind: str, *pieces: bytes | str) -> str:
    """Return a blob's cache key: a hash of its kind and of every input named, each length-prefixed."""
    digest = hashlib.sha256(kind.encode("utf-8") + b"\0")
    for piece in pieces:
        data = piece.encode("utf-8") if isinstance(piece, str) else piece
        digest.update(b"%d\0" % len(data))
        digest.update(data)
    return digest.hexdigest()


def load_blob(key: str) -> bytes | None:
    """Return the cached bytes of `key`, or None (no cache, missing, or not signed by this user here)."""
    import hmac

    folder = cache_dir()
    if folder is None:
        return None
    try:
        facts = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        data = (folder / f"{key}.bin").read_bytes()
    except (OSError, ValueError):
        return None
    expected = _mac(key, data, [])
    if not isinstance(facts, dict) or facts.get("pages") != [] or expected is None:
        return None
    if not hmac.compare_digest(str(facts.get("mac", "")), expected):
        return None  # not written by this user here, or damaged
    with contextlib.suppress(OSError):
        os.utime(folder / f"{key}.json")  # used now: the last to be removed
    return data


def store_blob(key: str, data: bytes) -> None:
    """Write `data` under `key` (atomically, signed), then keep the folder within its bound."""
    folder = cache_dir()
    mac = _mac(key, data, []) if folder is not None else None
    if folder is None or mac is None:
        return
    _write(folder, key, ((".bin", data), (".json", json.dumps({"mac": mac, "pages": []}).encode("utf-8"))))


def cached_blob(key: str, make) -> bytes:
    """Return the cached bytes of `key`, else `make()` (stored when a cache is in use)."""
    found = load_blob(key)
    if found is None:
        found = make()
        store_blob(key, found)
    return found


def _write(folder: Path, key: str, files) -> None:
    """Write an entry's files atomically (data first, its signed facts last), then keep the folder in its bound."""
    written = 0
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for suffix, data in files:
            temporary = folder / f".{key}{suffix}.{os.getpid()}.tmp"
            temporary.write_bytes(data)
            os.replace(temporary, folder / f"{key}{suffix}")
            written += len(data)
    except OSError:
        return  # a cache that cannot be written only costs time
    limit = limit_bytes()
    with _LOCK:
        # the folder is listed again only when what this process has written since it last listed it could
        # pass the bound (listing a folder of thousands of entries at every write cost more than the writes)
        size = _SIZES.get((os.getpid(), folder))
        estimate = None if size is None else size + written
        if estimate is not None and estimate <= limit:
            _SIZES[(os.getpid(), folder)] = estimate
            return
    prune(folder, limit)


_SIZES: dict[tuple[int, Path], int] = {}  # (process, folder) -> its size when last listed, plus what was written since


def store(key: str, part) -> None:
    """Write a laid-out part under `key` (atomically), then keep the folder within its bound."""
    folder = cache_dir()
    if folder is None:
        return
    pages = [
        {
            "width": page.width,
            "height": page.height,
            "name": page.name,
            "links": [[kind, target, list(rect)] for kind, target, rect in page.links],
            "anchors": {name: list(where) for name, where in page.anchors.items()},
            "bookmarks": [[level, label, list(point), state] for level, label, point, state in page.bookmarks],
        }
        for page in part.pages
    ]
    pages = json.loads(json.dumps(pages))  # as it reads back (tuples become lists)
    mac = _mac(key, part.pdf, pages)
    if mac is None:
        return
    facts = {"mac": mac, "pages": pages}
    _write(folder, key, ((".pdf", part.pdf), (".json", json.dumps(facts, sort_keys=True).encode("utf-8"))))


def prune(folder: Path, limit: int) -> int:
    """Remove the entries used longest ago until the folder holds at most `limit` bytes; return how many."""
    entries: dict[str, list] = {}
    try:
        listing = list(os.scandir(folder))
    except OSError:
        return 0
    for item in listing:
        stem, _, suffix = item.name.rpartition(".")
        if suffix not in ("pdf", "bin", "json") or item.name.startswith("."):
            continue
        with contextlib.suppress(OSError):
            stat = item.stat()
            entry = entries.setdefault(stem, [0.0, 0])
            entry[1] += stat.st_size
            if suffix == "json":
                entry[0] = stat.st_mtime
    total = sum(size for _, size in entries.values())
    removed = 0
    for stem, (_, size) in sorted(entries.items(), key=lambda item: (item[1][0], item[0])):
        if total <= limit:
            break
        for suffix in (".json", ".pdf", ".bin"):
            with contextlib.suppress(OSError):
                (folder / f"{stem}{suffix}").unlink()
        total -= size
        removed += 1
    with _LOCK:
        _SIZES[(os.getpid(), folder)] = total
    return removed
