"""A public body's contract formalities come from the law record of its country (`public_contracts`), for every
record that carries them: the form and signature of the contract, its stamp duty, the electronic invoice, a split
payment of VAT, a public debtor's statutory interest and the language it contracts in. A company client in the
same country gets none of them.

The deal is the practitioner-written Italian public hospital of tests/fixtures/deals/parties, moved to each
record's law (the client's country follows the governing law), and the same deal with a company as client.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from contractgen.law.library import active
from contractgen.law.public_contracts import public_contract_of
from tests.helpers import FIXTURES
from tests.terms import contract_text

BASE = FIXTURES / "deals" / "parties" / "it-public-hospital.yaml"
RECORDS = sorted(
    (key, record.data)
    for key, record in active().records("jurisdictions").items()
    if record.data.get("public_contracts")
)


def test_the_records_that_carry_the_block_include_italy_and_sweden():
    assert {"italy", "sweden"} <= {key for key, _ in RECORDS}


def expected_words(block: dict) -> list[str]:
    """What the record makes the contract say, each citation as the record writes it."""
    words = []
    if form := block.get("form"):
        words.append(f"as {form['law']} requires")
        if form.get("stamp_duty"):
            words.append(form["stamp_duty"])
    if invoices := block.get("e_invoicing"):
        words += [f"as {invoices['form']} under {invoices['law']}", *invoices.get("references", [])]
        if invoices.get("system"):
            words.append(f"through {invoices['system']}")
    if split := block.get("split_payment"):
        words.append(f"Where {split['law']} applies to a payment")
    if late := block.get("late_payment"):
        debtor = late.get("debtor") or "a public administration"
        words.append(f"at {late['rate']}, as {late['law']} provides for a debt of {debtor}")
    if (forum := block.get("forum")) and forum.get("federal_courts"):
        words.append(f"{forum['federal_courts']} sitting in")
    if language := block.get("language"):
        only = (
            " only" if language.get("exclusive") else ""
        )  # Quebec: a version in another language may only be attached
        words.append(f"contracts in {language['language']}{only} ({language['law']})")
    return words


def deal_for(record: dict, tmp_path: Path, company: bool) -> Path:
    """The hospital deal under the record's law; with a company as client when `company` is true."""
    data = yaml.safe_load(BASE.read_text(encoding="utf-8"))
    data["contract"]["governing_law"] = record["name"]
    if company:
        data["parties"]["client"] = {
            "name": "Example Clinics S.p.A.",
            "short_name": "Client",
            "company_number": "12345678901",
            "incorporated_in": record["name"],
            "address": data["parties"]["client"]["address"],
        }
    path = tmp_path / f"{record['country']}-{'company' if company else 'public'}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("key,record", RECORDS, ids=[key for key, _ in RECORDS])
def test_a_public_body_gets_its_countrys_formalities_and_a_company_none(key, record, tmp_path):
    block = record["public_contracts"]
    words = expected_words(block)
    assert words, f"{key}: a public_contracts block that drafts nothing"
    public = contract_text(deal_for(record, tmp_path, company=False))
    for phrase in words:
        assert " ".join(phrase.split()) in public, f"{key}: missing {phrase!r}"
    company = contract_text(deal_for(record, tmp_path, company=True))
    for phrase in words:
        assert " ".join(phrase.split()) not in company, f"{key}: a company client is told {phrase!r}"
    if block.get("form"):
        assert "exchange signed counterparts by email" not in public
    if block.get("late_payment"):
        assert "1% per month" not in public


@pytest.mark.parametrize("key,record", RECORDS, ids=[key for key, _ in RECORDS])
def test_the_reader_gives_nothing_to_a_client_that_is_not_a_public_body(key, record):
    assert not public_contract_of(record["country"], "company", False).applies
    assert public_contract_of(record["country"], "local_authority", True).country == record["country"]


def test_a_public_health_body_gets_the_longer_statutory_period_where_the_law_gives_one():
    assert public_contract_of("IT", "health_body", True).late_payment.days == 60
    assert public_contract_of("IT", "local_authority", True).late_payment.days == 30


def test_a_rule_for_one_level_of_public_body_binds_that_level_only():
    """Germany's federal e-invoicing ordinance binds the Federation's bodies, not a Land's or a municipality's."""
    assert "E-Rechnungsverordnung" in public_contract_of("DE", "government_department", True).e_invoicing.law
    assert not public_contract_of("DE", "local_authority", True).e_invoicing.law
    assert not public_contract_of("DE", "agency", True, "regional").e_invoicing.law
    assert public_contract_of("IT", "local_authority", True).e_invoicing.law  # Italy's binds every level


def _with_terms(tmp_path: Path, payment_terms: str, kind: str) -> Path:
    data = yaml.safe_load(BASE.read_text(encoding="utf-8"))
    data["commercials"]["payment_terms"] = payment_terms
    data["parties"]["client"]["kind"] = kind
    path = tmp_path / f"it-{kind.replace(' ', '-')}-{payment_terms.split()[0]}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "payment_terms,kind,asked",
    [("60 days", "public hospital", False), ("90 days", "public hospital", True), ("60 days", "municipality", True)],
)
def test_a_payment_period_longer_than_a_public_debtors_is_asked_about(tmp_path, payment_terms, kind, asked):
    """Italy gives a public administration 30 days to pay and a public health body 60 (D.Lgs. 231/2002 art. 4)."""
    from contractgen.deal import load_deal
    from contractgen.deal.notes import final_warnings

    source = load_deal(_with_terms(tmp_path, payment_terms, kind))
    warned = [w for w in final_warnings(source.deal) if w.startswith("commercials.payment_terms:")]
    assert bool(warned) is asked, warned
    if asked:
        assert "Legislative Decree No. 231 of 9 October 2002 gives a public body of its kind" in warned[0]
