"""Arbitration as practitioners write it in contract.jurisdiction, the institution records, and the rules."""

from __future__ import annotations

import copy

import pytest
import yaml

from contractgen.law.forums import (
    arbitration_fields,
    is_arbitration,
    load_institutions,
    parse_arbitration,
    view_arbitration,
)
from contractgen.law.library import active
from contractgen.deal.load import deal_findings, validate_data
from contractgen.errors import DealError
from tests.helpers import REFERENCE

WRITTEN = [
    (
        "arbitration administered by the HKIAC under its Administered Rules, seated in Hong Kong",
        "hkiac",
        "Hong Kong",
        {},
    ),
    ("ICC arbitration in Paris", "icc", "Paris", {}),
    (
        "arbitration under the Rules of Arbitration of the International Chamber of Commerce, seat: Geneva, "
        "three arbitrators, in English",
        "icc",
        "Geneva",
        {"arbitrators": 3, "language": "English"},
    ),
    ("SIAC arbitration seated in Singapore before a sole arbitrator", "siac", "Singapore", {"arbitrators": 1}),
    ("LCIA arbitration, seat of arbitration London, hearings in Dubai", "lcia", "London", {"venue": "Dubai"}),
    ("DIS arbitration seated in Frankfurt am Main", "dis", "Frankfurt am Main", {}),
    ("arbitration in Stockholm under the SCC Rules", "scc", "Stockholm", {}),
    ("arbitration under the Swiss Rules, seated in Zurich", "swiss-rules", "Zurich", {}),
    ("VIAC arbitration in Vienna", "viac", "Vienna", {}),
    ("NAI arbitration seated in Amsterdam", "nai", "Amsterdam", {}),
    ("CEPANI arbitration, seat Brussels", "cepani", "Brussels", {}),
    ("JCAA arbitration in Tokyo", "jcaa", "Tokyo", {}),
    ("arbitration administered by the KCAB, seated in Seoul", "kcab", "Seoul", {}),
    ("CIETAC arbitration in Beijing in the English language", "cietac", "Beijing", {"language": "English"}),
    ("arbitration under the SCCA Arbitration Rules, seated in Riyadh", "scca", "Riyadh", {}),
    ("BANI arbitration in Jakarta", "bani", "Jakarta", {}),
    ("MCIA arbitration seated in Mumbai", "mcia", "Mumbai", {}),
    ("arbitration administered by CRCICA, seat of arbitration Cairo", "crcica", "Cairo", {}),
    ("DIAC arbitration seated in Dubai", "diac", "Dubai", {}),
    ("DIFC-LCIA arbitration seated in Dubai", "diac", "Dubai", {}),
    ("arbitration under the rules of the Lagos Court of Arbitration, seated in Lagos", "lca", "Lagos", {}),
    ("arbitration administered by CANACO, seated in Mexico City", "canaco", "Mexico City", {}),
    ("arbitration administered by the AAA-ICDR, seated in New York", "icdr", "New York", {}),
    ("JAMS arbitration seated in New York", "jams", "New York", {}),
    ("arbitration administered by CAM-CCBC, seated in São Paulo", "cam-ccbc", "São Paulo", {}),
    ("ad hoc arbitration under the UNCITRAL Arbitration Rules seated in Singapore", "uncitral", "Singapore", {}),
]


@pytest.mark.parametrize("text, institution, seat, more", WRITTEN, ids=[w[1] + ":" + w[2] for w in WRITTEN])
def test_written_forms_are_read(text, institution, seat, more):
    assert is_arbitration(text)
    fields, problems = parse_arbitration(text)
    assert problems == []
    assert fields["institution"] == institution
    assert fields["seat"] == seat
    for key, value in more.items():
        assert fields[key] == value


def test_uncitral_rules_administered_by_an_institution_keep_both():
    fields, problems = parse_arbitration(
        "arbitration under the UNCITRAL Arbitration Rules administered by the HKIAC, seated in Hong Kong"
    )
    assert not problems and fields["institution"] == "hkiac" and fields["rules"] == "the UNCITRAL Arbitration Rules"


def test_court_phrases_are_not_arbitration():
    for text in (
        "the courts of England and Wales",
        "the Commercial Court in London",
        "the competent court in Amsterdam",
    ):
        assert not is_arbitration(text)


def test_every_institution_record_has_its_facts_and_sources():
    records = load_institutions()
    needed = {
        "icc",
        "lcia",
        "siac",
        "hkiac",
        "dis",
        "scc",
        "swiss-rules",
        "viac",
        "nai",
        "cepani",
        "jcaa",
        "kcab",
        "cietac",
        "scca",
        "bani",
        "mcia",
        "crcica",
        "diac",
        "lca",
        "canaco",
        "icdr",
        "aaa",
        "jams",
        "cam-ccbc",
        "uncitral",
    }
    assert needed <= set(records)
    for key, record in active().records("forums").items():
        data = record.data
        assert data["name"] and data["rules"]["name"], key
        assert data["sources"] and all("(https://" in s for s in data["sources"]), key
        assert data["as_of"], key
        assert data["rules"].get("emergency_arbitrator") in (True, False, None), key


