"""The Swiss bank's contract: banking secrecy stays unlimited even where the data are personal data, and the choice
of the Zurich courts includes the cantonal commercial court where Article 6 of the Swiss Civil Procedure Code gives
it the dispute."""

from __future__ import annotations

from functools import lru_cache

from tests.helpers import SAMPLES
from tests.terms import contract_text


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


def test_banking_secrecy_is_not_taken_back_into_the_data_protection_cap():
    text = sample("ch-bank-portugal")
    liability = text.split("Each Party is liable without limitation")[1].split("mandatory Swiss law")[0]
    assert (
        "except to the extent that the breach is also a breach of the Data Protection Obligations; for breach of clause"
        in liability
    )
    assert "even where the breach is also a breach of the Data Protection Obligations" in liability


def test_the_zurich_courts_include_the_commercial_court():
    text = sample("ch-bank-portugal")
    assert "the ordinary courts of the City of Zurich have exclusive jurisdiction" in text
    assert (
        "Where Article 6 of the Swiss Civil Procedure Code gives a Dispute to the commercial court of the canton"
        in text
    )
    assert "Swiss Civil Procedure Code" not in sample("de-manufacturer-poland")
