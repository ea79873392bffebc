"""Place the deal's own words in the resolved contract: riders after their clause, overrides on theirs.

A rider becomes a slot of its own (numbered and cross-referenced like a clause); an override stays
with the library clause it replaces (keyed by the clause id) or whose paragraph it replaces (keyed by
the paragraph's {#anchor} in the clause's source), so the lock, `impact` and `explain` know which
library clause the deal departs from.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from contractgen.errors import LibraryError, Problem

RIDER, OVERRIDE = "rider", "override"


@dataclass(frozen=True)
class DealText:
    """Words the deal itself writes into the contract: a rider, or its own text for a clause or a paragraph."""

    kind: str  # "rider" | "override"
    key: str  # the rider's anchor, or the overridden clause id or paragraph anchor
    path: str  # where the deal writes it: "riders[0]", "overrides.limitation-of-liability"
    text: str
    title: str = ""  # a rider's heading
    clause: str = ""  # the library clause it replaces or departs from (for a rider: the clause it follows)
    paragraph: str = ""  # the anchor of the paragraph an override replaces ("" for the whole clause)
    slot: str = ""  # the outline slot it prints in (the id cross-references and the document use)

    @property
    def sha256(self) -> str:
        """Return the SHA-256 of what the deal writes (title and text), for the lock."""
        return hashlib.sha256(f"{self.title}\n{self.text}".encode("utf-8")).hexdigest()

    def describe(self) -> str:
        """Return how reports name it: "rider earn-back (after service-credits)", "override of clause costs"."""
        if self.kind == RIDER:
            return f"rider {self.key} ({self.title}), after {self.clause}"
        if self.paragraph:
            return f"override of paragraph {self.paragraph} of clause {self.clause}"
        return f"override of clause {self.clause}"


def _anchored(body: str, anchor: str) -> bool:
    return re.search(r"\{#" + re.escape(anchor) + r"\}[ \t]*$", body, re.MULTILINE) is not None


def attach_deal_texts(contract: Any, deal: Any, slots: dict[str, Any], deal_file: str, rider_slot: Any) -> None:
    """Add the deal's riders and overrides to a ResolvedContract, or raise LibraryError naming each misplaced one.

    `rider_slot(text)` makes the outline slot of a rider (a Resolution).
    """
    riders = list(getattr(deal, "riders", None) or [])
    overrides = dict(getattr(deal, "overrides", None) or {})
    if not riders and not overrides:
        return
    problems: list[Problem] = []
    printed = {}  # every id that answers in the contract: slot id and the clause actually used
    left_out = {}
    for part in contract.parts:
        for slot in part.clauses:
            if part.included and slot.version is not None:
                printed[slot.id] = printed[slot.version.id] = (part, slot)
            else:
                left_out[slot.id] = slot.reason
    for index, rider in enumerate(riders):
        path, anchor = f"riders[{index}]", rider.anchor
        if anchor in slots or anchor in printed:
            problems.append(
                Problem(
                    deal_file,
                    None,
                    f"{path}.id",
                    f"'{anchor}' is already a clause of the template; give the rider another id",
                )
            )
            continue
        where = printed.get(rider.after)
        if where is None:
            if rider.after in slots:
                message = f"clause '{rider.after}' is not in this contract ({left_out.get(rider.after, 'its variant is not used')})"
            else:
                message = f"no clause or rider '{rider.after}' in this contract"
            problems.append(Problem(deal_file, None, f"{path}.after", message))
            continue
        part, after = where
        text = DealText(RIDER, anchor, path, rider.text, rider.title, clause=rider.after, slot=anchor)
        slot = rider_slot(text)
        part.clauses.insert(part.clauses.index(after) + 1 + _riders_after(part.clauses, after), slot)
        printed[anchor] = (part, slot)
    whole = {key for key in overrides if key in printed}
    for key, text in sorted(overrides.items()):
        path = f"overrides.{key}"
        if key in printed:
            _, slot = printed[key]
            if slot.rider is not None:
                problems.append(
                    Problem(deal_file, None, path, f"'{key}' is a rider of this deal: change its text in riders")
                )
                continue
            slot.overrides += (DealText(OVERRIDE, key, path, text, clause=slot.version.id, slot=slot.id),)
            continue
        if key in slots:
            why = left_out.get(key, "its variant is not used")
            problems.append(Problem(deal_file, None, path, f"clause '{key}' is not in this contract ({why})"))
            continue
        owners = [
            (part, slot)
            for part, slot in dict((id(s), (p, s)) for p, s in printed.values()).values()
            if slot.version is not None and _anchored(slot.version.body, key)
        ]
        if not owners:
            problems.append(Problem(deal_file, None, path, f"no clause or paragraph anchor '{key}' in this contract"))
            continue
        _, slot = owners[0]
        if slot.id in whole or slot.version.id in whole:
            problems.append(
                Problem(
                    deal_file,
                    None,
                    path,
                    f"paragraph '{key}' is in clause '{slot.id}', which "
                    f"overrides.{slot.id if slot.id in whole else slot.version.id} already replaces whole",
                )
            )
            continue
        slot.overrides += (DealText(OVERRIDE, key, path, text, clause=slot.version.id, paragraph=key, slot=slot.id),)
    if problems:
        raise LibraryError(problems=problems)


def _riders_after(clauses: list, after: Any) -> int:
    """How many riders already follow `after` (a second rider after the same clause goes after the first)."""
    count, index = 0, clauses.index(after) + 1
    while index < len(clauses) and clauses[index].rider is not None:
        count, index = count + 1, index + 1
    return count
