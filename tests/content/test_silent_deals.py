"""Deals written tersely, as a first term sheet is: silent on personal data and on what each service includes.

A deal with no `data_protection` section is drafted with the processor terms of the client's privacy law, from what
its facts say the data is (the client's sector or kind, the contract's title, the services' names and descriptions),
and at the least the accounts of the client's users; a note says what was assumed. `data_protection: null` says none.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from contractgen.deal import load_deal
from tests.helpers import FIXTURES
from tests.terms import overlaid

DISPUTES = FIXTURES / "deals" / "disputes"
PARTIES = FIXTURES / "deals" / "parties"
DRAFT = FIXTURES / "deals" / "overlays" / "draft.yaml"
NO_DATA = FIXTURES / "deals" / "overlays" / "no-personal-data.yaml"


def _notes(path: Path, tmp_path: Path) -> dict[str, object]:
    return {n.id: n for n in load_deal(overlaid(path, DRAFT, tmp_path)).notes}


def test_a_deal_that_names_no_data_gets_its_users_accounts_under_the_clients_law(tmp_path):
    deal = load_deal(DISPUTES / "nz-uncitral.yaml").deal
    assert deal.data_protection is not None and deal.data_protection.regulations == ["Privacy Act 2020"]
    assert deal.data_protection.data_subjects == ["employees", "contractors", "other authorised users"]
    assert "user account and access data" in deal.data_protection.data_categories
    note = _notes(DISPUTES / "nz-uncitral.yaml", tmp_path)["personal-data-assumed:privacy-act-2020"]
    assert "at the least, the accounts of the people who use the systems in scope" in note.message
    assert "data_protection: null for none" in note.message


def test_the_contract_title_names_the_data_when_the_services_do_not(tmp_path):
    # the title alone says pharmacovigilance once the service's name is neutral
    base = DISPUTES / "de-courts-india.yaml"
    renamed = tmp_path / "renamed.yaml"
    renamed.write_text(base.read_text("utf-8").replace("Safety Database Operations", "Database Operations"), "utf-8")
    deal = load_deal(renamed).deal
    assert deal.data_protection.special_categories == ["health data"]
    assert deal.data_protection.international_transfers.mechanism == "SCCs"
    assert any("the contract's title speaks of pharmacovigilance" in w for w in deal._assumed)


def test_a_branch_clients_data_is_under_the_law_where_the_branch_trades():
    deal = load_deal(PARTIES / "sg-branch-sole-trader.yaml").deal
    assert deal.data_protection.regulations[0] == "PDPA 2012"


def test_a_us_client_is_told_no_general_privacy_law_is_recorded(tmp_path):
    notes = _notes(DISPUTES / "ny-icdr.yaml", tmp_path)
    note = notes["personal-data-no-law:us"]
    assert (
        "the client is an insurer" in note.message and "the data-breach statute of the client's state" in note.message
    )
    assert load_deal(DISPUTES / "ny-icdr.yaml").deal.data_protection is None


def test_data_protection_null_still_says_there_is_none(tmp_path):
    deal = load_deal(overlaid(DISPUTES / "nz-uncitral.yaml", NO_DATA, tmp_path)).deal
    assert deal.data_protection is None
    assert not [w for w in deal._assumed if w.startswith("data_protection")]


# Schedule 1: a service silent on its scope and hours is drafted from its kind (deal/data/service_kinds.yaml)


def _payments(tmp_path: Path, **service: object) -> Path:
    """en-asymmetric (one Payments Processing service) with the service's fields replaced."""
    data = yaml.safe_load((DISPUTES / "en-asymmetric.yaml").read_text("utf-8"))
    data["scope"]["services"][0].update(service)
    path = tmp_path / "payments.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return path


def test_a_terse_payments_service_gets_its_kinds_scope_and_round_the_clock_hours(tmp_path):
    service = load_deal(DISPUTES / "en-asymmetric.yaml").deal.scope.services[0]
    assert service.support_hours == "24x7"
    assert service.in_scope[1].startswith("Receiving, validating, routing and settling payment transactions")
    assert service.out_of_scope[-1] == "Fraud losses and chargebacks not caused by a breach of this Agreement"
    note = _notes(DISPUTES / "en-asymmetric.yaml", tmp_path)["default-scope:pay"]
    assert "which its name makes a payments processing service" in note.message
    assert "the generator's defaults for such a service" in note.message


def test_what_the_deal_writes_is_never_replaced(tmp_path):
    own = load_deal(
        _payments(
            tmp_path,
            support_hours="Monday-Friday 07:00-19:00",
            support_timezone="Europe/London",
            out_of_scope=["Chargeback handling"],
        )
    ).deal.scope.services[0]
    assert own.support_hours == "Monday-Friday 07:00-19:00"
    assert own.out_of_scope == ["Chargeback handling"]
    assert own.in_scope[0].startswith("Operating the payment processing platform")
    listed = load_deal(_payments(tmp_path, in_scope=["SEPA credit transfers only"])).deal.scope.services[0]
    assert listed.in_scope == ["SEPA credit transfers only"] and listed.out_of_scope == []
    assert listed.support_hours == "24x7"  # silent on hours: a payments service runs round the clock


def test_the_kind_is_read_in_the_languages_deals_are_written_in(tmp_path):
    for name, kind_activity in (
        ("Zahlungsverkehr", "Operating the payment processing platform"),
        ("Gestione della Rete", "Monitoring the network devices and links in scope"),
        ("Hébergement", "Providing and operating the hosting environments"),
        ("Sklep Internetowy", "Hosting and operating the online shop"),
    ):
        service = load_deal(_payments(tmp_path, name=name)).deal.scope.services[0]
        assert service.in_scope[0].startswith(kind_activity), name


def test_a_service_of_a_kind_the_clause_drafts_is_left_to_the_clause():
    hk = load_deal(DISPUTES / "hk-hkiac-written.yaml").deal.scope.services[0]  # Service Desk: end-user support
    assert hk.in_scope == [] and hk.support_hours is None
