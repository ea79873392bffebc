"""Edits made without tracking: their file's paragraphs aligned with ours, clause by clause.

Their text here is each paragraph before their tracked changes, so only the edits they made with
tracking off show. Within a clause (or the cover, or the signature page) the paragraphs are aligned
as a sequence: a paragraph of ours missing from theirs was deleted, one only they have was added,
and one of ours replaced by theirs is paired with the most alike of theirs (half alike at least).
"""

from __future__ import annotations

import difflib
import io
import zipfile
from typing import Any
from collections.abc import Callable

from contractgen.redline.docxread import W, Spot, parse, read_part, readings, spots


def untracked(
    ours: bytes, found: list[Spot], clauses: dict, paragraphs: dict, make: Callable[..., Any]
) -> list[tuple[int, Any]]:
    """Their edits made without tracking, (their paragraph's place in the file, the change `make` builds).

    `make(key, model, spot, before, after)` builds one change: `key` the clause id or frame, `model`
    a spot of ours to name its clause by, `spot` our paragraph (None for one they added).
    """
    our_xml = read_part(zipfile.ZipFile(io.BytesIO(ours)), "word/document.xml")
    our_spots = list(spots(parse(our_xml or f"<w:document xmlns:w='{W}'/>".encode()), clauses, paragraphs, None))

    def grouped(found: list[Spot]) -> dict[str, list[tuple[int, Spot, str]]]:
        out: dict[str, list[tuple[int, Spot, str]]] = {}
        for index, spot in enumerate(found):
            before, after, _ = readings(spot.p)
            if not spot.heading and (before or not after):  # a paragraph they added with tracking is not ours
                out.setdefault(spot.key, []).append((index, spot, before))
        return out

    mine, theirs = grouped(our_spots), grouped(found)
    changes: list[tuple[int, Any]] = []
    for key in list(mine) + [k for k in theirs if k not in mine]:
        a, b = mine.get(key, []), theirs.get(key, [])
        opcodes = difflib.SequenceMatcher(None, [t for *_, t in a], [t for *_, t in b], autojunk=False).get_opcodes()
        for op, a1, a2, b1, b2 in opcodes:
            if op == "equal":
                continue
            last = a[a1 - 1][1] if a1 else None
            for o, t in unchanged_pairs(a[a1:a2], b[b1:b2]):
                if (o[2] if o else "") == (t[2] if t else ""):
                    continue  # an empty paragraph more or less: no words changed
                at = t[0] if t else (b[b1][0] if b1 < len(b) else (b[-1][0] + 1 if b else 0))
                spot = o[1] if o else None
                change = make(key, spot or last or t[1], spot, o[2] if o else "", t[2] if t else "")
                if spot is None:
                    change.position = last.position if last is not None else -1
                last = spot or last
                changes.append((at, change))
    return changes


def unchanged_pairs(ours: list, theirs: list) -> list[tuple[Any, Any]]:
    """Pair our paragraphs with theirs in order, each with the most alike of theirs left (half alike at least).

    An unpaired one of ours they deleted; an unpaired one of theirs they added.
    """
    out: list[tuple[Any, Any]] = []
    j = 0
    for mine in ours:
        best = None
        for k in range(j, len(theirs)):
            ratio = difflib.SequenceMatcher(None, mine[2], theirs[k][2], autojunk=False).ratio()
            if ratio >= 0.5 and (best is None or ratio > best[1]):
                best = (k, ratio)
        if best is None:
            out.append((mine, None))
            continue
        out += [(None, added) for added in theirs[j : best[0]]]
        out.append((mine, theirs[best[0]]))
        j = best[0] + 1
    return out + [(None, added) for added in theirs[j:]]
