"""The build journal: each deal's new lock entry is on disk before its outputs are replaced.

`build` replaces outputs deal by deal and writes contractgen.lock once, at the end. A build killed in
between (SIGKILL, a power cut, a full disk) would leave outputs the lock does not describe, and the next
build would call them "edited by hand". So before a deal's files are replaced, its new lock entry is
appended to ``contractgen.lock.journal`` (one JSON line, flushed to disk), and the journal is deleted once
the lock is written. The next assessment reads a journal left behind: an entry whose files on disk all
match it is taken as the deal's lock entry (that deal was written completely), and a file matching the
journal rather than the lock counts as written by contractgen, so the interrupted deal is simply rendered
again — no --force, nothing reported as edited by hand.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from contractgen import safefs
from contractgen.errors import OutputError

SUFFIX = ".journal"


def journal_path(lock_path: Path) -> Path:
    """Return where a build journals the lock it is writing (beside it)."""
    return Path(lock_path).with_name(Path(lock_path).name + SUFFIX)


class Journal:
    """The entries of one build, appended and flushed to disk one deal at a time."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._fd: int | None = None

    def record(self, deal: str, entry: dict[str, Any]) -> None:
        """Append a deal's new lock entry and flush it to disk (before any of its files is replaced)."""
        line = json.dumps({"deal": deal, "entry": entry}, sort_keys=True, ensure_ascii=False) + "\n"
        try:
            if self._fd is None:  # never through a link: O_NOFOLLOW
                flags = (
                    os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
                )
                self._fd = os.open(self.path, flags, 0o644)
            os.write(self._fd, line.encode("utf-8"))
            os.fsync(self._fd)
        except OSError as exc:  # e.g. a full disk: nothing of this deal has been replaced yet
            raise OutputError(f"{self.path}: cannot write: {exc.strerror or exc}") from None

    def close(self, finished: bool) -> None:
        """Close the journal; delete it when the lock now describes every file written (`finished`)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if finished:
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass


def read_journal(path: Path) -> dict[str, dict[str, Any]]:
    """Return {deal: entry} from a journal a killed build left (the last entry of a deal wins); {} without one."""
    raw = safefs.read_if_possible(path, Path(path).parent)
    if raw is None:
        return {}
    entries: dict[str, dict[str, Any]] = {}
    for line in raw.decode("utf-8", "replace").splitlines():
        try:  # the last line may be torn: the build was killed while writing it
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and isinstance(record.get("deal"), str) and isinstance(record.get("entry"), dict):
            entries[record["deal"]] = record["entry"]
    return entries


def written_files(entry: dict[str, Any], model: str) -> dict[str, str]:
    """Return {path: sha256} of every file a lock entry describes: outputs, the model, redlines."""
    files = dict(entry.get("outputs") or {})
    if entry.get("model_sha256"):
        files[model] = entry["model_sha256"]
    files.update(((entry.get("redlines") or {}).get("files")) or {})
    return files
