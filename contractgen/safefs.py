"""Files of a repository that may be hostile: no link leads out of it, no special file is read, no read is unbounded.

A contracts repository arrives by pull request, so any of its files may be a symbolic link to a file
elsewhere (a credential, another project's file) or to a device such as /dev/zero. Every read of a
repository file and every write into it goes through this module: the real location must lie inside
the folder it belongs to, the file must be a regular file, and a read never takes more than a limit.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from contractgen.errors import UnsafePathError

MAX_READ = 64 * 1024 * 1024  # the largest repository file read whole (an output PDF, a font, a reference.docx)
_CHUNK = 1024 * 1024


def inside(path: str | Path, root: str | Path) -> Path:
    """Return the real location of path; UnsafePathError when a link takes it outside root."""
    real = Path(os.path.realpath(path))
    base = Path(os.path.realpath(root))
    if real != base and not real.is_relative_to(base):
        raise UnsafePathError(f"{path}: a symbolic link leads outside {root} (to {real}); refused")
    return real


def is_inside(path: str | Path, root: str | Path) -> bool:
    """Return whether path's real location lies inside root."""
    try:
        inside(path, root)
    except UnsafePathError:
        return False
    return True


def _open_regular(path: str | Path, root: str | Path | None) -> tuple[int, os.stat_result]:
    """Open a regular file for reading (inside root when given); return its descriptor and status."""
    real = inside(path, root) if root is not None else Path(path)
    # O_NONBLOCK: opening a FIFO must not wait for a writer; the file type is checked right after.
    fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    return fd, _regular_status(fd, path)


def _regular_status(fd: int, path: str | Path) -> os.stat_result:
    """The status of an open file that must be a regular one; the descriptor is closed if it is not."""
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePathError(f"{path}: not a regular file (a device, pipe, socket or folder); refused")
    except BaseException:
        os.close(fd)
        raise
    return info


def read_bytes(path: str | Path, root: str | Path | None = None, limit: int = MAX_READ) -> bytes:
    """Return a regular file's bytes (inside root when given); UnsafePathError past `limit` bytes."""
    fd, info = _open_regular(path, root)
    return _read_open(fd, path, limit, info)


def _read_open(fd: int, path: str | Path, limit: int, info: os.stat_result | None = None) -> bytes:
    """Read a whole file opened for reading (closed after): a regular file of at most `limit` bytes."""
    if info is None:
        info = _regular_status(fd, path)
    with os.fdopen(fd, "rb") as stream:
        if info.st_size > limit:
            raise UnsafePathError(f"{path}: larger than {limit // (1024 * 1024)} MiB; refused")
        want = min(limit, info.st_size) + 1  # read(limit + 1) would allocate the whole limit for every file
        data = stream.read(want)
        if len(data) == want and want <= limit:  # it grew since: read on, up to the limit
            data += stream.read(limit + 1 - want)
    if len(data) > limit:
        raise UnsafePathError(f"{path}: larger than {limit // (1024 * 1024)} MiB; refused")
    return data


def tree_reader(root: str | Path, limit: int = MAX_READ) -> Callable[[str | Path], bytes]:
    """Return read(path), which is read_bytes(path, root, limit) for many files under one root.

    The root's and each folder's real location are found once (a library of hundreds of clause
    files shares a few folders); a file that is itself a link is resolved and checked whole, and
    any other file is opened without following a link its name may have become since.
    """
    base = os.path.realpath(root)
    folders: dict[str, str] = {}

    def read(path: str | Path) -> bytes:
        folder, name = os.path.split(os.fspath(path))
        if name in ("", ".", "..") or os.path.islink(path):
            return read_bytes(path, root, limit)
        real_folder = folders.get(folder)
        if real_folder is None:
            real_folder = folders[folder] = os.path.realpath(folder or ".")
        if real_folder != base and not real_folder.startswith(base.rstrip(os.sep) + os.sep):
            raise UnsafePathError(f"{path}: a symbolic link leads outside {root} (to {real_folder}); refused")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(os.path.join(real_folder, name), flags)
        return _read_open(fd, path, limit)

    return read


