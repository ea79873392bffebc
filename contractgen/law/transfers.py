"""Transfers decided by geography: for each place personal data is processed, per regime, its basis.

A place is a delivery centre, an approved sub-processor or a data-residency country; where the deal names
none, the supplier's premises (the contract's only Delivery Centre) in the country it is established in. Under a
regime with a transfer rule (EU GDPR, UK GDPR, Swiss FADP) a place outside the regime's territory
and not adequate is a restricted transfer: it needs a mechanism (SCCs with the right module,
IDTA, UK Addendum, Swiss-adapted SCCs …), and a transfer risk assessment where that mechanism
calls for one. The adequacy lists are data: each privacy record's ``transfers.adequacy``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from contractgen.law.seats import country_code
from contractgen.values.countries import country_in_sentence
from contractgen.law.regimes import AppliedRegime, Mechanism, Regime, find_mechanism, load_registry


@dataclass(frozen=True)
class Place:
    """A place where personal data is processed, and who processes it there."""

    country: str
    what: str  # "delivery centre in Pune", "sub-processor CloudCore Hosting Ltd", "data residency"
    onward: bool  # True for a sub-processor (an onward transfer from the supplier)


@dataclass(frozen=True)
class Transfer:
    """One destination under one regime, and the basis on which personal data may go there."""

    regime: str  # registry key
    regime_name: str
    country: str
    places: tuple[str, ...]
    restricted: bool
    basis: str  # "inside" | "adequacy" | mechanism key | "" (restricted, no mechanism given)
    basis_name: str  # how the contract names the basis
    module: str  # "Module 2" / "Module 3" … for SCC-based mechanisms, else ""
    assessment: bool  # whether a transfer risk assessment is required
    note: str = ""
    mechanism: Mechanism | None = None  # the mechanism record, for a law drafted by its own mechanism
    defaulted: bool = False  # the deal names none of the law's mechanisms: its default is drafted (a note)
    # for an adequacy basis: the standard clauses agreed in advance should the adequacy cease to cover the destination
    fallback: str = ""
    fallback_module: str = ""
    fallback_assessment: bool = False


def places(deal: Any) -> list[Place]:
    """Every place personal data is processed under the deal, in the deal's order."""
    found: list[Place] = []
    sourcing = deal.sourcing
    for centre in sourcing.delivery_centres if sourcing else []:
        found.append(Place(centre.country, f"delivery centre in {centre.city}", False))
    dp = deal.data_protection
    if dp and dp.subprocessors:
        for sub in dp.subprocessors.approved:
            found.append(Place(sub.country, f"sub-processor {sub.name}", True))
    for country in dp.data_residency if dp else []:
        if not any(p.country == country for p in found):
            found.append(Place(country, "data residency", False))
    parties = getattr(deal, "parties", None)
    supplier = country_code(getattr(getattr(parties, "supplier", None), "incorporated_in", None))
    client = country_code(getattr(getattr(parties, "client", None), "incorporated_in", None))
    if not found and supplier and supplier != client and dp is not None and dp.international_transfers is not None:
        # With no place named, the contract's only Delivery Centre is the supplier's premises at its address; only
        # where the deal (or the section drafted for it) names a transfer basis, so silence is never a refusal.
        found.append(Place(supplier, "the supplier's premises (the only Delivery Centre)", False))
    return found


def _module(client_role: str | None, supplier_role: str | None, onward: bool) -> str:
    """The SCC module for a transfer, from the parties' roles (Module 3 for onward transfers to sub-processors)."""
    if onward or client_role == "processor":
        return "Module 3 (processor to processor)"
    if supplier_role == "controller" or supplier_role == "joint controller":
        return "Module 1 (controller to controller)"
    if client_role == "controller" and supplier_role is None:
        return "Module 2 (controller to processor)"
    return "Module 2 (controller to processor)"


def _written_mechanisms(deal: Any) -> list[Any]:
    """What the deal writes in international_transfers.mechanism (one or several), as a list."""
    dp = deal.data_protection
    if dp is None or dp.international_transfers is None:
        return []
    written = dp.international_transfers.mechanism
    return list(written) if isinstance(written, (list, tuple)) else [written]


def chosen_mechanisms(deal: Any) -> list[Mechanism]:
    """The mechanisms the deal names (international_transfers.mechanism: one or several)."""
    return [m for m in (find_mechanism(w) for w in _written_mechanisms(deal)) if m is not None]


@dataclass(frozen=True)
class AgreedBasis:
    """A transfer basis the deal agrees in advance for transfers the client may later approve."""

    name: str
    module: str  # the SCC module for the supplier's own transfers, "" for other mechanisms
    onward_module: str  # the SCC module for its onward transfers to sub-processors, ""
    assessment: bool


def agreed_bases(deal: Any) -> list[AgreedBasis]:
    """The mechanisms the deal names, with the SCC modules its parties' roles call for."""
    roles = deal.data_protection.roles if deal.data_protection else None
    client_role = getattr(roles, "client", None)
    supplier_role = getattr(roles, "supplier", None)
    found = []
    for mechanism in chosen_mechanisms(deal):
        modular = mechanism.key in ("eu-sccs", "swiss-sccs", "uk-addendum")
        module = _module(client_role, supplier_role, False) if modular else ""
        onward = _module(client_role, supplier_role, True) if modular else ""
        found.append(AgreedBasis(mechanism.name, module, onward if onward != module else "", mechanism.assessment))
    return found


def written_bases(deal: Any) -> list[str]:
    """The transfer bases the deal writes in words the library does not recognise ("POPIA s 72(1)(a)")."""
    return [str(w) for w in _written_mechanisms(deal) if w and find_mechanism(str(w)) is None]


def _by_own_mechanism(regime: Regime, by_country: dict[str, list[Place]], chosen: list[Mechanism]) -> list[Transfer]:
    """A law without an adequacy list: each place outside its territory on the mechanism the deal names among the
    law's own, else on the law's default (a drafting note says so)."""
    inside = set(regime.inside) | ({regime.territory} if regime.territory and len(regime.territory) == 2 else set())
    usable = [m for m in chosen if m.key in regime.mechanisms]
    mechanism = usable[0] if usable else load_registry()[1][regime.default]
    found = []
    for country, where in by_country.items():
        what = tuple(p.what for p in where)
        if country in inside:
            found.append(Transfer(regime.key, regime.name, country, what, False, "inside", "", "", False))
            continue
        found.append(
            Transfer(
                regime.key, regime.name, country, what, regime.transfers_restricted, mechanism.key, mechanism.name,
                "", mechanism.assessment, "", mechanism, not usable,
            )
        )  # fmt: skip
    return found


# The regime's own standard clauses, which the parties can agree in advance for the day an adequacy decision ends.
STANDARD_CLAUSES = ("eu-sccs", "swiss-sccs", "idta", "uk-addendum")


def _fallback(regime: Any, chosen: list[Any]) -> Any:
    """The mechanism a transfer on adequacy falls back on: the deal's own choice for the regime, else its clauses."""
    usable = [m for m in chosen if m.key in regime.mechanisms]
    if usable:
        return usable[0]
    key = next((k for k in regime.mechanisms if k in STANDARD_CLAUSES), None)
    return load_registry()[1].get(key) if key else None


