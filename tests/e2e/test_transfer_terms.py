"""Every privacy law drafted by its own transfer mechanism renders a transfer term that names that mechanism, its
obligations, documents and deadlines, and carries no other law's transfer vocabulary (property over the records).

For each law/privacy record with ``transfers.default``, the world base deal is re-written under that law's market
with its delivery centres (India, Poland) outside the law's territory: the deal that names no mechanism gets the
default with a drafting note; in the slow lane each of the law's other mechanisms is named in turn.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.law.library import library
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_world_families import BASE, PRIVACY_MARKETS, _docx_text
from tests.helpers import FIXTURES

PRIVACY = {key: record.data for key, record in library().records("privacy").items()}
MECHANISMS = {key: record.data for key, record in library().records("mechanisms").items()}
DRAFTED = sorted(key for key, data in PRIVACY.items() if (data["transfers"].get("default")))
MARKETS = {**PRIVACY_MARKETS, "au-privacy-act": "new-south-wales", "pipeda": "ontario"}
OTHER_CHOICES = sorted(
    (key, m)
    for key in DRAFTED
    for m in PRIVACY[key]["transfers"]["mechanisms"]
    if m != PRIVACY[key]["transfers"]["default"]
)
# The European transfer vocabulary a contract under a non-European law alone must not carry.
EU_WORDS = ["SCCs", "adequacy decision", "European Commission", "GDPR", "EEA", "transfer risk assessment", "Module 2"]


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return Workspace()


def _flat(text: str) -> str:
    return " ".join(str(text).split())


def _render(law: str, mechanism: str | None, workspace: Workspace, tmp_path: Path):
    place = library().records("jurisdictions")[MARKETS[law]].data
    yaml = YAML()
    deal = yaml.load(BASE.read_text(encoding="utf-8"))
    deal["contract"]["governing_law"] = place["name"]
    deal["contract"]["jurisdiction"] = place["courts"]
    dp = deal["data_protection"]
    dp["regulations"] = [PRIVACY[law]["aliases"][0]]
    for key in ("roles", "international_transfers", "data_residency"):
        dp.pop(key, None)
    if mechanism:
        dp["international_transfers"] = {"mechanism": MECHANISMS[mechanism]["aliases"][0]}
    path = tmp_path / "deal.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(deal, out)
    result = build_document(load_deal(path), workspace)
    text = _docx_text(writers.render(result.document, workspace.template_dir(result.source.deal.template), "docx"))
    return result, text


def _check(law: str, mechanism: str, text: str, abroad: tuple[str, ...] = ("India", "Poland")) -> None:
    record, facts = PRIVACY[law], MECHANISMS[mechanism]
    assert f"Transfers under {_flat(record['name'])}" in text
    assert _flat(facts["name"]) in text
    for country in abroad:
        if country != {"IN": "India"}.get(record["territory"]):
            assert re.search(rf"\b(?:to|in) {re.escape(country)}\b", text), country
    if facts.get("document"):
        assert _flat(facts["document"]) in text  # in the clause, and the schedule's annex for it
        assert text.lower().count(_flat(facts["document"]).lower()) >= 2
        assert f"Annex 1: transfer document under {_flat(record['name'])}" in text
    if facts.get("filing"):
        filing = facts["filing"]
        within = f" within {filing['within']}" if filing["within"] else ""
        assert f"{_flat(filing['to'])}{within} {_flat(filing['after'])}" in text
    for item in (facts.get("consent") or {}).get("information") or ():
        assert _flat(item) in text
    if (facts.get("consent") or {}).get("separate"):
        assert "separate consent" in text
    if facts.get("periodic_check"):
        assert "will check periodically, and at least once a year" in text
    if facts.get("on_request"):
        assert "answer a request from an individual for information about those measures" in text
    if facts.get("impact_assessment"):
        assert _flat(facts["impact_assessment"]) in text
    if facts.get("not_in_force"):
        assert (
            f"{facts['not_in_force'][0].upper()}{facts['not_in_force'][1:]} has not been brought into operation" in text
        )
    if facts.get("standard"):
        assert _flat(facts["standard"]) in text
    # no other law's mechanism, no European transfer words
    others = [k for k, m in MECHANISMS.items() if m.get("law") and m["law"] != law and k != mechanism]
    assert [k for k in others if _flat(MECHANISMS[k]["name"]) in text] == []
    assert [w for w in EU_WORDS if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)] == []
    # "Commission" only as the law's own authority's name or inside the law's own mechanism names
    rest = text
    for own in [_flat(MECHANISMS[m]["name"]) for m in record["transfers"]["mechanisms"]] + [
        record["terms"]["authority"]
    ]:
        rest = rest.replace(own, "")
    assert not re.search(r"\bCommission\b", rest), law


@pytest.mark.parametrize("law", DRAFTED)
def test_a_law_without_an_adequacy_list_drafts_its_usual_mechanism_with_a_note(law, workspace, tmp_path):
    result, text = _render(law, None, workspace, tmp_path)
    default = PRIVACY[law]["transfers"]["default"]
    _check(law, default, text)
    notes = [n for n in result.source.notes if n.id.startswith(f"transfer-default:{law}-")]
    assert len(notes) == 1 and MECHANISMS[default]["aliases"][0] in notes[0].check


@pytest.mark.slow
@pytest.mark.parametrize("law, mechanism", OTHER_CHOICES)
def test_a_mechanism_the_deal_names_is_drafted_instead_without_a_note(law, mechanism, workspace, tmp_path):
    result, text = _render(law, mechanism, workspace, tmp_path)
    _check(law, mechanism, text)
    assert not [n for n in result.source.notes if n.id.startswith("transfer-default:")]
    default = MECHANISMS[PRIVACY[law]["transfers"]["default"]]
    assert _flat(default["name"]) not in text


def test_every_drafted_law_has_a_market_and_every_mechanism_a_kind():
    assert [law for law in DRAFTED if law not in MARKETS] == []
    for law in DRAFTED:
        for key in PRIVACY[law]["transfers"]["mechanisms"]:
            assert MECHANISMS[key].get("kind"), key
            assert MECHANISMS[key].get("law") in (law, None), key


# The practitioner deals (never edited) whose privacy laws are all drafted by their own mechanisms.
PRACTITIONER = FIXTURES / "openworld" / "deals"
ABROAD = {  # deal: (law, mechanism drafted, countries as the contract names them)
    "jp-manufacturer-appi": ("jp-appi", "appi-equivalent-measures", "the Philippines"),
    "sg-bank-mas": ("sg-pdpa", "sg-pdpa-contract", "India"),
    "difc-fintech": ("difc-dpl", "difc-sccs", "India"),
    "hk-bank-pdpo": ("hk-pdpo", "hk-model-clauses", "China"),
}
AT_HOME = ["br-retailer-lgpd", "cn-manufacturer-pipl", "il-insurer", "in-insurer-dpdp", "ng-bank-ndpa",
           "nz-council", "sa-bank-pdpl", "tr-bank-kvkk", "za-bank-popia"]  # fmt: skip


def _practitioner_text(name: str) -> str:
    from tests.terms import contract_text

    return _flat(contract_text(PRACTITIONER / f"{name}.yaml"))


@pytest.mark.parametrize("name", sorted(ABROAD))
def test_a_practitioner_deal_abroad_gets_its_laws_transfer_term_and_no_eu_words(name):
    law, mechanism, where = ABROAD[name]
    text = _practitioner_text(name)
    assert f"Transfers under {_flat(PRIVACY[law]['name'])}" in text
    assert f"is transferred to {where} on the basis of {_flat(MECHANISMS[mechanism]['name'])}" in text or (
        MECHANISMS[mechanism].get("not_in_force") and f"processes in {where}" in text
    )
    _check(law, mechanism, text, (where,))


@pytest.mark.slow
@pytest.mark.parametrize("name", AT_HOME)
def test_a_practitioner_deal_at_home_has_no_transfer_term_and_no_eu_words(name):
    text = _practitioner_text(name)
    assert "Transfers under" not in text
    assert [w for w in EU_WORDS if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)] == []
