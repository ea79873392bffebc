"""Lint finds, before any deal is built, wording a contract must not print given the deal's choices:
choice-of-court wording in clause text that can print when disputes go to arbitration, and company
wording in how the cover describes a public body (templates/<t>/lint.yaml, contract_words)."""

from __future__ import annotations

import shutil

from contractgen.checks.contract_wording import check_contract_words
from contractgen.checks.lint import newest_versions
from contractgen.checks.lint_sources import LintReport, load_template, load_versions
from tests.helpers import FIXTURES, ROOT

FIXTURE = FIXTURES / "contract_wording"
RULE = "clauses/boilerplate/force-majeure/v1.md"


def _messages(clauses_root, templates_root=ROOT) -> list[tuple[str, int, str]]:
    report = LintReport()
    newest = newest_versions(load_versions(clauses_root, report))
    template = load_template(templates_root, "it-outsourcing", report)
    check_contract_words(newest, [template], report)
    return [(m.path, m.line, m.message) for m in report.messages]


def test_court_wording_that_prints_whatever_the_disputes_is_found_at_its_line():
    found = [(line, message) for path, line, message in _messages(FIXTURE) if path == RULE]
    assert [line for line, _ in found] == [6]
    assert "'exclusive jurisdiction of the courts'" in found[0][1] and "arbitration" in found[0][1]


def test_court_wording_in_a_branch_for_court_disputes_is_not_found():
    """'the courts referred to in' and 'non-exclusive jurisdiction' print only when there is no arbitration."""
    messages = " ".join(message for _, _, message in _messages(FIXTURE))
    assert "courts referred to in" not in messages and "non-exclusive" not in messages


def test_the_built_in_library_and_cover_print_no_court_or_company_wording_where_they_must_not():
    assert _messages(ROOT) == []


def test_company_wording_in_a_public_body_kind_of_the_cover_is_found(tmp_path):
    shutil.copytree(ROOT / "templates" / "it-outsourcing", tmp_path / "templates" / "it-outsourcing")
    cover = tmp_path / "templates" / "it-outsourcing" / "cover.yaml"
    text = cover.read_text(encoding="utf-8")
    text = text.replace(
        '      - {field: address, before: ", whose principal office is at "}\n'
        '      - {field: short_name, before: " ({article}“", after: "”)", bold: true}\n  health_body:',
        '      - {field: address, before: ", whose registered office is at "}\n'
        '      - {field: short_name, before: " ({article}“", after: "”)", bold: true}\n  health_body:',
        1,
    )
    cover.write_text(text, encoding="utf-8")
    found = [(path, message) for path, _, message in _messages(ROOT, tmp_path)]
    assert found == [
        (
            "templates/it-outsourcing/cover.yaml",
            "the public body kind 'statutory_body' is described with 'whose registered office is at' (company wording)",
        )
    ]
