"""`contractgen coverage`: checklist items a deal needs, and the clause numbers that cover them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from contractgen.checks.coverage import load_checklist
from contractgen.cli import main
from contractgen.errors import LibraryError
from contractgen.pipeline import Workspace, build_document, load_deal
from tests import helpers
from tests.helpers import REFERENCE, ROOT, SCRIPT

FIXTURES = helpers.FIXTURES / "lint"
GOOD = FIXTURES / "good"
MINIMAL = FIXTURES / "deals" / "minimal.yaml"
WITH_CREDITS = FIXTURES / "deals" / "with-credits.yaml"


def coverage(root: Path, deal: Path, *args: str):
    """Run `contractgen coverage` in-process."""
    return CliRunner().invoke(main, ["coverage", str(deal), "--root", str(root), *args])


def test_covered_items_show_clause_and_schedule_numbers():
    result = coverage(GOOD, WITH_CREDITS)
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    assert "Parties                      clause 1 (Parties)" in lines
    assert "Effective date and term      clause 2 (Term)" in lines
    assert "Description of each service  paragraph 1 of Schedule 1 (Service Descriptions)" in lines
    assert "Service credits              clause 3 (Service Credits)" in lines
    assert lines[-1] == "coverage: 4 of 4 needed items covered, 0 missing, 0 not needed"


def test_items_the_deal_does_not_need_print_as_not_needed_or_are_left_out():
    result = coverage(GOOD, MINIMAL)
    assert result.exit_code == 0, result.output
    assert "Service credits              not needed" in result.output
    needed_only = coverage(GOOD, MINIMAL, "--needed-only")
    assert "Service credits" not in needed_only.output
    assert "service-levels:" not in needed_only.output


def test_a_needed_item_no_included_clause_covers_is_missing_and_exits_1(tmp_path):
    root = tmp_path / "lib"
    shutil.copytree(GOOD, root)
    shutil.copytree(FIXTURES / "broken" / "uncovered-item", root, dirs_exist_ok=True)
    result = coverage(root, MINIMAL)
    assert result.exit_code == 1, result.output
    assert "Insurance the supplier must hold  MISSING" in result.output
    assert "1 missing" in result.output.splitlines()[-1]


def test_an_item_covered_only_by_a_left_out_clause_is_missing(tmp_path):
    root = tmp_path / "lib"
    shutil.copytree(GOOD, root)
    checklist = root / "templates" / "it-outsourcing" / "checklist.yaml"
    checklist.write_text(
        checklist.read_text().replace("    when: service_levels and service_levels.service_credits\n", "")
    )
    result = coverage(root, MINIMAL)  # needs the item, but its clause's `when` is false
    assert result.exit_code == 1
    assert "Service credits              MISSING" in result.output


def test_json_output():
    result = coverage(GOOD, WITH_CREDITS, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["template"] == "it-outsourcing"
    assert data["summary"] == {"needed": 4, "covered": 4, "missing": 0, "not_needed": 0}
    by_id = {item["id"]: item for item in data["items"]}
    assert by_id["services-schedule"]["covered_by"] == [
        {
            "clause": "sched-services",
            "version": 1,
            "title": "Service Descriptions",
            "reference": "paragraph 1 of Schedule 1",
        }
    ]
    assert by_id["service-credits"]["status"] == "covered"


def test_json_needed_only_and_missing(tmp_path):
    root = tmp_path / "lib"
    shutil.copytree(GOOD, root)
    shutil.copytree(FIXTURES / "broken" / "uncovered-item", root, dirs_exist_ok=True)
    result = coverage(root, MINIMAL, "--json", "--needed-only")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [i["id"] for i in data["items"]] == ["parties", "term", "services-schedule", "insurance"]
    assert data["items"][-1]["status"] == "MISSING" and data["items"][-1]["covered_by"] == []


def test_a_bad_deal_exits_2_with_the_problem(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.read_text().replace("currency: GBP", "currency: GBX"))
    result = coverage(GOOD, bad)
    assert result.exit_code == 2
    assert "GBX" in result.output


def test_checklist_problems_are_located(tmp_path):
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "checklist.yaml").write_text(
        "core:\n  - id: a\n    label: A\n  - id: a\n    label: Again\n  - label: no id\n"
    )
    with pytest.raises(LibraryError) as caught:
        load_checklist(folder)
    assert caught.value.lines() == [
        "t/checklist.yaml:4: core[1]: the id 'a' is also used on line 2",
        "t/checklist.yaml:6: core[2]: needs an id and a label",
    ]


# ---------------------------------------------------------------- the reference deal, real CLI


def run(*args: str) -> subprocess.CompletedProcess:
    """Run the installed console script."""
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "contractgen.cli"]
    return subprocess.run(
        command + list(args), capture_output=True, text=True, cwd=ROOT, env={**os.environ}, timeout=300
    )


def test_reference_deal_is_fully_covered_with_the_document_numbers():
    result = run("coverage", str(REFERENCE), "--json")
    assert result.returncode in (0, 1), result.stderr
    data = json.loads(result.stdout)
    missing = [i["id"] for i in data["items"] if i["status"] == "MISSING"]
    assert result.returncode == (1 if missing else 0)
    assert not missing, f"checklist items the reference deal needs but no clause covers: {missing}"
    # The numbers are the document's own.
    workspace = Workspace(ROOT)
    document = build_document(load_deal(REFERENCE), workspace).document
    numbers = {}
    for part, clause in document.iter_clauses():
        numbers[clause.id] = (
            f"paragraph {clause.number} of {part.number}" if part.kind == "schedule" else f"clause {clause.number}"
        )
    covered = [c for i in data["items"] for c in i["covered_by"]]
    assert covered
    for cover in covered:
        assert cover["reference"] == numbers[cover["clause"]], cover


def test_reference_deal_text_output():
    result = run("coverage", str(REFERENCE))
    assert result.returncode in (0, 1), result.stderr
    assert "Governing law and jurisdiction" in result.stdout
    lines = result.stdout.splitlines()
    assert [line for line in lines if not line.startswith("NOTE ")][-1].startswith("coverage: ")
    # the reference deal's regulation is inferred from the client's name, its Indian supplier has no agent
    # in England for service of process, and its P1 has no target of its own: its notes follow the summary
    assert [line.split()[2] for line in lines if line.startswith("NOTE ")] == [
        "critical-or-important:pra-ss2-21",
        "sector-from-name:bank-gb",
        "process-agent:supplier-in-gb",
        "top-priority-target:p1",
    ]


def test_what_every_it_outsourcing_contract_needs_is_missing_when_the_deal_leaves_it_out(tmp_path):
    from tests.terms import coverage_status

    charity = coverage_status(helpers.SAMPLES / "uk-charity-minimal.yaml")  # no security, governance or insurance
    # security, continuity, governance and insurance are drafted by default (security: false leaves security out)
    for item in (
        "sec-isms",
        "sec-incidents",
        "sec-business-continuity",
        "sec-disaster-recovery",
        "sec-bcdr-testing",
        "governance-structure",
        "insurance",
    ):
        assert charity[item] == "covered", item
    assert charity["dp-roles"] == "covered"  # its data_protection section is there
    minimal = helpers.FIXTURES / "deals" / "good" / "minimal.yaml"
    silent = coverage_status(minimal)  # silent on personal data: the client's privacy law's terms by default
    assert silent["dp-roles"] == "covered" and silent["dp-regulations"] == "covered"
    bare_file = tmp_path / "minimal-no-personal-data.yaml"  # `data_protection: null` says there is none
    bare_file.write_text(minimal.read_text(encoding="utf-8") + "data_protection: null\n", encoding="utf-8")
    bare = coverage_status(bare_file)
    for item in ("dp-roles", "dp-regulations", "dp-processing-details"):
        assert bare[item] == "MISSING", item
    assert bare["sec-isms"] == "covered" and bare["insurance"] == "covered"
    reference = coverage_status(REFERENCE)
    assert {reference[i] for i in ("governance-structure", "insurance", "sec-isms", "dp-roles")} == {"covered"}
    result = subprocess.run(
        [str(SCRIPT), "coverage", str(bare_file)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1 and "3 missing" in result.stdout.splitlines()[-1], result.stdout  # personal data
