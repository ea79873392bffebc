"""Lint finds the words a law forbids (law/families and law/jurisdictions `must_not_use`) in clause text
that can print under that law, deciding only the conditions on `law`."""

from __future__ import annotations

from contractgen.checks.lint import newest_versions
from contractgen.checks.lint_sources import LintReport, load_template, load_versions
from contractgen.checks.vocabulary import UNKNOWN, check_vocabulary, printable_text, probes, vocabulary_hits
from contractgen.templating.sandbox import clause_environment
from tests.helpers import FIXTURES, ROOT

FIXTURE = FIXTURES / "vocabulary"
RULE = "clauses/boilerplate/force-majeure/v1.md"


def _hits(root=FIXTURE) -> dict[tuple[int, str], list[str]]:
    report = LintReport()
    newest = newest_versions(load_versions(root, report))
    hits = vocabulary_hits(newest, [load_template(ROOT, "it-outsourcing", report)])
    return {(line, word): labels for (rel, line, word), labels in hits.items() if rel == RULE or root == ROOT}


def test_a_word_printed_whatever_the_law_is_found_under_every_law_that_forbids_it():
    """'tort' is printed unconditionally: French, German and Brazilian contracts would all carry it."""
    labels = " ".join(_hits()[(6, "tort")])
    for record in ("jurisdictions/france.yaml", "jurisdictions/germany.yaml", "jurisdictions/brazil.yaml"):
        assert record in labels
    assert "jurisdictions/england-and-wales.yaml" not in labels  # English law uses the word


def test_a_word_in_a_branch_for_the_laws_that_use_it_is_not_found():
    """'breach of statutory duty' prints only under common law: no civil family's list is hit."""
    assert not [key for key in _hits() if key[1] == "breach of statutory duty"]


def test_an_else_branch_prints_for_every_law_its_conditions_do_not_catch():
    """The else branch (neither common law nor French) prints 'indirect or consequential loss' under German law."""
    labels = " ".join(_hits()[(13, "indirect or consequential loss")])
    assert "jurisdictions/germany.yaml" in labels
    assert "jurisdictions/france.yaml" not in labels  # French law takes its own branch


def test_lint_reports_each_word_once_at_its_line():
    """The lint message names the word, where it is and the laws it offends."""
    report = LintReport()
    newest = newest_versions(load_versions(FIXTURE, report))
    check_vocabulary(newest, [load_template(ROOT, "it-outsourcing", report)], report)
    lines = [(m.path, m.line) for m in report.messages if "'tort'" in m.message]
    assert lines == [(RULE, 6)]


def test_conditions_on_the_law_are_decided_and_others_left_open():
    """A condition on the deal may go either way; one on the law is decided for the probe."""
    law = {"family": "german", "tradition": "civil", "country": "DE", "key": "germany", "jury_trial": ""}
    body = (
        '{% if law.tradition == "common" %}A{% endif %}{% if client.public_body %}B{% endif %}'
        '{% if law.family in ["german", "swiss"] and term.exit %}C{% else %}D{% endif %}'
        '{% set civil = law.tradition != "common" %}{% if not civil %}E{% endif %}'
    )
    assert [t for _, t in printable_text(clause_environment(), body, law)] == ["B", "C", "D"]


def test_every_jurisdiction_record_and_family_is_a_probe_with_its_familys_words():
    """Each law record is read with its family's words (and its own); a family without a record too."""
    labels = {p.label: p for p in probes()}
    france = next(p for label, p in labels.items() if "jurisdictions/france.yaml" in label)
    assert "tort" in france.words and france.law["tradition"] == "civil"
    unknown = next(p for label, p in labels.items() if "families/civil_romanist.yaml" in label)
    assert unknown.law["country"] is UNKNOWN and unknown.law["key"] == ""


def test_the_library_prints_no_forbidden_word_under_any_law():
    """The project's clause library is clean: no clause can print a must_not_use word under any law."""
    assert _hits(ROOT) == {}
