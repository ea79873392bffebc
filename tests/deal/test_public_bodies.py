"""Public bodies recognised from their names when the deal does not state a party's kind: drafted as the
public body they are, with a drafting note, in a draft only; a company form in the name keeps a company."""

from __future__ import annotations

import copy

import pytest
import yaml

from contractgen.deal.load import deal_findings
from contractgen.deal.readings.public_bodies import public_body_kind
from tests.helpers import REFERENCE


@pytest.mark.parametrize(
    "name, kind",
    [
        ("The Secretary of State for Work and Pensions", "government_department"),
        ("Department for Business and Trade", "government_department"),
        ("Ministero dell'Economia e delle Finanze", "government_department"),
        ("Bundesministerium der Finanzen", "government_department"),
        ("Waitaha City Council", "local_authority"),
        ("Kaimai District Council", "local_authority"),
        ("Sjöstads kommun", "local_authority"),
        ("Comune di Bergamo", "local_authority"),
        ("Gemeente Utrecht", "local_authority"),
        ("Azienda Socio Sanitaria Territoriale Lombardia Nord", "health_body"),
        ("Azienda Ospedaliera San Matteo", "health_body"),
        ("Leeds Teaching Hospitals NHS Trust", "health_body"),
        ("NHS Greater Glasgow and Clyde Health Board", "health_body"),
        ("Agenzia per l'Italia Digitale", "agency"),
    ],
)
def test_a_name_that_reads_as_a_public_body(name, kind):
    assert public_body_kind(name) == kind


@pytest.mark.parametrize(
    "name",
    [
        "Northwind Bank plc",
        "Council Tech Pty Ltd",
        "Health Board Services Ltd",
        "Ministry of Sound Group Limited",
        "Municipality Software GmbH",
        "Agenzia Digitale S.r.l.",
        "Sanitas Informatica S.p.A.",
        "Norrsken IT-drift AB",
        "",
    ],
)
def test_a_company_or_an_ordinary_name_is_not_a_public_body(name):
    assert public_body_kind(name) is None


def _findings(change):
    data = copy.deepcopy(yaml.safe_load(REFERENCE.read_text(encoding="utf-8")))
    change(data)
    return deal_findings(data, "deal.yaml", {})


def _council(d, draft=True):
    d["parties"]["client"]["name"] = "Waitaha City Council"
    d["contract"]["draft"] = draft


def test_a_draft_describes_an_unstated_public_body_as_one_with_a_note():
    deal, problems, notes = _findings(_council)
    assert problems == []
    client = deal.parties.client
    assert client.kind == "local_authority" and client.public_body
    assert client.incorporated_in is None and client.company_number is None
    assert client.registered_number == "01234567"  # the register's number is kept, not as a company number
    note = next(n for n in notes if n.id == "public-body-from-name:waitaha-city-council")
    assert note.path == "parties.client.name" and "local authority" in note.drafted and "kind" in note.check


def test_a_kind_the_deal_states_is_kept():
    deal, problems, notes = _findings(lambda d: (_council(d), d["parties"]["client"].update(kind="company")))
    assert problems == [] and deal.parties.client.kind == "company"
    assert not any(n.id.startswith("public-body-from-name:") for n in notes)


def test_a_final_document_is_left_as_written():
    deal, _problems, notes = _findings(lambda d: _council(d, draft=False))
    assert deal.parties.client.kind == "company"
    assert not any(n.id.startswith("public-body-from-name:") for n in notes)
