"""Deals as practitioners write them, through the command line: they render, and bad ones are refused.

The samples cover each privacy regime and jurisdiction the registries know (tests/content/
test_real_deal_content.py checks what each contract says).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from tests.helpers import REFERENCE, ROOT, run_contractgen

SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    """Render every sample once, as DOCX (the PDF path is the same document model)."""
    out = tmp_path_factory.mktemp("real")
    result = run_contractgen("render", *map(str, SAMPLES), "--format", "docx", "-o", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_renders(rendered, sample):
    assert (rendered / f"{sample.stem}.docx").read_bytes().startswith(b"PK")


def _bad(tmp_path: Path, change) -> tuple[int, str, list[str]]:
    data = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    change(data)
    deal = tmp_path / "bad.yaml"
    deal.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    result = run_contractgen("render", str(deal), "--format", "docx", "-o", str(out), cwd=ROOT)
    return result.returncode, result.stderr, sorted(p.name for p in out.iterdir()) if out.exists() else []


def _set(path: tuple, value):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


@pytest.mark.parametrize(
    "path, value, field, words",
    [
        (
            ("commercials", "pricing_model"),
            "cost plus",
            "commercials.pricing_model",
            ["not a pricing model", "time and materials", "e.g."],
        ),
        (("commercials", "monthly_charges"), "€185,000", "commercials.monthly_charges", ["is in EUR", "GBP"]),
        (
            ("governance", "reporting", "frequency"),
            "whenever",
            "governance.reporting.frequency",
            ["not a frequency", "monthly"],
        ),
    ],
)
def test_unknown_values_are_exit_2_naming_the_field_and_what_is_accepted(tmp_path, path, value, field, words):
    code, stderr, written = _bad(tmp_path, _set(path, value))
    assert code == 2 and written == []
    line = next((l for l in stderr.splitlines() if field in l), "")
    assert line, stderr
    for word in words:
        assert word in line, line


def _resolution(data):
    data["service_levels"]["incident_priorities"][3]["resolution"] = "when we get round to it"


@pytest.mark.parametrize(
    "change, field, words",
    [
        (
            _set(("data_protection", "regulations"), ["UK GDPR", "Narnian Privacy Code"]),
            "data_protection.regulations[1]",
            ["'Narnian Privacy Code' has no record", "neutral words", "[note privacy-law:narnian-privacy-code]"],
        ),
        (
            _set(("data_protection", "regulations"), ["UK GDPR", "DORA"]),
            "data_protection.regulations[1]",
            ["is read as sector regulation (DORA)", "[note moved-to-regulatory:dora]"],
        ),
        (
            _set(("contract", "governing_law"), "the law of Narnia"),
            "contract.governing_law",
            ["no jurisdiction record and no legal family", "generic civil-law terms"],
        ),
        (_resolution, "service_levels.incident_priorities[3].resolution", ["'when we get round to it'", "as written"]),
        (
            _set(("data_protection", "data_residency"), ["GB", "IN"]),
            "sourcing.delivery_centres[1].country",
            ["outside the data-residency countries (GB, IN)", "remote access"],
        ),
        (
            _set(("service_levels", "service_credits", "tiers"), []),
            "service_levels.service_credits.tiers",
            ["no credit tiers", "no Service Credits"],
        ),
    ],
)
def test_what_the_library_does_not_know_is_drafted_with_a_located_note(tmp_path, change, field, words):
    code, stderr, written = _bad(tmp_path, change)
    assert code == 0 and written == ["bad.docx"], stderr
    line = next((l for l in stderr.splitlines() if f"warning: {field}:" in l), "")
    assert line.startswith(str(tmp_path / "bad.yaml") + ":"), stderr
    for word in words:
        assert word in line, line


REGIME_ITEMS = {
    "deal-example": ["privacy-uk-gdpr"],
    "de-manufacturer-poland": ["privacy-eu-gdpr"],
    "nl-fintech-uk-soc": ["privacy-eu-gdpr"],
    "ch-bank-portugal": ["privacy-swiss-fadp"],
    "ca-insurer-us-cloud": ["privacy-pipeda"],
    "au-retailer-philippines": ["privacy-au-privacy-act"],
    "us-saas-mexico": ["privacy-ccpa", "ccpa-no-sale"],
    "uk-charity-minimal": ["privacy-uk-gdpr"],
}


@pytest.mark.parametrize("name", sorted(REGIME_ITEMS))
def test_each_regime_is_a_coverage_item_its_clause_covers(name):
    import json

    result = run_contractgen("coverage", str(ROOT / "samples" / f"{name}.yaml"), "--json", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    items = {item["id"]: item for item in json.loads(result.stdout)["items"]}
    for wanted in REGIME_ITEMS[name] + ["privacy-schedule"]:
        assert items[wanted]["needed"] and items[wanted]["status"] == "covered", (name, wanted)
    others = {k for k in items if k.startswith("privacy-") and k != "privacy-schedule"} - set(REGIME_ITEMS[name])
    assert not any(items[k]["needed"] for k in others), name


def test_a_law_and_forum_in_different_jurisdictions_warn(tmp_path):
    deal = tmp_path / "law-forum.yaml"
    text = REFERENCE.read_text(encoding="utf-8").replace(
        "jurisdiction: the courts of England and Wales", "jurisdiction: New York"
    )
    deal.write_text(text, encoding="utf-8")
    result = run_contractgen("validate", str(deal), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "warning: contract: the governing law (England and Wales) and the forum" in result.stderr
