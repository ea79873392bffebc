"""The data schedule names the personal data a deal's own facts imply: recordings of calls and transcripts of chats
and emails where a front-line contact service's description names calls, chats or emails, and payment card data
under PCI DSS, each with a build warning (a note in a draft) unless a category already names it (round-4 review,
NSW F5)."""

from __future__ import annotations

from pathlib import Path

from contractgen.deal import load_deal
from contractgen.deal.readings.implied_data import implied_categories
from contractgen.pipeline import Workspace, build_document
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

NSW = SAMPLES / "au-retailer-philippines.yaml"
IMPLIED = [
    "recordings of calls",
    "transcripts of chats and emails",
    "payment card data (cardholder data) taken for payments",
]


def test_the_nsw_contact_centre_schedule_names_recordings_transcripts_and_card_data() -> None:
    text = contract_text(NSW)
    assert (
        "Types of Personal Information Names, contact details, order history, delivery addresses, recordings of "
        "calls, transcripts of chats and emails and payment card data (cardholder data) taken for payments."
    ) in text
    warned = " ".join(w for w in build_document(load_deal(NSW), Workspace()).warnings if isinstance(w, str))
    assert "do not name recordings of calls, but Customer Contact Centre handles them" in warned
    assert "do not name payment card data (cardholder data) taken for payments, but the deal is under PCI DSS" in warned


def test_a_category_that_names_it_already_is_not_added_twice(tmp_path: Path) -> None:
    deal = load_deal(NSW).deal
    assert deal.data_protection.data_categories[-3:] == IMPLIED
    assert implied_categories(deal) == []  # read once: what it added now names them
    draft = load_deal(overlaid(NSW, FIXTURES / "deals" / "overlays" / "draft.yaml", tmp_path))
    assert sum(n.id.startswith("implied-data-category:") for n in draft.notes) == 3


def test_no_other_sample_or_practitioner_deal_gets_them() -> None:
    paths = [*SAMPLES.glob("*.yaml"), *(FIXTURES / "openworld" / "deals").glob("*.yaml")]
    for path in sorted(paths):
        if path == NSW:
            continue
        protection = load_deal(path).deal.data_protection
        assert not set(IMPLIED) & set(protection.data_categories if protection else []), path.stem
