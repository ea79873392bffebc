"""A party that is not a company is named as the law of its place names it (law/jurisdictions party_kinds), a
partnership whose general partner is a company acts by that partner, and a name that already says its kind is not
followed by the kind again."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from contractgen.deal.model import Party
from contractgen.law.companies import company_view
from contractgen.law.party_kinds import kind_view


def _party(**fields: object) -> SimpleNamespace:
    base = {"kind": "company", "incorporated_in": None, "company_number": None, "registered_number": None,
            "general_partner": None, "level": None, "address": ""}  # fmt: skip
    return SimpleNamespace(**(base | fields))


@pytest.mark.parametrize(
    ("party", "law", "words", "under", "register"),
    [
        (
            _party(name="Nairobi City County", kind="local_authority", address="City Hall, Nairobi, Kenya"),
            "",
            "a county government",
            "Article 176 of the Constitution of Kenya",
            "",
        ),
        (
            _party(name="Region Skåne", kind="local_authority", level="regional", address="205 25 Malmö, Sverige"),
            "",
            "a region (region)",
            "the Local Government Act (2017:725) (kommunallagen)",
            "",
        ),
        # a Swedish municipality keeps the general words: the record names only the regional kind
        (
            _party(name="Lunds kommun", kind="local_authority", level="local", address="222 21 Lund, Sverige"),
            "",
            "",
            "",
            "",
        ),
        (
            _party(name="Riverside Hospice Care", kind="charity", address="Reading RG1 6PP, United Kingdom"),
            "England and Wales",
            "",
            "",
            "the Charity Commission for England and Wales",
        ),
        (
            _party(name="Glen Hospice", kind="charity", address="Perth PH1 5AA, Scotland"),
            "",
            "",
            "",
            "the Scottish Charity Regulator (OSCR)",
        ),
        (
            _party(name="Lagan Care", kind="charity", incorporated_in="Northern Ireland"),
            "",
            "",
            "",
            "the Charity Commission for Northern Ireland",
        ),
        # a place without a record of the kind keeps the clause's general words
        (
            _party(name="Kaimai District Council", kind="local_authority", address="Tauranga, New Zealand"),
            "",
            "",
            "",
            "",
        ),
    ],  # fmt: skip
)
def test_a_kind_is_named_as_its_law_names_it(party, law, words, under, register) -> None:
    view = kind_view(party, law)
    assert (view.words, view.under, view.register) == (words, under, register)


@pytest.mark.parametrize(
    ("name", "partner", "corporate", "limited"),
    [
        ("Isar IT Services GmbH & Co. KG", None, True, True),
        ("Thames Digital Ltd & Co KG", None, True, True),
        ("Harbour Fund LP", "Harbour GP Limited", True, True),
        ("Harbour Fund L.P.", None, False, True),
        ("Müller & Schmidt KG", None, False, True),
        ("Mara Systems Integrators", None, False, False),
    ],
)
def test_a_partnership_whose_general_partner_is_a_company_acts_by_it(name, partner, corporate, limited) -> None:
    party = _party(name=name, kind="partnership", general_partner=partner, incorporated_in="Germany")
    view = kind_view(party)
    assert (view.corporate_partner, view.limited) == (corporate, limited)
    assert company_view(party).signs_as == ("partnership_general_partner" if corporate else "")


def test_a_german_limited_partnership_is_named_by_its_law() -> None:
    party = _party(name="Isar IT Services GmbH & Co. KG", kind="partnership", incorporated_in="Deutschland")
    assert kind_view(party).words == "a limited partnership (Kommanditgesellschaft)"


@pytest.mark.parametrize(
    ("name", "kind", "named"),
    [
        ("Mara Systems Integrators, a partnership", "partnership", True),
        ("Mara Systems Integrators (a partnership)", "partnership", True),
        ("Mara Systems Integrators, a firm", "partnership", True),
        ("Beispiel Software, eine GmbH", "company", True),
        ("Acme Holdings, a company", "company", True),
        ("Kiwi Trust, a charity", "charity", True),
        ("Okoro Digital, a sole trader", "sole_trader", True),
        ("Kaveri Tech Consulting LLP, a limited liability partnership", "llp", True),
        ("Mara Systems Integrators", "partnership", False),
        ("Partnership Holdings Ltd", "company", False),
        # the kind said is not the party's kind: said in full
        ("Mara Systems Integrators, a partnership", "company", False),
    ],
)
def test_a_name_that_says_its_kind_is_not_followed_by_it_again(name, kind, named) -> None:
    assert Party(name=name, kind=kind, address="1 Main Street").names_its_kind is named


def test_a_kind_written_as_a_form_or_a_region_keeps_it() -> None:
    cio = Party(name="Riverside Hospice Care", kind="CIO", address="Reading")
    region = Party(name="Region Skåne", kind="region", address="Malmö")
    assert (cio.kind, cio.legal_form) == ("charity", "charitable incorporated organisation")
    assert (region.kind, region.level) == ("local_authority", "regional")
    assert Party(name="Lund", kind="region", level="local", address="Lund").level == "local"  # as written


@pytest.mark.parametrize(
    ("client", "supplier", "named"),
    [
        ("12 Greams Road, Chennai 600006, India", "45 Anna Salai, Chennai 600018, India", "Tamil Nadu"),
        ("Nariman Point, Mumbai 400021, India", "Hinjewadi, Pune 411057, India", "Maharashtra Stamp Act"),
        # parties in two States: the general rule, which asks where the agreement is executed
        ("12 Greams Road, Chennai 600006, India", "Nariman Point, Mumbai 400021, India", "the State where"),
    ],
)
def test_the_stamp_law_is_the_one_of_the_state_the_parties_are_in(client, supplier, named) -> None:
    from contractgen.law.jurisdictions import find

    stamp = find("India").commercial.stamp_duty
    assert named in stamp.law_where(client, supplier)


def test_a_chennai_deal_is_told_of_tamil_nadus_stamp_law_not_maharashtras() -> None:
    from pathlib import Path

    from contractgen.deal import load_deal
    from contractgen.deal.readings.payment_terms import note_stamp_duty

    deal = load_deal(Path(__file__).parents[1] / "fixtures/deals/party-ids/in-trust-client.yaml").deal
    said = " ".join(str(f) for f in note_stamp_duty(deal))
    assert "as amended in its application to Tamil Nadu" in said and "Maharashtra" not in said
