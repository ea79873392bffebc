"""Two people saved the same deal: their changes and yours merged line by line, as git merges a file.

The form carries the text it was opened from; with it, `git merge-file` (git is what records the
rounds of a deal) merges your working text and the file saved meanwhile. Changes on different lines
merge; changes to the same lines are conflicts, shown side by side for the lawyer to choose.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contractgen.errors import MergeUnavailable

MINE, THEIRS = "your version", "the saved version"
_SIDE = {"mine": ["--ours"], "theirs": ["--theirs"]}


@dataclass
class Conflict:
    """Lines both people changed: yours and theirs."""

    mine: str
    theirs: str


def merge_texts(original: str, mine: str, theirs: str, keep: str = "") -> tuple[str, list[Conflict]]:
    """Merge `mine` and `theirs`, both changed from `original`; return the merged text and the conflicts.

    keep="mine" or "theirs" settles each conflict with that side's lines (the text then has no markers).
    """
    with tempfile.TemporaryDirectory(prefix="contractgen-merge-") as folder:
        paths = []
        for name, text in (("mine", mine), ("original", original), ("theirs", theirs)):
            path = Path(folder) / name
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        try:
            done = subprocess.run(
                ["git", "merge-file", "-p", *_SIDE.get(keep, []), "-L", MINE, "-L", "original", "-L", THEIRS, *paths],
                capture_output=True,
                timeout=30,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise MergeUnavailable(f"the two versions could not be merged: {exc}") from None
    if done.returncode < 0 or done.returncode > 127:
        raise MergeUnavailable("the two versions could not be merged: " + done.stderr.decode("utf-8", "replace"))
    merged = done.stdout.decode("utf-8")
    return merged, _conflicts(merged) if done.returncode and not keep else []


def _pieces(marked: str) -> Iterator[str | Conflict]:
    """The lines of a merged text outside conflicts, and each conflict (between git's markers) as one piece."""
    side, mine, theirs = "", list[str](), list[str]()
    for line in marked.splitlines(keepends=True):
        if line.startswith("<<<<<<< "):
            side, mine, theirs = "mine", list[str](), list[str]()
        elif line.startswith("=======") and side == "mine":
            side = "theirs"
        elif line.startswith(">>>>>>> ") and side == "theirs":
            yield Conflict("".join(mine), "".join(theirs))
            side = ""
        elif side == "mine":
            mine.append(line)
        elif side == "theirs":
            theirs.append(line)
        else:
            yield line


def resolve(marked: str, choices: list[str]) -> str:
    """Settle each conflict of a merged text (with git's markers) by its choice, "mine" or "theirs" (mine if none)."""
    out: list[str] = []
    number = 0
    for piece in _pieces(marked):
        if isinstance(piece, Conflict):
            chosen = choices[number] if number < len(choices) else "mine"
            out.append(piece.theirs if chosen == "theirs" else piece.mine)
            number += 1
        else:
            out.append(piece)
    return "".join(out)


def chosen_text(form: Any) -> str:
    """The merged text a conflict form sends (`_marked`) with each conflict settled as chosen (`_choice-N`)."""
    marked = str(form.get("_marked", "")).replace("\r\n", "\n")
    count = sum(line.startswith("<<<<<<< ") for line in marked.splitlines())
    return resolve(marked, [str(form.get(f"_choice-{n}", "mine")) for n in range(count)])


def _conflicts(merged: str) -> list[Conflict]:
    return [piece for piece in _pieces(merged) if isinstance(piece, Conflict)]
