"""Findings of the reviews of the arbitration deals and the Asian and Gulf practitioner deals that recur across
deals, each held by rendered text across every sample and disputes deal it applies to."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from contractgen.deal import load_deal
from contractgen.deal.derived import compute_derived
from contractgen.templating.filters import with_article
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

DISPUTES = FIXTURES / "deals" / "disputes"
OVERLAYS = FIXTURES / "deals" / "overlays"
DEALS = sorted(SAMPLES.glob("*.yaml")) + sorted(p for p in DISPUTES.glob("*.yaml") if p.stem != "expect")
IDS = [p.stem for p in DEALS]


@lru_cache(maxsize=None)
def text_of(path: Path) -> str:
    """The rendered text of a deal, built once per test run."""
    return contract_text(path)


def notices_table(text: str) -> str:
    """The notices clause's address table and the sentences after it, up to the last sentence of the clause."""
    start = text.index("Postal address Email")
    return text[start : text.index("This clause does not apply to the service of proceedings", start)]


# Notices: no "Not applicable" email for a party the clause expects to email


@pytest.mark.parametrize("path", DEALS, ids=IDS)
def test_notices_never_print_not_applicable_for_an_email(path):
    deal = load_deal(path).deal
    table = notices_table(text_of(path))
    assert "Not applicable" not in table
    for party in (deal.parties.client, deal.parties.supplier):
        if party.notices_email:
            assert f"{party.notices_email}" in table
    both = deal.parties.client.notices_email and deal.parties.supplier.notices_email
    assert ("None: by hand" in table) is (not both)
    assert ("A notice may be sent by email only to a Party whose email address is given above." in table) is (not both)


def test_a_draft_without_a_notices_email_prints_a_placeholder_and_a_note(tmp_path):
    path = overlaid(DISPUTES / "sg-siac-tiered.yaml", OVERLAYS / "draft.yaml", tmp_path)
    table = notices_table(contract_text(path))
    assert table.count("[●]") == 2
    assert "None: by hand" not in table and "Not applicable" not in table
    ids = {n.id for n in load_deal(path).notes}
    assert {"default-notices-email:client", "default-notices-email:supplier"} <= ids


# The indefinite article follows the sound of the defined term it comes before


@pytest.mark.parametrize(
    "words, expected",
    [
        ("Insurer", "an Insurer"),
        ("Authority", "an Authority"),
        ("Bank", "a Bank"),
        ("University", "a University"),
        ("FCA", "an FCA"),
        ("BBC", "a BBC"),
        ("Eligible Data Breach", "an Eligible Data Breach"),
    ],
)
def test_the_article_follows_the_sound(words, expected):
    assert with_article(words) == expected


def test_a_vowel_initial_client_name_takes_an():
    text = text_of(DISPUTES / "sg-siac-tiered.yaml")
    assert "perform an Insurer Dependency" in text and "relief for an Insurer Default" in text
    assert "not an Insurer Default" in text and "a direct result of an Insurer Default" in text


@pytest.mark.parametrize("path", DEALS, ids=IDS)
def test_no_a_before_a_vowel_initial_party_term(path):
    text = text_of(path)
    deal = load_deal(path).deal
    for name in (deal.parties.client.short_name, deal.parties.supplier.short_name):
        if name and name[0] in "AEIO":
            assert not re.search(rf"\ba {re.escape(name)}\b", text), name


# The Regulator's resolution power only for the firms a resolution regime covers


@pytest.mark.parametrize("path", DEALS, ids=IDS)
def test_resolution_wording_only_for_banks_and_investment_firms(path):
    deal = load_deal(path).deal
    text = text_of(path)
    if not re.search(r"Regulator\W{1,2}means", text):
        return
    resolution = ", or has power to act in its resolution" in text
    bank = compute_derived(deal).client_sector in ("bank", "investment firm") and not deal.parties.client.public_body
    assert resolution is bank


def test_a_bank_and_an_insurer_sample_differ_on_resolution():
    assert ", or has power to act in its resolution" in text_of(SAMPLES / "deal-example.yaml")
    insurer = text_of(SAMPLES / "nearshore-eur.yaml")
    assert re.search(r"Regulator\W{1,2}means", insurer) and "power to act in its resolution" not in insurer


# Beside an arbitration clause, no court proceedings "before a limitation period expires"


@pytest.mark.parametrize("path", DEALS, ids=IDS)
def test_the_limitation_exception_follows_the_final_forum(path):
    text = text_of(path)
    arbitration = "will be referred to and finally resolved by arbitration" in text
    # Scots law speaks of rights extinguished by prescription or limitation, not of a limitation period expiring
    expiry = (
        "before any right is extinguished by prescription or limitation"
        if "governed by the law of Scotland" in text
        else "before a limitation period expires"
    )
    court_filing = f"or from starting proceedings to protect its rights {expiry}" in text
    early_reference = (
        f"or from referring a Dispute to arbitration, without waiting for the steps above, to protect its rights {expiry}."
        in text
    )
    if arbitration:
        assert early_reference and not court_filing
    else:
        assert court_filing and not early_reference


# Availability measured within the hours the service is provided


def test_a_business_hours_service_is_not_measured_around_the_clock():
    text = text_of(DISPUTES / "sg-siac-tiered.yaml")
    assert "will provide this service during the Insurer's normal business hours on Business Days" in text
    assert "99.5% its support hours: normal business hours on Business Days" in text
    assert "24 hours a day, every day" not in text
    assert "0.5% of its Service Hours" in text


def test_the_arbitration_deals_are_read_as_arbitration():
    for name in ("sg-siac-tiered", "nz-uncitral", "ch-swiss-rules", "de-dis-india"):
        assert "will be referred to and finally resolved by arbitration" in text_of(DISPUTES / f"{name}.yaml"), name
