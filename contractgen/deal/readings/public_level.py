"""A public body whose own level's law no record names: a Land ministry, a canton or a municipality under a federal
law whose freedom-of-information statute and audit office bind the federation only, or a federal body under a
state's or province's law.

The public-sector record of a federal jurisdiction (``federal: true``) says which of its laws reach a regional
or local body (its ``regional_`` and ``local_`` fields); a state's record (``state_level: true``) binds that
state's bodies, not a national one. Where no record names the body's own law, the contract names none for it and
drafts the access-to-information term in general words, and this reading asks in a note (a build warning in a
final contract) for the law that binds it.
"""

from __future__ import annotations

from typing import Any

from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.sector import assume
from contractgen.law.jurisdictions import law_of
from contractgen.law.public_sector import public_sector_of_party


def apply_public_level(deal: Any) -> tuple[Any, list[Finding]]:
    """A regional or local public client under a federal law whose own level's law no record names: a note in a
    draft, a build warning in a final contract."""
    client = deal.parties.client
    if not client.public_body:
        return deal, []
    law = law_of(deal.contract.governing_law, deal.contract.law_wording)
    public = public_sector_of_party(law.key, client)
    if not public.unrecorded or (public.information_laws and public.audit_office):
        return deal, []
    where = ("client", "level" if client.level else "kind")
    if public.information_laws:
        # a national access law that binds every level (Brazil's, Mexico's) reaches it; only its auditor is missing
        finding = Finding(
            ("parties", *where),
            "public-level-unrecorded",
            client.name,
            f"{client.name} is a {public.level} public body under the law of {law.name}, whose recorded access law "
            "binds every level of government but whose recorded auditor examines the federal bodies only; the audit "
            "body of its own state, province or municipality is not recorded",
            f"the contract names {' and '.join(public.information_laws)} and gives no public auditor a right of access",
            "the audit body that examines its accounts, and add it to the public-sector terms",
            "public-sector",
        )
    else:
        finding = Finding(
            ("parties", *where),
            "public-level-unrecorded",
            client.name,
            f"{client.name} is a {public.level} public body under the law of {law.name}, whose recorded information "
            "and "
            + (
                "audit laws are the state's or province's own; the federal law that binds a national body is not "
                "recorded"
                if public.level == "national"
                else "audit laws bind the federal bodies only; the law of its own state, Land, canton or province is "
                "not recorded"
            ),
            "the contract names none of the recorded information, audit or procurement laws for it and drafts the "
            "access-to-information term in general words",
            "the information law and the audit body that bind it, and add them to the public-sector terms",
            "public-sector",
        )
    if prints_as_draft(deal):
        return deal, [finding]
    return assume(deal, f"parties.client: {finding.unrecognised}; {finding.drafted}; check {finding.check}"), []
