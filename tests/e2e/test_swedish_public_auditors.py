"""A Swedish municipality's auditors are appointed by its municipal assembly and a region's by its regional
assembly (Chapter 12 of the Local Government Act (2017:725)); the contract names the one that fits the body, and
speaks of several auditors as 'them'. A body the deal calls a region is a regional body without a `level`.
"""

from __future__ import annotations

import yaml

from contractgen.deal import load_deal
from tests.helpers import FIXTURES
from tests.terms import contract_text

MUNICIPALITY = FIXTURES / "deals" / "parties" / "se-municipality.yaml"
ACCESS = "and anyone acting for them, access to the records, premises and personnel connected with this Agreement"


def region_deal(tmp_path, **client):
    """The municipality's deal with a region as client."""
    data = yaml.safe_load(MUNICIPALITY.read_text(encoding="utf-8"))
    data["parties"]["client"].update(name="Region Skåne", short_name="Region", **client)
    path = tmp_path / "se-region.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_a_region_is_audited_by_the_auditors_its_regional_assembly_appoints(tmp_path):
    path = region_deal(tmp_path, kind="region")
    assert load_deal(path).deal.parties.client.level == "regional"
    text = contract_text(path)
    assert (
        "The auditors appointed by the regional assembly (regionfullmäktige) under Chapter 12 of the Local "
        "Government Act (2017:725) may examine"
    ) in text
    assert ACCESS in text
    assert "kommunfullmäktige" not in text and "anyone acting for it," not in text


def test_a_region_whose_level_the_deal_states_keeps_it(tmp_path):
    assert load_deal(region_deal(tmp_path, kind="region", level="local")).deal.parties.client.level == "local"


def test_a_municipality_is_audited_by_the_auditors_its_municipal_assembly_appoints():
    text = contract_text(MUNICIPALITY)
    assert "appointed by the municipal assembly (kommunfullmäktige) under Chapter 12" in text
    assert ACCESS in text and "regionfullmäktige" not in text


def test_a_swedish_public_body_is_asked_whether_the_services_are_security_sensitive(tmp_path):
    """The deal cannot say so: a draft's note (a final contract's build warning) names the Protective Security Act."""
    data = yaml.safe_load(MUNICIPALITY.read_text(encoding="utf-8"))
    data["contract"]["draft"] = True
    path = tmp_path / "se-draft.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    notes = [n for n in load_deal(path).notes if n.id.startswith("protective-security:")]
    assert len(notes) == 1 and "the Protective Security Act (2018:585)" in notes[0].unrecognised
    data["parties"]["client"] = {**data["parties"]["client"], "kind": "company", "company_number": "556000-0000"}
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    assert not [n for n in load_deal(path).notes if n.id.startswith("protective-security:")]
