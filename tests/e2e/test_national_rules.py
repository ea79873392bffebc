"""The rules that follow the parties' country reach the contract, for every jurisdiction record that states one.

The base deal of the world-markets test is re-written so that both parties are incorporated in the record's
country and its law governs; the contract is built and read back from the DOCX. Each record's
``contract_language``, ``court_termination``, ``bank_secrecy``, ``working_week``, ``copyright_transfer`` and
mandatory ``late_payment`` is checked on the text (docs/law.md, "Jurisdictions").
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.law.library import library
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_world_families import BASE, _docx_text

RECORDS = dict(sorted(library().records("jurisdictions").items()))
BLOCKS = ("contract_language", "court_termination", "bank_secrecy", "working_week", "copyright_transfer")


def _with(block: str) -> list[str]:
    return [key for key, record in RECORDS.items() if record.data.get(block)]


MANDATORY_INTEREST = [k for k, r in RECORDS.items() if (r.data.get("late_payment") or {}).get("mandatory")]
QUALIFIED = [k for k, r in RECORDS.items() if (r.data.get("execution") or {}).get("e_signature_kind") == "qualified"]
KEYS = sorted({key for block in BLOCKS for key in _with(block)} | set(MANDATORY_INTEREST) | set(QUALIFIED))


def _deal(key: str, folder: Path, **changes: object) -> Path:
    """The base deal with both parties incorporated where the record is, under its law and courts."""
    yaml = YAML()
    deal = yaml.load(BASE.read_text(encoding="utf-8"))
    record = RECORDS[key].data
    deal["contract"]["governing_law"] = record["name"]
    deal["contract"]["jurisdiction"] = record["courts"]
    deal["parties"]["client"]["incorporated_in"] = record["name"]
    deal["parties"]["supplier"]["incorporated_in"] = record["name"]
    for path, value in changes.items():
        section, field = path.split("__")
        deal.setdefault(section, {})
        deal[section][field] = value
    out = folder / f"{key}.yaml"
    with out.open("w", encoding="utf-8") as handle:
        yaml.dump(deal, handle)
    return out


@cache
def _text(key: str, folder: str, changes: tuple[tuple[str, object], ...] = ()) -> str:
    workspace = Workspace()
    result = build_document(load_deal(_deal(key, Path(folder), **dict(changes))), workspace)
    template = workspace.template_dir(result.source.deal.template)
    return " ".join(_docx_text(writers.render(result.document, template, "docx")).split())


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    base = tmp_path_factory.mktemp("national")

    def text(key: str, **changes: object) -> str:
        folder = base / (key + "".join(f"-{k}" for k in changes))
        folder.mkdir(exist_ok=True)
        return _text(key, str(folder), tuple(sorted(changes.items())))

    return text


def test_the_records_state_the_rules():
    """The properties below have records to run over: the reviewers' markets."""
    assert {"indonesia", "turkey"} <= set(_with("contract_language"))
    assert {"indonesia", "turkey", "poland"} <= set(_with("bank_secrecy"))
    assert {"israel", "saudi-arabia"} <= set(_with("working_week"))
    assert {"poland", "turkey"} <= set(_with("copyright_transfer"))
    assert {"indonesia"} <= set(_with("court_termination"))
    assert {"poland", "turkey"} <= set(MANDATORY_INTEREST)


@pytest.mark.parametrize("key", KEYS)
def test_each_national_rule_reaches_the_contract(key, texts):
    data = RECORDS[key].data
    text = texts(key)
    lang = data.get("contract_language")
    if lang:
        national = lang["language"]
        assert f"This Agreement is made in {national} and English, and each text is an original." in text
        assert f"The {national} text is made to comply with {lang['law']}." in text
        assert f"the {national} text prevails" in text
        assert "If it is translated into another language, the English text prevails" not in text
    else:
        assert "This Agreement is made in English." in text
    court = data.get("court_termination")
    if court and court["court_needed"] and court["waivable"]:
        assert f"without a court's decision. To that extent the Parties waive {court['law']}" in text
    else:
        assert "without a court's decision" not in text
    secrecy = data.get("bank_secrecy")
    if secrecy and data["country"] not in ("CH", "SG"):  # Northwind Bank plc is a bank
        assert f"is a bank bound by the statutory bank secrecy of {secrecy['law']}." in text
        assert f"including {secrecy['covers']}" in text
    else:
        assert "statutory bank secrecy of" not in text
    weekend = (data.get("working_week") or {}).get("weekend") or ["Saturday", "Sunday"]
    assert "“Business Day” means a day other than a " + ", a ".join(weekend) + " or a public holiday" in text
    transfer = data.get("copyright_transfer")
    if transfer and transfer["fields_listed"]:
        assert f"in each of the following fields of exploitation, listed under {transfer['law']}:" in text
        for field in transfer["fields"]:
            assert field in text
        assert "whether known or unknown" not in text
        assert ("if a new field of exploitation" in text) == (not transfer["unknown_fields"])
    if (data.get("execution") or {}).get("e_signature_kind") == "qualified":
        assert "may sign this Agreement by qualified electronic signature" in text
    late = data.get("late_payment") or {}
    if late.get("mandatory"):
        assert f"until payment at {late['rate']} under {late['law']}, without a reminder being needed" in text
        assert ("owes in addition " + late["compensation"]) in text if late.get("compensation") else True


@pytest.mark.parametrize("key", _with("contract_language"))
def test_the_deal_chooses_the_prevailing_text_only_where_the_law_lets_it(key, texts):
    lang = RECORDS[key].data["contract_language"]
    text = texts(key, language__prevailing="English")
    national = lang["language"]
    if lang["prevails"] == "agreed":
        assert f"This Agreement is made in English and {national}" in text
        assert "the English text prevails" in text
    else:
        assert f"This Agreement is made in {national} and English" in text
        assert f"the {national} text prevails" in text


@pytest.mark.parametrize("key", _with("contract_language"))
def test_a_party_abroad_does_not_bring_a_rule_that_needs_both(key):
    """A rule for contracts between two of the country's companies does not reach one with a foreign supplier."""
    lang = RECORDS[key].data["contract_language"]
    text = _edited_text(key, "supplier", "incorporated_in", "India")
    assert (f"This Agreement is made in {lang['language']} and English" in text) == (lang["parties"] == "any")


def test_an_interest_free_client_is_charged_no_interest():
    """A participation bank's contract charges no interest on late payment, whatever the governing law gives."""
    text = _edited_text("turkey", "client", "name", "Anadolu Katılım Bankası A.Ş.")
    assert "No interest accrues on any amount payable under this Agreement." in text
    assert "may charge simple interest" not in text


@cache
def _edited_text(key: str, party: str, field: str, value: str) -> str:
    """The contract of the record's deal with one field of one party changed."""
    with tempfile.TemporaryDirectory() as tmp:
        path = _deal(key, Path(tmp))
        yaml = YAML()
        deal = yaml.load(path.read_text(encoding="utf-8"))
        deal["parties"][party][field] = value
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(deal, handle)
        workspace = Workspace()
        result = build_document(load_deal(path), workspace)
        template = workspace.template_dir(result.source.deal.template)
        return " ".join(_docx_text(writers.render(result.document, template, "docx")).split())
