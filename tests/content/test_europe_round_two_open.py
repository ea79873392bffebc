"""The European samples' open round-two points: the carve-out from the exclusion of pre-contractual remedies keeps
what the liability clause leaves unlimited under German, Swiss and Dutch law, not only intent."""

from __future__ import annotations

from functools import lru_cache

from tests.helpers import SAMPLES
from tests.terms import contract_text


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


def carve_out(text: str) -> str:
    """The sentence of the entire-agreement clause that keeps liability despite the exclusion of remedies."""
    return text.split("other than for breach of contract under this Agreement. ")[1].split(". ")[0]


def test_german_carve_out_keeps_gross_negligence():
    sentence = carve_out(sample("de-manufacturer-poland"))
    assert "intent (Vorsatz) or gross negligence (grobe Fahrlässigkeit), for fraudulent concealment" in sentence
    assert "any other liability that clause" in sentence and "leaves unlimited" in sentence


def test_swiss_carve_out_keeps_gross_negligence():
    sentence = carve_out(sample("ch-bank-portugal"))
    assert "unlawful intent or gross negligence (Article 100(1) of the Swiss Code of Obligations)" in sentence


def test_dutch_carve_out_keeps_deliberate_recklessness():
    sentence = carve_out(sample("nl-fintech-uk-soc"))
    assert "intent or deliberate recklessness (opzet of bewuste roekeloosheid)" in sentence


def test_english_carve_out_is_unchanged():
    sentence = carve_out(sample("deal-example"))
    assert (
        sentence == "Nothing in this clause limits or excludes any liability for fraud or fraudulent misrepresentation"
    )
