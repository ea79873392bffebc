"""Per sample, the terms a lawyer checks for its law and sector: what must
be there, and the terms of art of other laws that must not."""

from __future__ import annotations

import pytest

from tests.helpers import SAMPLES
from tests.terms import contract_text, coverage_status

EXPECTED = {
    "de-manufacturer-poland": (
        [
            "intent (Vorsatz) or gross negligence (grobe Fahrlässigkeit)",
            "for injury to life, body or health",
            "Produkthaftungsgesetz",
            "exclusive, perpetual, irrevocable, transferable and sub-licensable right",
            "Termination for Good Cause",
            "section 613a of the German Civil Code",
            "Supply-Chain Security (NIS2)",
        ],
        [
            "tort",
            "injunct",
            "full title guarantee",
            "indirect or consequential",
            "Bribery Act",
            "fraudulent misrepresentation",
        ],
        ["nis2-21-2-d"],
    ),
    "nl-fintech-uk-soc": (
        [
            "intent or deliberate recklessness (opzet of bewuste roekeloosheid)",
            "Articles 7:662 to 7:666 of the Dutch Civil Code",
            "Termination for Good Cause",
            "Digital Operational Resilience (DORA)",
        ],
        ["tort", "injunct", "full title guarantee", "fraudulent misrepresentation"],
        [f"dora-30-2-{p}" for p in "abcdefghi"],
    ),
    "ch-bank-portugal": (
        [
            "Article 100(1) of the Swiss Code of Obligations",
            "Articles 333 and 333a of the Swiss Code of Obligations",
            "Outsourcing Requirements of FINMA",
            "at all times, from Switzerland",
        ],
        ["tort", "injunct", "full title guarantee"],
        ["finma-audit-supervision", "finma-data-access", "finma-termination"],
    ),
    "uk-charity-minimal": (
        [
            "delict (including negligence)",
            "interdict",
            "Requirements of Writing (Scotland) Act 1995",
            "absolute warrandice",
            "Contract (Third Party Rights) (Scotland) Act 2017",
            "Bribery Act 2010",
        ],
        ["tort", "injunct", "full title guarantee", "Contracts (Rights of Third Parties) Act"],
        [],
    ),
    "us-saas-mexico": (
        [
            "Judicial Reference",
            "section 638 of the California Code of Civil Procedure",
            "hereby assigns to PeoplePulse, with effect as each item of Developed Material is created",
            "Bankruptcy Code",
            "Foreign Corrupt Practices Act",
            # the Mexican supplier's own tax on its invoices (its place's record), not California's sales taxes
            "value added tax (impuesto al valor agregado, IVA)",
        ],
        [
            "wilful",
            "full title guarantee",
            "sales, use, excise and similar transaction taxes",
            "Employment Regulations",
            "Bribery Act",
            "winding up",
            "Waiver of Jury Trial",
            "waives any right it may have to a trial by jury",
        ],
        ["jury-waiver"],
    ),
    "ca-insurer-us-cloud": (
        [
            "goods and services tax, harmonized sales tax",
            "may offer employment",
            "Third-Party Risk Management (OSFI Guideline B-10)",
        ],
        ["Employment Regulations", "full title guarantee", "Bribery Act"],
        ["osfi-access-audit", "osfi-termination"],
    ),
    "au-retailer-philippines": (
        ["goods and services tax", "may offer employment", "Payment Card Data (PCI DSS)"],
        ["full title guarantee", "Employment Regulations"],
        ["pci-12-8-2", "pci-12-8-4", "pci-12-8-5"],
    ),
}


@pytest.mark.parametrize("sample", sorted(EXPECTED))
def test_each_sample_reads_right_for_its_law_and_sector(sample):
    present, absent, covered = EXPECTED[sample]
    path = SAMPLES / f"{sample}.yaml"
    text = contract_text(path)
    for phrase in present:
        assert phrase in text, phrase
    for phrase in absent:
        assert phrase not in text, phrase
    if covered:
        status = coverage_status(path)
        for item in covered:
            assert status[item] == "covered", item