def _deal(change) -> dict:
    data = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    change(data)
    return data


def _drafted(data: dict):
    """The deal as validated and read, and its drafting notes (the deal printed as a draft)."""
    data["contract"]["draft"] = True
    deal, problems, notes = deal_findings(data, "deal.yaml", {})
    assert deal is not None and not problems, problems
    return deal, notes


def _problems(data: dict) -> str:
    with pytest.raises(DealError) as error:
        validate_data(data, "deal.yaml", {})
    return str(error.value)


def _final(data: dict) -> dict:
    data["contract"]["draft"] = False
    data.pop("status", None)
    return data


def test_a_final_arbitration_without_a_seat_is_refused_naming_the_field():
    message = _problems(_final(_deal(lambda d: d["contract"].update(jurisdiction="ICC arbitration"))))
    assert "contract.jurisdiction" in message and "seat" in message


def test_a_draft_arbitration_without_a_seat_prints_it_blank_with_a_note():
    deal, notes = _drafted(_deal(lambda d: d["contract"].update(jurisdiction="ICC arbitration, three arbitrators")))
    view = view_arbitration(arbitration_fields(deal), "English")
    assert view.seat == "[●]" and view.institution.key == "icc" and view.arbitrators == 3
    note = next(n for n in notes if n.id == "arbitration-seat:seat")
    assert note.path == "contract.jurisdiction" and "[●]" in note.drafted and "refused" in note.check


def test_an_institution_with_no_record_is_drafted_under_its_name_with_a_note():
    data = _deal(lambda d: d["contract"].update(jurisdiction="arbitration by the Narnia Board, seated in London"))
    deal, notes = _drafted(data)
    fields = arbitration_fields(deal)
    assert fields["institution"] == "Narnia Board" and fields["seat"] == "London"
    view = view_arbitration(fields, "English")
    assert view.institution.name == "the Narnia Board" and not view.institution.recorded
    assert view.rules == "its arbitration rules" and view.administered
    assert not view.emergency and view.institution.expedited is None
    note = next(n for n in notes if n.id.startswith("arbitral-institution:"))
    assert note.path == "contract.jurisdiction" and "no record" in note.unrecognised
    assert "emergency arbitrator" in note.check and "law/forums" in note.check


def test_an_institution_chosen_in_disputes_with_no_record_is_drafted_with_a_note():
    data = _deal(
        lambda d: d.update(disputes={"arbitration": {"institution": "Narnia Arbitration Centre", "seat": "London"}})
    )
    deal, notes = _drafted(data)
    assert view_arbitration(arbitration_fields(deal), "English").institution.name == "the Narnia Arbitration Centre"
    note = next(n for n in notes if n.id.startswith("arbitral-institution:"))
    assert note.path == "disputes.arbitration.institution"


def test_a_recorded_institution_gives_no_note():
    data = _deal(lambda d: d.update(disputes={"arbitration": {"institution": "SIAC", "seat": "Singapore"}}))
    _, notes = _drafted(data)
    assert not [n for n in notes if n.id.startswith("arbitral-institution:")]


def test_an_arbitration_naming_no_institution_at_all_is_refused_asking_for_it():
    message = _problems(_deal(lambda d: d["contract"].update(jurisdiction="arbitration seated in London")))
    assert "which institution" in message and "HKIAC" in message and "UNCITRAL" in message


def test_a_final_contract_with_an_unrecorded_institution_needs_the_note_acknowledged():
    message = _problems(
        _final(_deal(lambda d: d["contract"].update(jurisdiction="arbitration by the Narnia Board, seated in London")))
    )
    assert "arbitral-institution:narnia-board" in message


def test_court_choices_do_not_combine_with_arbitration():
    message = _problems(
        _deal(
            lambda d: d.update(
                disputes={"courts": "non-exclusive", "arbitration": {"institution": "LCIA", "seat": "London"}}
            )
        )
    )
    assert "disputes.courts" in message


def test_two_arbitrators_are_refused():
    message = _problems(
        _deal(lambda d: d.update(disputes={"arbitration": {"institution": "ICC", "seat": "Paris", "arbitrators": 2}}))
    )
    assert "disputes.arbitration.arbitrators" in message and "1" in message and "3" in message


@pytest.mark.parametrize(
    "written",
    [
        "arbitraje ante el Centro de Arbitraje y Conciliación de la Cámara de Comercio de Bogotá, sede Bogotá",
        "arbitragem CAM-CCBC, sede São Paulo",
        "arbitrage CCI, siège Paris",
        "arbitrato della Camera Arbitrale di Milano",
        "Schiedsverfahren nach der DIS-Schiedsgerichtsordnung, Sitz Frankfurt",
        "tres árbitros en Lima",
    ],
)
def test_arbitration_written_in_another_language_is_never_read_as_a_court(written):
    from contractgen.law.jurisdictions import is_arbitration

    assert is_arbitration(written)


@pytest.mark.parametrize("courts", ["the courts of Bogotá", "los jueces de Bogotá", "the Commercial Court, London"])
def test_courts_are_not_arbitration(courts):
    from contractgen.law.jurisdictions import is_arbitration

    assert not is_arbitration(courts)
