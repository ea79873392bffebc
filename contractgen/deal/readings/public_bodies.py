"""Public bodies and co-operatives recognised from what a deal writes.

A party whose kind is not stated but whose name reads as a ministry, a council, a public health body or
an agency ("The Secretary of State for Work and Pensions", "Waitaha City Council", "Azienda Socio
Sanitaria Territoriale ...") is drafted as the public body it is. A name with a company form (Ltd,
S.p.A., GmbH ...) is a company whatever else it says. A draft describes such a party as the public body
it is (no registered office, company number or group, the public-sector terms of its law) and says so
in a drafting note; a final document is what the lawyers settled and is left as written. The words are
data (``data/public_body_words.yaml``).
"""

from __future__ import annotations


import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from contractgen import yamlload
from contractgen.deal.readings.sector import assume
from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.law.seats import country_code


PUBLIC_BODY_WORDS = Path(__file__).parent.parent / "data" / "public_body_words.yaml"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    data = yamlload.safe_load(PUBLIC_BODY_WORDS.read_text("utf-8"))
    forms = re.compile(r"(?<![\w.])(?:" + _alternation(data["company_forms"]) + r")(?![\w])", re.IGNORECASE)
    kinds = {
        kind: re.compile(r"(?<!\w)(?:" + _alternation(words) + r")(?!\w)", re.IGNORECASE)
        for kind, words in data["kinds"].items()
    }
    return forms, kinds


def public_body_kind(name: str) -> str | None:
    """Return the kind of public body a party's name reads as ('Waitaha City Council' → local_authority), or None."""
    forms, kinds = _patterns()
    if not name or forms.search(name):
        return None
    for kind, pattern in kinds.items():
        if pattern.search(name):
            return kind
    return None


def apply_public_bodies(deal: Any) -> tuple[Any, list[Finding]]:
    """Return the deal with each party of unstated kind whose name reads as a public body drafted as one, and notes."""
    if not prints_as_draft(deal):
        return deal, []
    found: list[Finding] = []
    parties = deal.parties
    update: dict[str, Any] = {}
    for role in ("client", "supplier"):
        party = getattr(parties, role)
        if "kind" in party.model_fields_set:
            continue
        kind = public_body_kind(party.name)
        if kind is None:
            continue
        words = kind.replace("_", " ")
        changed: dict[str, Any] = {"kind": kind}
        dropped = ""
        if party.incorporated_in:
            changed["incorporated_in"] = None
            dropped = f"; 'incorporated in {party.incorporated_in}' is left out, as a public body is not incorporated"
        if party.company_number and not party.registered_number:
            # a public body's number in a public register (a Swedish organisation number, an ABN) is kept as such
            changed["company_number"] = None
            changed["registered_number"] = party.company_number
            dropped += f"; its number {party.company_number} is kept as a registered number, not a company number"
        update[role] = party.model_copy(update=changed)
        found.append(
            Finding(
                ("parties", role, "name"),
                "public-body-from-name",
                party.name,
                f"the deal does not state the {role}'s kind, and its name ({party.name}) reads as a {words}",
                f"the draft describes it as a public body ({words}), with no registered office, company number or "
                f"group, and gives it the public-sector terms of the governing law{dropped}",
                f"that it is a {words}; state parties.{role}.kind (and established_under, the law that constitutes it)",
                "parties",
            )
        )
    if not update:
        return deal, []
    return deal.model_copy(update={"parties": parties.model_copy(update=update)}), found


def apply_cooperatives(deal: Any) -> tuple[Any, list[Finding]]:
    """Return the deal with each party of unstated kind whose name reads as a co-operative society of its
    country (data/public_body_words.yaml) described as one, and the notes (build warnings in a final document)."""
    words = yamlload.safe_load(PUBLIC_BODY_WORDS.read_text("utf-8")).get("cooperatives") or {}
    found: list[Finding] = []
    for role in ("client", "supplier"):
        party = getattr(deal.parties, role)
        listed: list[str] = words.get(country_code(party.incorporated_in)) or []
        pattern = rf"(?<!\w)(?:{_alternation(listed)})(?!\w)"
        if not listed or "kind" in party.model_fields_set or not re.search(pattern, party.name, re.IGNORECASE):
            continue
        changed = {"kind": "cooperative", "company_number": None, "registered_number": party.company_number}
        parties = deal.parties.model_copy(update={role: party.model_copy(update=changed)})
        deal = deal.model_copy(update={"parties": parties})
        finding = Finding(("parties", role, "name"), "cooperative-from-name", party.name,
                          f"the deal does not state the {role}'s kind, and its name ({party.name}) reads as a "
                          "co-operative society", "the contract describes it as a co-operative society, not a company",
                          f"that it is one; state parties.{role}.kind (and established_under, the co-operative "
                          "societies act it is registered under, and registered_number)", "parties")  # fmt: skip
        if prints_as_draft(deal):
            found.append(finding)
        else:
            deal = assume(
                deal, f"parties.{role}.name: {finding.unrecognised}; {finding.drafted}; check {finding.check}"
            )
    return deal, found
