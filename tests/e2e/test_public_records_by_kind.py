"""Every jurisdiction record whose public_sector block says what reaches a state-owned company (by_kind:
state_owned_company), and every record whose execution block names a law on authority to arbitrate: a contract
generated under that law, with arbitration, names what the record says.

A state-owned company whose information law the record names keeps that law's duties out of the arbitration's
confidentiality (or, where the record names the provision that makes such an arbitration public, gets publicity);
a party agreeing to arbitrate under a law that voids an agreement signed without authority confirms its authority.
The deals are generated from the party matrix's base deal (tests/fixtures/deals/matrix/base.yaml), so a record
completed later is checked without a test of its own.
"""

from __future__ import annotations

import copy
from functools import lru_cache

import pytest
import yaml
from babel.numbers import get_territory_currencies

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.deal.readings.finding import note_id
from contractgen.law.library import active
from contractgen.law.public_sector import state_owned_sector
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_hardening import docx_text
from tests.e2e.test_public_sector_records import _cases as public_cases
from tests.e2e.test_public_sector_records import rendered as public_rendered
from tests.party_matrix import BASE, FOLDER

WORKSPACE = Workspace()
RECORDS = {key: record.data for key, record in sorted(active().records("jurisdictions").items())}
STATE_OWNED = sorted(
    key
    for key, data in RECORDS.items()
    if ((data.get("public_sector") or {}).get("by_kind") or {}).get("state_owned_company")
)
AUTHORITY = sorted(key for key, data in RECORDS.items() if (data.get("execution") or {}).get("arbitration_authority"))
CONFIDENTIAL = "The Parties will keep confidential the existence of any arbitration"
PUBLIC_CASES = public_cases()


def public_sector_of_for(key: str, kind: str):
    """The terms the generated public-body deal of tests/e2e/test_public_sector_records.py gets (its level by kind)."""
    from contractgen.law.public_sector import public_sector_of

    return public_sector_of(key, kind, True)


@lru_cache(maxsize=None)
def rendered(key: str, client_kind: str) -> str:
    """The DOCX text of an ICC arbitration contract under the record's law whose client is of `client_kind`."""
    record = RECORDS[key]
    data = copy.deepcopy(BASE)
    data["contract"]["governing_law"] = record["name"]
    data["contract"]["jurisdiction"] = "arbitration under the ICC Rules, seated in Paris, France"
    currency = (get_territory_currencies(record["country"]) or ["EUR"])[0]
    data["commercials"].update(currency=currency, monthly_charges=f"{currency} 50,000")
    client = {"name": "Northern Grid Corporation", "short_name": "Corporation", "address": "1 Grid Square"}
    if client_kind == "state-owned company":
        client.update(kind="state-owned company", company_number="12345678", incorporated_in=record["name"])
    else:
        client.update(kind=client_kind)
    supplier = {"name": "Northwind Services", "short_name": "Supplier", "company_number": "87654321",
                "incorporated_in": record["name"], "address": "2 Market Street"}  # fmt: skip
    data["parties"] = {"client": client, "supplier": supplier}
    data["acknowledged_notes"] = [note_id("family-not-drafted", record["family"])]
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    result = build_document(load_deal(FOLDER / f"by-kind-{key}.yaml", raw=raw), WORKSPACE)
    return " ".join(
        docx_text(writers.render(result.document, WORKSPACE.template_dir("it-outsourcing"), "docx")).split()
    )


def test_the_records_cover_the_state_owned_companies_and_the_authority_to_arbitrate():
    assert {"brazil", "india"} <= set(STATE_OWNED)
    assert "uae" in AUTHORITY


@pytest.mark.parametrize("key", STATE_OWNED)
def test_a_state_owned_company_gets_what_its_record_says_reaches_it(key):
    text = rendered(key, "state-owned company")
    public = state_owned_sector(key)
    for law in [*public.information_laws, public.audit_office]:
        assert not law or law in text or law[0].upper() + law[1:] in text, f"{key}: the contract does not name {law}"
    if public.arbitration_publicity:
        assert f"the principle of publicity that {public.arbitration_publicity} requires" in text
        assert CONFIDENTIAL not in text
    elif public.information_laws:
        assert CONFIDENTIAL in text
        carve_out = text.split(CONFIDENTIAL, 1)[1][:600]
        assert "Nothing in this paragraph limits Corporation's duties under" in carve_out, key
        assert all(law in carve_out for law in public.information_laws), carve_out
    else:  # a record that puts no information law on such a company: plain confidentiality
        assert "Nothing in this paragraph limits Corporation's duties" not in text


@pytest.mark.parametrize("key", AUTHORITY)
@pytest.mark.parametrize("client_kind", ["company", "statutory body"])
def test_a_party_agreeing_to_arbitrate_confirms_the_authority_its_law_requires(key, client_kind):
    text = rendered(key, client_kind)
    law = RECORDS[key]["execution"]["arbitration_authority"]
    assert f"is authorised to agree to arbitration on its behalf, as {law} requires" in text
    approval = "Corporation confirms that it has every approval that the law governing it requires"
    assert (approval in text) == (client_kind != "company")


def test_a_law_with_no_such_rule_has_no_authority_statement():
    assert "authorised to agree to arbitration on its behalf" not in rendered("england-and-wales", "company")


def test_a_body_of_a_kind_with_its_own_contract_law_gets_no_general_ground():
    from contractgen.law.public_sector import public_sector_of

    hospital = public_sector_of("colombia", "health_body", True, "local", ("Subred Norte E.S.E.",), "Bogotá D.C.")
    assert hospital.termination_grounds == "" and hospital.procurement_law == ""
    assert hospital.audit_office == "the Comptroller's Office of Bogotá (Contraloría de Bogotá D.C.)"
    ministry = public_sector_of("colombia", "government_department", True)
    assert ministry.termination_grounds == "Article 17 of Law 80 of 1993"


def test_a_local_body_gets_the_procurement_law_its_record_names_for_one():
    from contractgen.law.public_sector import public_sector_of

    municipality = public_sector_of("south-africa", "local_authority", True, "local")
    assert "Municipal Finance Management Act 56 of 2003" in municipality.procurement_law
    assert "section 116(1)(b)(i)" in municipality.termination_grounds
    assert public_sector_of("south-africa", "government_department", True).procurement_law == ""


@pytest.mark.parametrize(
    ("key", "kind"),
    [(key, kind) for key, kind in PUBLIC_CASES if public_sector_of_for(key, kind).procurement_law],
    ids=lambda v: v,
)
def test_a_public_body_is_told_the_procurement_law_its_record_names(key, kind):
    law = public_sector_of_for(key, kind).procurement_law
    assert f"has procured this Agreement under {law}, and the Parties will amend or extend it only as that law" in (
        public_rendered(key, kind)
    )


def test_a_kind_with_its_own_data_laws_gets_them_beside_its_level_s():
    from contractgen.law.public_sector import public_sector_of

    health = public_sector_of("new-south-wales", "health_body", True, "regional", ("Northern Sydney LHD",))
    assert health.privacy == ("PPIPA", "HRIPA")
    assert public_sector_of("new-south-wales", "statutory_body", True, "regional").privacy == ("PPIPA",)
