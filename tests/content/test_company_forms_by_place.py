"""Company parties from Chile, Colombia, Argentina, Peru, New York and Ontario are described as their law describes
their form, with the identifier their register gives (a Chilean RUT, a Colombian NIT …), which a draft asks for by
name; a company from a civil-law place with no company record, or whose name shows none of its record's forms, is
described neutrally ("organised under the laws of …, with registration number …") with a note saying what to check."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contractgen.deal import load_deal
from contractgen.law.companies import company_view
from contractgen.law.jurisdictions import load_jurisdictions
from contractgen.law.library import active
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

OVERLAYS = FIXTURES / "deals" / "overlays"
BLOCKS = {
    key: record.data["companies"]
    for key, record in active().records("jurisdictions").items()
    if record.data.get("companies")
}
FORMS = sorted((key, name) for key, block in BLOCKS.items() for form in block["forms"] for name in form["names"])
CIVIL_WITHOUT = sorted(k for k, j in load_jurisdictions().items() if j.tradition == "civil" and k not in BLOCKS)


def _party(**fields: object) -> SimpleNamespace:
    return SimpleNamespace(**({"kind": "company", "company_number": None, "registered_number": None} | fields))


@pytest.mark.parametrize(
    "name, place, described, number",
    [
        ("Servicios Andinos SpA", "Chile", "a simplified joint-stock company (sociedad por acciones) formed", "RUT 76.543.210-K"),
        ("Banco Austral S.A.", "Chile", "a corporation (sociedad anónima) formed under the laws of the Republic of Chile", "RUT 76.543.210-K"),
        ("Soluciones Nube S.A.S.", "Colombia", "a simplified stock corporation (sociedad por acciones simplificada)", "NIT 76.543.210-K"),
        ("Tango Datos S.R.L.", "Argentina", "a limited liability company (sociedad de responsabilidad limitada)", "CUIT 76.543.210-K"),
        ("Inca Cloud S.A.C.", "Peru", "a closely held corporation (sociedad anónima cerrada)", "RUC 76.543.210-K"),
        ("Hudson Analytics LLC", "the State of New York", "a New York limited liability company", "New York DOS ID 76.543.210-K"),
        ("Hudson Analytics, Inc.", "New York", "a New York corporation", "New York DOS ID 76.543.210-K"),
        ("Maple Claims Ltd.", "Ontario, Canada", "a corporation incorporated under the Business Corporations Act (Ontario)",
         "Ontario corporation number 76.543.210-K"),
    ],
)  # fmt: skip
def test_each_market_describes_its_forms_with_its_own_identifier(name, place, described, number):
    view = company_view(_party(name=name, incorporated_in=place, company_number="76.543.210-K"))
    assert view.described.startswith(described) and view.number == number and not view.neutral


def test_a_chilean_sa_is_formed_and_warrants_it():
    view = company_view(_party(name="Banco Austral S.A.", incorporated_in="Republic of Chile"))
    assert (view.organised, view.office, view.label) == ("formed", "domicile", "RUT")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(FORMS), st.sampled_from(["Andes Datos", "Río Claro Servicios Digitales", "X"]))
def test_every_form_a_record_lists_is_described_by_that_record(entry, stem):
    key, form = entry
    place = load_jurisdictions()[key].name
    view = company_view(_party(name=f"{stem} {form}", incorporated_in=place))
    assert view.described and not view.neutral


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(CIVIL_WITHOUT), st.sampled_from(["GmbH", "S.A.", "B.V.", "Co., Ltd.", ""]))
def test_a_civil_law_place_without_a_record_is_described_neutrally(key, form):
    record = load_jurisdictions()[key]
    view = company_view(_party(name=f"Atlas Data {form}".strip(), incorporated_in=record.name))
    assert view.neutral and not view.described and view.place == record.name


def test_common_and_mixed_law_places_keep_the_general_wording():
    for place in ("England and Wales", "Scotland", "Ireland", "India", "Singapore", "Israel"):
        view = company_view(_party(name="Atlas Data Limited", incorporated_in=place))
        assert not view.neutral and not view.described, place
    unknown = company_view(_party(name="Atlas Data S.A.", incorporated_in="Paraguay"))
    assert unknown.neutral and unknown.unknown == "the law of Paraguay"
    chile = company_view(_party(name="Atlas Data", incorporated_in="Chile", company_number="76.543.210-K"))
    assert chile.neutral and chile.label == "RUT" and chile.number == "RUT 76.543.210-K" and "SpA" in chile.unknown


def test_a_chilean_supplier_without_its_rut_is_asked_for_it_by_name(tmp_path):
    path = overlaid(SAMPLES / "deal-example.yaml", OVERLAYS / "supplier-chilean-spa.yaml", tmp_path)
    notes = {n.id: n for n in load_deal(path).notes}
    assert "the deal gives no RUT for Servicios Andinos SpA" in notes["default-company-number:supplier"].unrecognised
    assert "its RUT (parties.supplier.company_number)" in notes["default-company-number:supplier"].check
    assert "default-company-form:supplier" not in notes
    text = contract_text(path)
    assert (
        "Servicios Andinos SpA, a simplified joint-stock company (sociedad por acciones) formed under the laws of the "
        "Republic of Chile with RUT [●], whose domicile is at"
    ) in text
    assert "Servicios Andinos SpA, a company incorporated in" not in text and "company number [●]" not in text
    # the cover names its form and its RUT too
    assert (
        "Servicios Andinos SpA, a simplified joint-stock company (sociedad por acciones) formed under the laws of the Republic of Chile with RUT [●], whose address is"
        in text
    )


def test_a_supplier_from_a_place_without_a_record_is_neutral_with_a_note(tmp_path):
    path = overlaid(SAMPLES / "deal-example.yaml", OVERLAYS / "supplier-paraguay.yaml", tmp_path)
    note = {n.id: n for n in load_deal(path).notes}["default-company-form:supplier"]
    assert "the law of Paraguay" in note.unrecognised and "its legal form as its register records it" in note.check
    text = contract_text(path)
    assert (
        "Asunción Software S.A., a company organised under the laws of Paraguay with registration number "
        "80012345-6, whose registered office is at"
    ) in text


def test_a_final_contract_warns_of_a_missing_rut_by_its_name():
    from contractgen.deal.parties import identity_warnings

    deal = SimpleNamespace(
        parties=SimpleNamespace(
            client=_party(name="Banco Austral S.A.", incorporated_in="Chile"),
            supplier=_party(name="Atlas Data Limited", incorporated_in="England and Wales"),
        )
    )
    warnings = identity_warnings(deal)
    assert warnings[0].startswith("parties.client.company_number: the deal gives no RUT for Banco Austral S.A.")
    assert warnings[1].startswith("parties.supplier.company_number: the deal gives no company number for Atlas")