def read_head(path: str | Path, root: str | Path | None = None, limit: int = MAX_READ) -> bytes:
    """Return at most `limit` bytes from the start of a regular file (inside root when given)."""
    fd, _info = _open_regular(path, root)
    with os.fdopen(fd, "rb") as stream:
        return stream.read(limit)


def read_text(path: str | Path, root: str | Path | None = None, limit: int = MAX_READ) -> str:
    """Return a regular file's UTF-8 text (inside root when given); UnicodeDecodeError as str.decode raises."""
    return read_bytes(path, root, limit).decode("utf-8")


def read_if_possible(path: str | Path, root: str | Path | None = None, limit: int = MAX_READ) -> bytes | None:
    """Return a regular file's bytes, or None when it is missing, unreadable, special, outside root or too large."""
    try:
        return read_bytes(path, root, limit)
    except (OSError, UnsafePathError):
        return None


def sha256_file(path: str | Path, root: str | Path | None = None) -> str | None:
    """Return the hex SHA-256 of a regular file, or None when it is missing, unreadable, special or outside root."""
    try:
        fd, _info = _open_regular(path, root)
    except (OSError, UnsafePathError):
        return None
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "rb") as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def is_regular_file(path: str | Path, root: str | Path | None = None) -> bool:
    """Return whether path is a regular file (after links), inside root when given."""
    try:
        if root is not None:
            inside(path, root)
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, UnsafePathError):
        return False


def writable_folder(folder: str | Path, root: str | Path) -> Path:
    """Return folder's real location for writing into it; UnsafePathError when a link takes it outside root."""
    real = inside(folder, root)
    if real.exists() and not real.is_dir():
        raise UnsafePathError(f"{folder}: not a folder; refused")
    return real


# ---------------------------------------------------------------- the user's private cache

CACHE_OFF = "off"
CACHE_ENTRIES = 32  # entries kept per cache folder (the newest); one library edit adds one


def cache_folder(name: str) -> Path | None:
    """Return the user's private cache folder `name`, or None when caching is off or the folder is unsafe.

    The base is ``$CONTRACTGEN_CACHE_DIR`` (``off`` turns every cache off), else
    ``$XDG_CACHE_HOME/contractgen`` or ``~/.cache/contractgen``. The folder must be owned by the
    user and closed to others (0700): what is read back from it is trusted like the user's own code.
    """
    configured = os.environ.get("CONTRACTGEN_CACHE_DIR", "").strip()
    if configured.lower() == CACHE_OFF:
        return None
    if configured:
        base = Path(configured)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        base = (Path(xdg) if xdg else Path.home() / ".cache") / "contractgen"
    folder = base / name
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = os.lstat(folder)
    except (OSError, RuntimeError):
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or stat.S_IMODE(info.st_mode) & 0o077:
        return None  # someone else could plant data here: work without the cache
    return folder


def cached(name: str, key: str, make, entries: int = 0):
    """Return ``make()``, kept between processes in the private cache folder `name` under `key`.

    `key` must name everything the value depends on (content hashes of the inputs and a version of
    the code that makes it): an entry is never checked, only found. A missing, damaged or
    unwritable entry only costs a call of `make`; only the newest `entries` (default CACHE_ENTRIES) are kept.
    """
    folder = cache_folder(name)
    if folder is None:
        return make()
    path = folder / f"{key}.pickle"
    try:
        with open(path, "rb") as stream:
            return pickle.load(stream)  # noqa: S301 - the user's own 0700 folder (cache_folder)
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged entry is made again
        pass
    value = make()
    temporary = ""
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        kept = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in kept[(entries or CACHE_ENTRIES) :]:
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a read-only or full disk only costs the next process the work
        if temporary:
            Path(temporary).unlink(missing_ok=True)
    return value
