"""Parties by kind: the words practitioners use for each kind, and the details a kind cannot have."""

from __future__ import annotations

import copy

import pytest
import yaml

from contractgen.deal.load import validate_data
from contractgen.deal.model import ClientParty
from contractgen.errors import DealError
from contractgen.library.contract_words import wording_problems
from contractgen.pipeline import Workspace, build_document
from contractgen.deal import load_deal
from tests.helpers import REFERENCE


def _deal(change) -> dict:
    data = copy.deepcopy(yaml.safe_load(REFERENCE.read_text(encoding="utf-8")))
    change(data)
    return data


@pytest.mark.parametrize(
    "written, kind",
    [
        ("local authority", "local_authority"),
        ("Council", "local_authority"),
        ("municipality", "local_authority"),
        ("Ministry", "government_department"),
        ("Secretary of State", "government_department"),
        ("NHS trust", "health_body"),
        ("public hospital", "health_body"),
        ("LLP", "llp"),
        ("sole trader", "sole_trader"),
        ("branch of a foreign company", "branch"),
        ("registered charity", "charity"),
        ("plc", "company"),
        ("statutory corporation", "statutory_body"),
        ("executive agency", "agency"),
    ],
)
def test_the_usual_words_for_a_kind_are_read(written, kind):
    deal = validate_data(
        _deal(
            lambda d: (
                d["parties"]["client"].update(kind=written, company_number=None, incorporated_in=None)
                if kind != "company" and kind not in ("llp", "charity", "branch")
                else d["parties"]["client"].update(kind=written)
            )
        ),
        "deal.yaml",
        {},
    )
    assert deal.parties.client.kind == kind
    assert deal.parties.client.public_body == (
        kind in ("government_department", "local_authority", "agency", "statutory_body", "health_body")
    )


def test_a_public_body_with_a_company_number_is_refused_naming_the_field():
    with pytest.raises(DealError) as error:
        validate_data(_deal(lambda d: d["parties"]["client"].update(kind="local authority")), "deal.yaml", {})
    assert "parties.client.company_number" in str(error.value) and "local authority" in str(error.value)


def test_a_consortium_needs_two_members_and_one_lead():
    def change(d):
        d["parties"]["supplier"].update(
            kind="consortium",
            company_number=None,
            incorporated_in=None,
            members=[{"name": "A GmbH", "address": "Berlin", "lead": True}],
        )

    with pytest.raises(DealError) as error:
        validate_data(_deal(change), "deal.yaml", {})
    assert "parties.supplier.members" in str(error.value) and "at least two" in str(error.value)


def test_the_build_warns_on_company_wording_for_a_public_body_and_court_wording_under_arbitration():
    workspace = Workspace()
    result = build_document(load_deal(REFERENCE), workspace)
    template = workspace.template_dir("it-outsourcing")
    assert wording_problems(result.document, template, False, []) == []
    client = result.source.deal.parties.client.name
    found = wording_problems(result.document, template, False, [client])
    assert any("registered office" in w and "public body" in w for w in found)
    found = wording_problems(result.document, template, True, [])
    assert any("have exclusive jurisdiction" in w and "arbitration" in w for w in found)


@pytest.mark.parametrize("written", ["the Bank", "The Bank", "  the  Bank "])
def test_a_short_name_written_with_its_article_is_the_name_and_the_article(written):
    party = ClientParty(name="PT Bank Nusantara Digital Tbk", short_name=written, address="Jakarta")
    assert party.short_name == "Bank" and party.article == "the"


@pytest.mark.parametrize(
    "written, name",
    [("el Banco", "Banco"), ("la Aseguradora", "Aseguradora"), ("a Contratante", "Contratante"),
     ("o Banco", "Banco"), ("l'Assureur", "Assureur"), ("l’Assureur", "Assureur"), ("le Client", "Client"),
     ("il Fornitore", "Fornitore"), ("die Bank", "Bank"), ("der Auftraggeber", "Auftraggeber"), ("de Klant", "Klant"),
     ("het Ziekenhuis", "Ziekenhuis"), ("los Proveedores", "Proveedores")],
)  # fmt: skip
def test_a_short_name_written_with_the_article_of_another_language_reads_the_name_with_the(written, name):
    party = ClientParty(name="Banco Andino de Fomento S.A.", short_name=written, address="Bogotá")
    assert party.short_name == name and party.article == "the"


@pytest.mark.parametrize("brand", ["La Poste", "El Corte Inglés", "Le Monde", "Die Mobiliar", "De Nederlandsche Bank"])
def test_a_brand_that_begins_with_a_capitalised_article_keeps_its_name(brand):
    assert ClientParty(name=f"{brand} S.A.", short_name=brand, address="Paris").short_name == brand


@pytest.mark.parametrize(
    "field, written, reads",
    [("established_under", "dem Spitalgesetz des Kantons Aargau (SpiG)", "the Spitalgesetz des Kantons Aargau (SpiG)"),
     ("established_under", "el Acuerdo Distrital 641 de 2016", "the Acuerdo Distrital 641 de 2016"),
     ("established_under", "del Decreto Legislativo 502/1992", "the Decreto Legislativo 502/1992"),
     ("established_under", "la Loi du 15 mars 2021", "the Loi du 15 mars 2021"),
     ("represented_by", "die Landesamtsdirektion", "the Landesamtsdirektion"),
     ("represented_by", "il Direttore Generale", "the Direttore Generale"),
     ("acting_through", "do Ministério da Saúde", "the Ministério da Saúde")],
)  # fmt: skip
def test_a_statute_or_office_written_with_a_foreign_article_reads_with_the(field, written, reads):
    party = ClientParty(name="Kantonsspital Aarau AG", kind="public body", address="Aarau", **{field: written})
    assert getattr(party, field) == reads


@pytest.mark.parametrize(
    "written",
    ["the Local Government Act 2002", "a Royal Charter of 1836", "an Act of the Oireachtas", "Law No. 04/2013",
     "La Trobe University Act 2009", "das gesetz"],
)  # fmt: skip
def test_a_statute_written_in_english_or_with_a_capitalised_name_is_kept_as_written(written):
    party = ClientParty(name="Example Council", kind="public body", address="Wellington", established_under=written)
    assert party.established_under == written


def test_an_article_the_deal_sets_to_none_keeps_the_short_name_as_written():
    party = ClientParty(name="Hague Holdings B.V.", short_name="The Hague Office", article="none", address="The Hague")
    assert party.short_name == "The Hague Office" and party.article == "none"


def _kind_words():
    from contractgen.deal.parties import KIND_WORDS

    return sorted(KIND_WORDS.items())


@pytest.mark.parametrize("word, entry", _kind_words(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_kind_word_of_the_data_reads_as_its_kind_level_and_ownership(word, entry):
    for written in {w for w in (word, word.upper(), word.capitalize()) if w.casefold() == word.casefold()}:
        party = ClientParty(name="Example", kind=written, address="Somewhere 1")
        assert party.kind == entry["kind"], written
        assert party.state_owned == bool(entry.get("state_owned")), written
        if entry.get("level"):
            assert party.level == entry["level"], written


def test_a_level_the_deal_writes_wins_over_the_level_its_kind_word_implies():
    party = ClientParty(name="Example", kind="province", level="national", address="Somewhere 1")
    assert party.level == "national"
