"""Each jurisdiction's contract carries no vocabulary of another legal family.

For every jurisdiction record, the base deal (tests/fixtures/world/base-deal.yaml) is re-written with
that jurisdiction as governing law and forum, built in this process and printed to DOCX; the DOCX
text must not carry any of the words its family lists under ``must_not_use`` (law/families).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.law.library import library
from contractgen.pipeline import Workspace, build_document
from tests.helpers import FIXTURES

BASE = FIXTURES / "world" / "base-deal.yaml"
JURISDICTIONS = sorted(library().records("jurisdictions").items())
FAMILIES = {key: record.data for key, record in library().records("families").items()}


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return Workspace()


def _docx_text(data: bytes) -> str:
    from docx import Document as Docx
    from docx.oxml.ns import qn

    body = Docx(io.BytesIO(data)).element.body
    return " ".join(" ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))).split())


def _deal_under(record: dict, tmp_path: Path) -> Path:
    yaml = YAML()
    deal = yaml.load(BASE.read_text(encoding="utf-8"))
    deal["contract"]["governing_law"] = record["name"]
    deal["contract"]["jurisdiction"] = record["courts"]
    path = tmp_path / "deal.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(deal, out)
    return path


def _found(words: list[str], text: str) -> list[str]:
    return [w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, re.IGNORECASE)]


@pytest.mark.parametrize("key,record", JURISDICTIONS, ids=[k for k, _ in JURISDICTIONS])
def test_contract_carries_no_other_familys_vocabulary(key, record, workspace, tmp_path):
    data = record.data
    result = build_document(load_deal(_deal_under(data, tmp_path)), workspace)
    text = _docx_text(writers.render(result.document, workspace.template_dir(result.source.deal.template), "docx"))
    assert data["law"].split(",")[0] in text  # the contract is governed by this law …
    assert _found(FAMILIES[data["family"]].get("must_not_use") or [], text) == []  # … in its family's words


# A market's own privacy law, under that market's law: the record id and the jurisdiction it belongs to.
PRIVACY_MARKETS = {
    "sg-pdpa": "singapore",
    "in-dpdp": "india",
    "br-lgpd": "brazil",
    "jp-appi": "japan",
    "za-popia": "south-africa",
    "cn-pipl": "china",
    "kr-pipa": "south-korea",
    "sa-pdpl": "saudi-arabia",
    "tr-kvkk": "turkey",
    "difc-dpl": "difc",
    "adgm-dpr": "adgm",
    "nz-privacy-act": "new-zealand",
    "id-pdp": "indonesia",
    "ng-ndpa": "nigeria",
    "il-ppl": "israel",
    "mx-lfpdppp": "mexico",
    "hk-pdpo": "hong-kong",
    "ke-dpa": "kenya",
    "th-pdpa": "thailand",
    "ph-dpa": "philippines",
    "my-pdpa": "malaysia",
    "vn-pdpl": "vietnam",
    "ar-pdpl": "argentina",
    "eg-pdpl": "egypt",
    "co-ley-1581": "colombia",
    "cl-ley-19628": "chile",
    "pe-ley-29733": "peru",
    "uy-ley-18331": "uruguay",
    "ae-pdpl": "uae",
}


@pytest.mark.parametrize("privacy_key,jurisdiction_key", sorted(PRIVACY_MARKETS.items()))
def test_a_markets_privacy_law_is_cited_in_its_own_words(privacy_key, jurisdiction_key, workspace, tmp_path):
    regime = library().records("privacy")[privacy_key].data
    place = library().records("jurisdictions")[jurisdiction_key].data
    yaml = YAML()
    deal = yaml.load(BASE.read_text(encoding="utf-8"))
    deal["contract"]["governing_law"] = place["name"]
    deal["contract"]["jurisdiction"] = place["courts"]
    dp = deal["data_protection"]
    dp["regulations"] = [regime["aliases"][0]]
    for key in ("roles", "international_transfers", "data_residency"):
        dp.pop(key, None)
    path = tmp_path / "deal.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(deal, out)
    result = build_document(load_deal(path), workspace)
    # a law without an adequacy list drafts data handled outside its territory on its usual mechanism, with a note
    transfers = regime["transfers"]
    inside = {regime["territory"], *(transfers.get("inside") or ())}
    abroad = {c.country for c in result.source.deal.sourcing.delivery_centres} - inside
    assert any(n.id.startswith(f"transfer-default:{privacy_key}-") for n in result.source.notes) == (
        bool(transfers.get("default")) and bool(abroad) and bool(result.source.deal.contract.draft)
    )
    text = _docx_text(writers.render(result.document, workspace.template_dir(result.source.deal.template), "docx"))
    assert regime["citation"] in text and regime["terms"]["authority"] in text
    assert ("immediately, as section 21(2) of POPIA requires of an operator" in text) == (privacy_key == "za-popia")
    assert _found(["GDPR", "Information Commissioner", "supervisory authority"], text) == []
    roles = list(regime.get("roles") or {})  # the parties' roles in the law's own words, controller side first
    if len(roles) > 1:
        assert re.search(rf"For the purposes of {re.escape(regime['name'])}.{{0,80}} is the {re.escape(roles[0])} "
                         rf"and .{{0,80}} is the {re.escape(roles[1])} that processes the ", text), roles  # fmt: skip
    assert _found(FAMILIES[place["family"]].get("must_not_use") or [], text) == []


# A market's financial-services outsourcing rule, named by a client under that market's law.
SECTOR_MARKETS = {
    "mas-outsourcing": "singapore",
    "hkma-sa-2": "hong-kong",
    "rbi-it-outsourcing": "india",
    "irdai-outsourcing": "india",
    "apra-cps-230": "new-south-wales",
    "cbi-outsourcing": "ireland",
    "cssf-22-806": "luxembourg",
    "bafin-marisk-at9": "germany",
    "acpr-arrete-2014": "france",
    "bnm-outsourcing": "malaysia",
    "ojk-pojk-11-2022": "indonesia",
    "fisc-security-guidelines": "japan",
    "bddk-support-services": "turkey",
    "sama-outsourcing": "saudi-arabia",
    "cbuae-outsourcing": "uae",
}


def test_every_financial_outsourcing_record_has_its_category():
    for key in SECTOR_MARKETS:
        assert library().records("sector")[key].data["category"] == "financial", key


@pytest.mark.parametrize("sector_key,jurisdiction_key", sorted(SECTOR_MARKETS.items()))
def test_a_markets_outsourcing_rule_is_named_in_its_contract(sector_key, jurisdiction_key, workspace, tmp_path):
    regulation = library().records("sector")[sector_key].data
    place = library().records("jurisdictions")[jurisdiction_key].data
    yaml = YAML()
    deal = yaml.load(BASE.read_text(encoding="utf-8"))
    deal["contract"]["governing_law"] = place["name"]
    deal["contract"]["jurisdiction"] = place["courts"]
    deal["regulatory"] = [regulation["aliases"][0]]
    path = tmp_path / "deal.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(deal, out)
    result = build_document(load_deal(path), workspace)
    text = _docx_text(writers.render(result.document, workspace.template_dir(result.source.deal.template), "docx"))
    assert regulation["title"] in text
    assert _found(FAMILIES[place["family"]].get("must_not_use") or [], text) == []
