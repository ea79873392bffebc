"""Every jurisdiction record with a public_sector block: a public-body client under that law gets a contract that
names each of the record's laws for its kind and level and describes the client with no company wording.

The deals are generated from the party matrix's base deal (tests/fixtures/deals/matrix/base.yaml) for each record,
so a record added later is checked without a test of its own: a central-government department, a local authority
where the record says what binds one (local_ fields), and each kind the record treats apart (by_kind).
"""

from __future__ import annotations

import copy
import datetime
from functools import lru_cache

import pytest
import yaml
from babel.numbers import get_territory_currencies

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.deal.readings.finding import note_id
from contractgen.law.library import active
from contractgen.law.public_sector import public_sector_of
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_hardening import docx_text
from tests.party_matrix import BASE, FOLDER

WORKSPACE = Workspace()
RECORDS = {
    key: record.data
    for key, record in sorted(active().records("jurisdictions").items())
    if record.data.get("public_sector")
}
CLIENTS = {
    "government_department": {"name": "The Minister for Public Services", "short_name": "Authority"},
    "local_authority": {"name": "Riverside City Council", "short_name": "Council"},
    "statutory_body": {"name": "Data Standards Authority", "short_name": "Authority"},
    "agency": {"name": "National Digital Agency", "short_name": "Agency"},
    "health_body": {"name": "Harbour Public Hospital", "short_name": "Hospital"},
}
COMPANY_WORDS = ("a company", "incorporated in", "registered office", "company number", "competitor of the")


def _cases() -> list[tuple[str, str]]:
    cases = []
    for key, data in RECORDS.items():
        public = data["public_sector"]
        # a state-owned company is a company, not a public body: tests/e2e/test_state_owned_render.py covers it
        kinds = {"government_department"} | set(public.get("by_kind") or {}) - {"state_owned_company"}
        if any(name.startswith("local_") for name in public):
            kinds.add("local_authority")
        cases += [(key, kind) for kind in sorted(kinds)]
    return cases


@lru_cache(maxsize=None)
def rendered(key: str, kind: str) -> str:
    """The DOCX text of a contract whose client is a public body of `kind` under the record's law."""
    record = RECORDS[key]
    data = copy.deepcopy(BASE)
    data["contract"]["governing_law"] = record["name"]
    currency = (get_territory_currencies(record["country"]) or ["EUR"])[0]
    data["commercials"].update(currency=currency, monthly_charges=f"{currency} 50,000")
    client = {**CLIENTS[kind], "kind": kind.replace("_", " "), "address": "1 Government Square"}
    supplier = {"name": "Northwind Services", "short_name": "Supplier", "company_number": "12345678",
                "incorporated_in": record["name"], "address": "2 Market Street"}  # fmt: skip
    data["parties"] = {"client": client, "supplier": supplier}
    # a law of a family the library has no terms of (Israel, the Philippines, Sri Lanka) is checked as a lawyer would
    data["acknowledged_notes"] = [note_id("family-not-drafted", record["family"])]
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    result = build_document(load_deal(FOLDER / f"public-{key}-{kind}.yaml", raw=raw), WORKSPACE)
    return " ".join(
        docx_text(writers.render(result.document, WORKSPACE.template_dir("it-outsourcing"), "docx")).split()
    )


@pytest.mark.parametrize(("key", "kind"), _cases(), ids=lambda v: v)
def test_a_public_body_gets_the_laws_its_record_names_and_no_company_wording(key, kind):
    text = rendered(key, kind)
    public = public_sector_of(key, kind, True)
    named = [*public.information_laws, public.information_code, public.audit_office, public.termination_grounds]
    missing = [law for law in named if law and law not in text and law[0].upper() + law[1:] not in text]
    assert not missing, f"{key} {kind}: the contract does not name {missing}"
    if not public.audit_office:  # a body the record's auditor does not reach (a US county, a Canadian municipality)
        assert "may examine the economy, efficiency and effectiveness" not in text, f"{key} {kind}: an auditor"
    if public.no_information_statute:
        assert "may be subject to laws that give a right of access" not in text
        assert "freedom of information" not in text.casefold()
    name = CLIENTS[kind]["name"]
    described = [text[i : i + 300] for i in range(len(text)) if text.startswith(name, i)]
    assert described, f"{name} is described nowhere"
    wrong = [w for d in described for w in COMPANY_WORDS if w in d.split("(referred to")[0].split("(the")[0]]
    assert not wrong, f"{key} {kind}: {name} is described with company wording {wrong}"
    assert "renews automatically" not in text


@pytest.mark.parametrize("key", sorted(RECORDS))
def test_every_public_sector_block_says_where_its_facts_come_from_and_when(key):
    public = RECORDS[key]["public_sector"]
    assert isinstance(public.get("as_of"), datetime.date), f"{key}: public_sector has no as_of date"
    sources = public.get("sources") or []
    assert sources and all(isinstance(s, str) and s.strip() for s in sources), f"{key}: {sources}"
