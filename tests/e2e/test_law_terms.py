"""The commercial law a jurisdiction record states reaches the contract: a contract under each law whose record
lists anti-bribery laws names them as its Anti-Corruption Laws (the world base deal, re-written per law)."""

from __future__ import annotations


import pytest
from ruamel.yaml import YAML

from contractgen.deal import load_deal
from contractgen.law.jurisdictions import load_jurisdictions
from contractgen.pipeline import Workspace, build_document
from tests.helpers import FIXTURES

BASE = FIXTURES / "world" / "base-deal.yaml"
WITH_LAWS = sorted(key for key, record in load_jurisdictions().items() if record.commercial.anti_bribery.laws)


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return Workspace()


def test_some_records_list_anti_bribery_laws():
    """The property below has records to run over (England and Wales, India, Singapore, Hong Kong, Brazil …)."""
    assert {"england-and-wales", "india", "singapore"} <= set(WITH_LAWS)


@pytest.mark.parametrize("key", WITH_LAWS)
def test_the_anti_corruption_laws_are_the_records(key, workspace, tmp_path):
    """The definition of Anti-Corruption Laws names each law of the record, and not the generic wording."""
    record = load_jurisdictions()[key]
    yaml = YAML()
    deal = yaml.load(BASE.read_text(encoding="utf-8"))
    deal["contract"]["governing_law"] = record.name
    deal["contract"]["jurisdiction"] = record.courts
    path = tmp_path / "deal.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(deal, out)
    result = build_document(load_deal(path), workspace)
    definitions = [
        d
        for _, clause in result.document.iter_clauses()
        for block in clause.blocks
        for d in getattr(block, "items", ())
        if getattr(d, "term", "") == "Anti-Corruption Laws"
    ]
    assert definitions, key
    text = "".join(getattr(run, "text", "") for run in definitions[0].content)
    for law in record.commercial.anti_bribery.laws:
        assert law in text, (key, law)
    assert "the laws on bribery and corruption of" not in text
