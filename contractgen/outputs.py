"""Write output files atomically: a complete new file or the old one, never half of either."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from contractgen.errors import OutputError
from contractgen.safefs import writable_folder

TEMP_PREFIX = ".contractgen-"
TEMP_SUFFIX = ".tmp"


def write_atomically(target: Path, data: bytes, mode: int = 0o644, root: Path | None = None) -> None:
    """Write data to a temporary file beside target, flush it to disk, then rename it over target.

    With `root`, the folder written into must lie inside root (a link out of the repository is refused).
    """
    target = Path(target)
    if root is not None:
        writable_folder(target.parent, root)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, mode & ~_umask())
        # os.replace swaps the directory entry: a symlink at target is replaced, not followed.
        os.replace(temp_name, target)
    except OSError as exc:
        _remove_quietly(temp_name)
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        _remove_quietly(temp_name)
        raise


def write_outputs(out_dir: Path, name: str, payloads: dict[str, bytes], root: Path | None = None) -> list[Path]:
    """Write each payload to out_dir/<name>.<format> (atomically, inside root when given), in order; return the paths."""
    written = []
    for fmt, data in payloads.items():
        target = Path(out_dir) / f"{name}.{fmt}"
        write_atomically(target, data, root=root)
        written.append(target)
    return written


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete temporary files a killed earlier run left in folder; return what was removed."""
    removed: list[Path] = []
    folder = Path(folder)
    if not folder.is_dir():
        return removed
    for path in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        if path.is_file() and not path.is_symlink():
            _remove_quietly(str(path))
            removed.append(path)
    return removed


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass
