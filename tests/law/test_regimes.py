"""Privacy regimes as data: names, supplements, roles, mechanisms and transfers by geography."""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from contractgen.law.privacy import transfer_problems
from contractgen.law.regimes import find_mechanism, load_registry, resolve_regulations
from contractgen.law.transfers import decide

REQUIRED = ["eu-gdpr", "uk-gdpr", "swiss-fadp", "hipaa", "ccpa", "pipeda", "au-privacy-act"]


def test_the_registry_has_every_regime_with_its_rules():
    regimes, mechanisms = load_registry()
    assert set(REQUIRED) <= set(regimes)
    for key in REQUIRED:
        regime = regimes[key]
        assert regime.name and regime.citation and regime.terms["authority"] and regime.clauses, key
        assert set(regime.mechanisms) <= set(mechanisms), key
    assert not regimes["pipeda"].roles_required and not regimes["au-privacy-act"].roles_required
    assert regimes["ccpa"].role("Service Provider") == "service provider"


@pytest.mark.parametrize(
    "names, key, cited",
    [
        (
            ["UK GDPR", "Data Protection Act 2018"],
            "uk-gdpr",
            "the UK GDPR, as supplemented by the Data Protection Act 2018",
        ),
        (["GDPR", "BDSG"], "eu-gdpr", "the EU GDPR, as supplemented by the German Federal Data Protection Act (BDSG)"),
        (["AVG", "UAVG"], "eu-gdpr", "the EU GDPR, as supplemented by the Dutch GDPR Implementation Act (UAVG)"),
        (["CCPA/CPRA"], "ccpa", "the CCPA"),
        (
            ["revFADP", "DPO"],
            "swiss-fadp",
            "the Swiss Federal Act on Data Protection, as supplemented by the Swiss Data Protection Ordinance",
        ),
        (["Privacy Act 1988 (Cth)"], "au-privacy-act", "the Privacy Act 1988 (Cth)"),
    ],
)
def test_regulations_and_their_supplements(names, key, cited):
    (applied,), problems = resolve_regulations(names)
    assert problems == [] and applied.key == key and applied.cited == cited


def test_an_unknown_privacy_law_applies_in_neutral_words_and_sector_rules_are_sent_elsewhere():
    applied, problems = resolve_regulations(["Narnian Privacy Code", "DORA"])
    (regime,) = applied
    assert (regime.name, regime.family, regime.regime.roles, regime.provisions) == (
        "Narnian Privacy Code",
        "other",
        {},
        {},
    )
    assert regime.terms["data_subjects"] == "individuals" and "controller" not in str(regime.terms)
    assert problems == [(1, "'DORA' is sector regulation (DORA), not a data protection law: list it under regulatory")]


def test_an_unknown_law_beside_the_eu_gdpr_supplements_it_and_a_gloss_never_changes_country():
    applied, problems = resolve_regulations(
        ["GDPR", "Dataskyddslagen (2018:218)", "UAVG (Dutch GDPR Implementation Act)"]
    )
    assert problems == [] and [r.key for r in applied] == ["eu-gdpr"]
    assert [s.name for s in applied[0].supplements][0] == "Dataskyddslagen (2018:218)"
    assert any("UAVG" in s.name for s in applied[0].supplements)
    uk, _ = resolve_regulations(["UK GDPR", "Data Protection Act 2018 (Ireland)"])
    assert not any(s.key == "uk-dpa-2018" for r in uk for s in r.supplements)


def test_did_you_mean_stays_in_the_deals_countries():
    from contractgen.law.regimes import close_regime

    assert close_regime("UK GDRP", {"GB"}) == "uk gdpr"
    assert close_regime("PIPA", {"KR"}) is None  # never Canada's PIPEDA
    assert close_regime("Privacy Act 2020", {"NZ"}) == "privacy act 2020"  # NZ's own, never Australia's 1988 Act
    assert close_regime("Privacy Act 2020", {"AU"}) is None  # an Australian deal is not offered New Zealand's law
    assert close_regime("UK GDRP", {"NZ"}) is None


def test_mechanisms_by_their_usual_names():
    assert find_mechanism("UK International Data Transfer Agreement").key == "idta"
    assert find_mechanism("UK Addendum").key == "uk-addendum"
    assert find_mechanism("EU SCCs (Module 2)").key == "eu-sccs"


def _deal(regulations, centres, mechanism=None, subprocessors=(), residency=(), roles=("controller", "processor")):
    return NS(
        sourcing=NS(delivery_centres=[NS(city=city, country=country) for city, country in centres]),
        data_protection=NS(
            personal_data=True,
            regulations=regulations,
            data_residency=list(residency),
            roles=NS(client=roles[0], supplier=roles[1]),
            international_transfers=NS(mechanism=mechanism) if mechanism else None,
            subprocessors=NS(approved=[NS(name=n, country=c) for n, c in subprocessors]) if subprocessors else None,
        ),
    )


def _basis(deal):
    applied, _ = resolve_regulations(deal.data_protection.regulations)
    return {(t.country, t.basis, t.module) for t in decide(deal, applied)}, transfer_problems(deal, applied)


