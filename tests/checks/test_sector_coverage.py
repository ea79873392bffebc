"""`coverage` lists the sector items with their article numbers and fails when one is uncovered."""

from __future__ import annotations

import shutil

from contractgen.checks.coverage import load_checklist
from tests.helpers import ROOT, SAMPLES, TEMPLATE, run_contractgen


def test_the_checklist_names_each_sector_item_with_its_article():
    labels = {item.id: item.label for item in load_checklist(TEMPLATE).items}
    assert labels["dora-30-2-a"].startswith("DORA Art. 30(2)(a)")
    assert labels["dora-30-3-f"].startswith("DORA Art. 30(3)(f)")
    assert "SYSC 8.1.8R(9)" in labels["pra-access-audit"]
    assert labels["pci-12-8-2"].startswith("PCI DSS 12.8.2")
    assert labels["nis2-21-2-d"].startswith("NIS2 Art. 21(2)(d)")
    assert "1395x(v)(1)(I)" in labels["us-books-records"]


def test_coverage_fails_when_a_dora_item_is_uncovered(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "clauses", root / "clauses")
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.rmtree(root / "clauses" / "regulatory" / "reg-dora-critical")
    outline = root / "templates" / "it-outsourcing" / "outline.yaml"
    outline.write_text(outline.read_text(encoding="utf-8").replace("reg-dora-critical, ", ""), encoding="utf-8")
    result = run_contractgen("coverage", str(SAMPLES / "nearshore-eur.yaml"), "--root", str(root))
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        "DORA Art. 30(3)(d): participation in threat-led penetration testing (Arts. 26 and 27)  MISSING"
        in result.stdout
    )
    assert "6 missing" in result.stdout.splitlines()[-1]


def test_a_privacy_law_listed_as_sector_regulation_is_applied_as_one_with_a_note(tmp_path):
    deal = tmp_path / "deal.yaml"
    deal.write_text(
        (SAMPLES / "nearshore-eur.yaml")
        .read_text(encoding="utf-8")
        .replace("regulatory: [DORA]", "regulatory: [DORA, GDPR]"),
        encoding="utf-8",
    )
    result = run_contractgen("validate", str(deal))
    # the sample is a final document: the note must be acknowledged before it prints
    assert result.returncode == 2
    assert (
        "regulatory[1]: open drafting note 'moved-to-privacy:gdpr' in a final document ('GDPR' is a privacy law, "
        "not sector regulation" in result.stderr
    )
    deal.write_text(
        deal.read_text(encoding="utf-8") + "\nacknowledged_notes: [moved-to-privacy:gdpr]\n", encoding="utf-8"
    )
    assert run_contractgen("validate", str(deal)).returncode == 0
