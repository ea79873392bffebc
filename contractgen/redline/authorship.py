"""Who a redline's tracked changes are by, and when they were made.

Word shows each tracked change with its author and date. They are the person who made the redline
(`--author`, else git's user.name, else "contractgen") and the moment it was made: SOURCE_DATE_EPOCH
when set (reproducible builds), else, in a build, the time of the commit being built (so every shard
and re-run of one commit writes the same bytes), else now.
"""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

DEFAULT_AUTHOR = "contractgen"


def _git(folder: Path | None, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *(["-C", str(folder)] if folder else []), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def redline_author(author: str | None = None, folder: Path | None = None) -> str:
    """The author of the tracked changes: `author`, else git's user.name, else "contractgen"."""
    return (author or "").strip() or _git(folder, "config", "user.name") or DEFAULT_AUTHOR


def redline_date(folder: Path | None = None, commit_time: bool = False) -> str:
    """When the redline is made, as W3C date-time in UTC (SOURCE_DATE_EPOCH, the commit's time, or now)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(epoch) if epoch.isdigit() else None
    if seconds is None and commit_time:
        committed = _git(folder, "log", "-1", "--format=%ct")
        seconds = int(committed) if committed.isdigit() else None
    moment = datetime.fromtimestamp(seconds, timezone.utc) if seconds is not None else datetime.now(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
