"""An arbitration written twice, in ``contract.jurisdiction`` and in ``disputes.arbitration``: what the two say is one
arbitration when they agree, each filling what the other leaves unsaid; only a real contradiction (another
institution, seat, venue, tribunal, language or choice of the emergency arbitrator or expedited procedure) is refused."""

from __future__ import annotations

from typing import Any

from contractgen.law.institutions import institution_of
from contractgen.law.seats import seat_place, trim_city

# the fields a contradiction is looked for in, and how a message names each
COMPARED = {
    "institution": "institution",
    "seat": "seat",
    "venue": "hearing venue",
    "arbitrators": "number of arbitrators",
    "language": "language",
    "emergency_arbitrator": "emergency arbitrator",
    "expedited": "expedited procedure",
    "by_law": "decision according to law",
}


def merged(chosen: Any, written: dict[str, Any]) -> dict[str, Any]:
    """The fields of `disputes.arbitration` (`chosen`), with what `contract.jurisdiction` writes (`written`, as read)
    for each field the block leaves to its default."""
    fields: dict[str, Any] = chosen.model_dump()
    for key, value in written.items():
        if key not in chosen.model_fields_set and value is not None:
            fields[key] = value
    return fields


def contradictions(chosen: Any, written: dict[str, Any]) -> list[str]:
    """What `contract.jurisdiction` (read into `written`) says differently from `disputes.arbitration` (`chosen`), as
    messages; [] when they agree or one leaves unsaid what the other says."""
    found = []
    for key, label in COMPARED.items():
        if key not in chosen.model_fields_set or written.get(key) is None:
            continue
        ours, theirs = getattr(chosen, key), written[key]
        if ours is not None and not _same(key, ours, theirs):
            found.append(
                f"names a different {label} from disputes.arbitration ({theirs!r} here, {ours!r} there): write the "
                "arbitration once, or make the two agree"
            )
    return found


def _same(key: str, one: Any, other: Any) -> bool:
    """Whether two values of a field name the same thing (an institution by its record or its name, a city by its
    recorded name, a language in any case)."""
    if key == "institution":
        a, b = institution_of(str(one)), institution_of(str(other))
        return (a.key == b.key) if a.recorded or b.recorded else _plain(a.name) == _plain(b.name)
    if key in ("seat", "venue"):
        return _city(str(one)) == _city(str(other))
    if isinstance(one, str) and isinstance(other, str):
        return _plain(one) == _plain(other)
    return bool(one == other)


def _city(written: str) -> str:
    city = trim_city(written)
    return _plain((seat_place(city) or {}).get("name", city))


def _plain(text: str) -> str:
    return " ".join(text.casefold().removeprefix("the ").split())
