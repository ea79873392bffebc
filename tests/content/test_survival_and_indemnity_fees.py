"""What survives the end of the contract, and an indemnity that New York law reads narrowly.

On every sample and practitioner deal: the survival list names the insurance clause (its run-off cover) where the
contract has one, and a HIPAA covered entity's access-to-books and exclusion-screening clauses; under a law that
reads an indemnity as reaching claims between the parties only in express words (New York), the indemnities say
so expressly, and under no other law.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from contractgen.deal.load import load_deal
from contractgen.document.model import inline_text, iter_inline_runs
from contractgen.law.jurisdictions import find_law
from contractgen.pipeline import build_document
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import squash

DEALS = sorted(
    [*SAMPLES.glob("*.yaml"), *(FIXTURES / "openworld" / "deals").glob("*.yaml"),
     *(FIXTURES / "deals" / "disputes").glob("*.yaml")],
)  # fmt: skip
DEALS = [p for p in DEALS if p.name != "expect.yaml"]  # the disputes folder's expectations, not a deal


@lru_cache(maxsize=None)
def numbered(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Each clause id of the deal's contract: (its number as a reference prints it, its words)."""
    document = build_document(load_deal(path)).document
    numbers, words = {}, {}
    for part, clause in document.iter_clauses():
        numbers[clause.id] = f"paragraph {clause.number} of {part.number}" if part.number else f"clause {clause.number}"
        words[clause.id] = squash(" ".join(inline_text(run) for run in iter_inline_runs(clause.blocks)))
    return numbers, words


def survivors(words: dict[str, str]) -> str:
    """The sentence of the consequences clause that lists what continues in force."""
    text = words["consequences-of-termination"]
    start = text.index("The following clauses continue in force")
    return text[start : text.index(".", text.index("together with any other provision", start) + 60)]


@pytest.mark.parametrize("path", DEALS, ids=lambda p: p.stem)
def test_the_insurance_clause_survives_for_its_run_off_cover(path):
    numbers, words = numbered(path)
    listed = survivors(words)
    if "insurance" in numbers:
        assert f"{numbers['insurance']} (for as long as it requires cover to be kept)" in listed
    else:
        assert "for as long as it requires cover to be kept" not in listed


def test_a_hipaa_covered_entitys_books_and_screening_clauses_survive():
    numbers, words = numbered(SAMPLES / "onshore-us-hipaa.yaml")
    listed = survivors(words)
    assert f"{numbers['books-and-records']} (for the period it states), {numbers['exclusion-screening']}," in listed
    assert f"{numbers['audit']}, {numbers['books-and-records']}" in listed


@pytest.mark.parametrize("path", DEALS, ids=lambda p: p.stem)
def test_only_a_law_that_reads_indemnities_narrowly_gets_the_express_words(path):
    numbers, words = numbered(path)
    deal = load_deal(path).deal
    record, _ = find_law(deal.contract.governing_law)
    express = bool(record and record.commercial.indemnity.between_parties == "express_words")
    sentence = (
        "The Parties intend, and agree expressly, that each indemnity in this clause also covers the reasonable "
        "legal fees and costs that the indemnified Party incurs in enforcing it against the Party that gave it, "
        "including in proceedings between the Parties themselves"
    )
    assert (sentence in words["indemnities"]) is express
    if "data-indemnity" in words:
        assert ("covers Losses that" in words["data-indemnity"] and "whether or not a third party makes a claim" in (
            words["data-indemnity"]
        )) is express  # fmt: skip


def test_new_york_deals_are_among_them():
    laws = {str(load_deal(p).deal.contract.governing_law) for p in DEALS}
    assert any("New York" in law for law in laws)
    assert find_law("New York")[0].commercial.indemnity.authority.startswith("Hooper Associates, Ltd. v. AGS Computers")