def decide(deal: Any, regimes: list[AppliedRegime]) -> list[Transfer]:
    """Decide, per regime and destination country, whether it is a restricted transfer and on what basis."""
    mechanisms = chosen_mechanisms(deal)
    roles = deal.data_protection.roles if deal.data_protection else None
    client_role = getattr(roles, "client", None)
    supplier_role = getattr(roles, "supplier", None)
    result: list[Transfer] = []
    by_country: dict[str, list[Place]] = {}
    for place in places(deal):
        by_country.setdefault(place.country, []).append(place)
    for applied in regimes:
        regime = applied.regime
        if regime.default and regime.adequacy is None:
            result += _by_own_mechanism(regime, by_country, mechanisms)
            continue
        if not regime.transfers_restricted or regime.adequacy is None:
            continue
        adequacy = regime.adequacy
        for country, where in by_country.items():
            what = tuple(p.what for p in where)
            onward = all(p.onward for p in where)
            if country in adequacy.inside:
                result.append(Transfer(regime.key, regime.name, country, what, False, "inside", "", "", False))
                continue
            partial = adequacy.partial.get(country)
            if country in adequacy.adequate or (partial and partial.get("adequate_by_default")):
                note = partial.get("note", "") if partial else ""
                # a basis the deal writes in its own words is not replaced by the library's clauses
                fallback = None if written_bases(deal) else _fallback(regime, mechanisms)
                modular = fallback is not None and fallback.key in ("eu-sccs", "swiss-sccs", "uk-addendum")
                result.append(Transfer(
                    regime.key, regime.name, country, what, False, "adequacy", adequacy.name, "", False, note,
                    fallback=fallback.name if fallback else "",
                    fallback_module=_module(client_role, supplier_role, onward) if modular else "",
                    fallback_assessment=bool(fallback and fallback.assessment),
                ))  # fmt: skip
                continue
            usable = [m for m in mechanisms if m.key in regime.mechanisms]
            if partial and partial.get("mechanism"):
                certified = [m for m in usable if m.key == partial["mechanism"]]
                usable = certified + [m for m in usable if m.key != partial["mechanism"]]
            mechanism = usable[0] if usable else None
            if mechanism is None and written_bases(deal):  # the deal's own words: printed, not checked
                result.append(
                    Transfer(
                        regime.key,
                        regime.name,
                        country,
                        what,
                        True,
                        "written",
                        "; ".join(written_bases(deal)),
                        "",
                        False,
                        partial.get("note", "") if partial else "",
                    )
                )
                continue
            module = ""
            if mechanism and mechanism.key in ("eu-sccs", "swiss-sccs", "uk-addendum"):
                module = _module(client_role, supplier_role, onward)
            result.append(Transfer(
                regime.key, regime.name, country, what, True, mechanism.key if mechanism else "",
                mechanism.name if mechanism else "", module, bool(mechanism and mechanism.assessment),
                partial.get("note", "") if partial else "",
            ))  # fmt: skip
    return result


@dataclass(frozen=True)
class TransferTerms:
    """The transfers under one law on one of its own mechanisms: what the clause drafts as terms for them."""

    regime: str  # registry key
    regime_name: str
    rule: str  # the law's transfer provision as the contract cites it ("" where the record names none)
    mechanism: Mechanism
    countries: tuple[str, ...]  # ISO codes, in the deal's order
    defaulted: bool  # the deal names none of the law's mechanisms

    @property
    def names(self) -> list[str]:
        """The countries as a sentence names them ("the Philippines", "India")."""
        return [country_in_sentence(c) for c in self.countries]

    @property
    def facts(self) -> dict[str, Any]:
        """The mechanism's drafting facts (provision, document, filing, consent …)."""
        return self.mechanism.facts


def transfer_terms(transfers: list[Transfer], regimes: list[AppliedRegime]) -> list[TransferTerms]:
    """Group the transfers drafted on a law's own mechanism by law and mechanism, in the deal's order."""
    rules = {r.key: r.provisions.get("cross_border", "") for r in regimes}
    groups: dict[tuple[str, str], list[Transfer]] = {}
    for t in transfers:
        if t.mechanism is not None and t.basis != "inside":
            groups.setdefault((t.regime, t.mechanism.key), []).append(t)
    return [
        TransferTerms(
            regime=ts[0].regime,
            regime_name=ts[0].regime_name,
            rule=rules.get(ts[0].regime, ""),
            mechanism=ts[0].mechanism,
            countries=tuple(dict.fromkeys(t.country for t in ts)),
            defaulted=ts[0].defaulted,
        )  # fmt: skip
        for ts in groups.values()
        if ts[0].mechanism is not None
    ]