def test_intra_eea_needs_no_mechanism():
    found, problems = _basis(_deal(["GDPR", "BDSG"], [("Wrocław", "PL"), ("Dublin", "IE")]))
    assert found == {("PL", "inside", ""), ("IE", "inside", "")} and problems == []


def test_uk_to_india_needs_idta_or_addendum_and_poland_is_adequate():
    found, problems = _basis(_deal(["UK GDPR"], [("Pune", "IN"), ("Kraków", "PL")]))
    assert ("PL", "adequacy", "") in found
    assert problems and "India" in problems[0][1] and "IDTA" in problems[0][1] and "UK Addendum" in problems[0][1]
    found, problems = _basis(_deal(["UK GDPR"], [("Pune", "IN"), ("Kraków", "PL")], mechanism="UK Addendum"))
    assert ("IN", "uk-addendum", "Module 2 (controller to processor)") in found and problems == []


def test_onward_transfer_to_a_sub_processor_is_module_3():
    deal = _deal(["GDPR"], [("Berlin", "DE")], mechanism="EU SCCs", subprocessors=[("HostCo", "IN")])
    found, _ = _basis(deal)
    assert ("IN", "eu-sccs", "Module 3 (processor to processor)") in found


def test_swiss_list_covers_portugal_and_a_us_recipient_needs_a_mechanism():
    found, problems = _basis(_deal(["FADP"], [("Lisbon", "PT"), ("Austin", "US")]))
    assert ("PT", "adequacy", "") in found
    assert problems and "United States" in problems[0][1] and "Swiss SCCs" in problems[0][1]


def test_regimes_without_a_transfer_rule_decide_nothing():
    found, problems = _basis(_deal(["CCPA"], [("Atlanta", "US")], roles=("business", "service provider")))
    assert found == set() and problems == []


def test_a_law_without_an_adequacy_list_is_drafted_on_its_own_mechanism_and_never_refused():
    found, problems = _basis(_deal(["PIPEDA"], [("Atlanta", "US")], roles=("organization", "third-party processor")))
    assert found == {("US", "pipeda-comparable-protection", "")} and problems == []
    # the deal's choice among the law's own mechanisms wins; another law's mechanism does not count
    found, _ = _basis(_deal(["APPI"], [("Taguig", "PH"), ("Osaka", "JP")], mechanism="APPI consent"))
    assert found == {("PH", "appi-consent", ""), ("JP", "inside", "")}
    found, _ = _basis(_deal(["APPI"], [("Taguig", "PH")], mechanism="ASEAN MCCs"))
    assert found == {("PH", "appi-equivalent-measures", "")}
    # a free zone's law reads its own country as inside
    found, problems = _basis(_deal(["DIFC DPL"], [("Dubai", "AE"), ("Bengaluru", "IN")]))
    assert found == {("AE", "inside", ""), ("IN", "difc-sccs", "")} and problems == []


def test_a_basis_in_the_deals_own_words_is_its_text_never_a_known_mechanism():
    found, problems = _basis(_deal(["UK GDPR"], [("Pune", "IN")], mechanism="POPIA s 72(1)(a) agreement"))
    assert problems == [] and ("IN", "written", "") in found
    found, _ = _basis(
        _deal(["EU GDPR"], [("Pune", "IN")], mechanism="standard contractual clauses approved by the ANPD")
    )
    assert ("IN", "written", "") in found  # never the EU Commission's clauses
    found, _ = _basis(_deal(["EU GDPR"], [("Pune", "IN")], mechanism="EU SCCs"))
    assert ("IN", "eu-sccs", "") in found or any(b == "eu-sccs" for _, b, _ in found)


def test_each_regime_brings_clauses_and_a_schedule_the_template_has():
    import yaml

    from tests.helpers import ROOT, TEMPLATE

    outline = yaml.safe_load((TEMPLATE / "outline.yaml").read_text(encoding="utf-8"))
    ids = set()
    for part in outline["parts"]:
        ids.add(part.get("id"))
        for item in part.get("clauses") or []:
            ids.add(item if isinstance(item, str) else item["id"])
    checklist = (TEMPLATE / "checklist.yaml").read_text(encoding="utf-8")
    for key, regime in load_registry()[0].items():
        for clause in regime.clauses:
            assert (clause in ids) and list((ROOT / "clauses").glob(f"*/{clause}/v*.md")), (key, clause)
        assert regime.schedule in ids, (key, regime.schedule)
        assert key == "hipaa" or f"id: privacy-{key}" in checklist, key


def test_a_supplement_that_names_its_supervisory_authority_names_it_in_the_contract_and_one_without_keeps_the_generic_words():
    from contractgen.law.privacy import _authority

    (italian,), _ = resolve_regulations(["GDPR", "D.Lgs. 196/2003"])
    assert _authority(italian) == "the Italian supervisory authority (Garante per la protezione dei dati personali)"
    (mixed,), _ = resolve_regulations(["GDPR", "D.Lgs. 196/2003", "BDSG"])
    assert _authority(mixed) == "the competent supervisory authority"
    (plain,), _ = resolve_regulations(["GDPR"])
    assert _authority(plain) == "the competent supervisory authority"
