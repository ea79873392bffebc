"""`contractgen lint`: one broken fixture library per check, the static analysis, the real library."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from contractgen.checks.lint import lint_library
from contractgen.checks.wording import capitalised_words, static_lines, term_pattern
from contractgen.cli import main
from contractgen.templating.analysis import analyse_expression, analyse_template
from tests import helpers
from tests.helpers import ROOT, SCRIPT

FIXTURES = helpers.FIXTURES / "lint"
GOOD = FIXTURES / "good"


def library(tmp_path: Path, case: str | None = None) -> Path:
    """Copy the good fixture library, then the files of one broken case over it."""
    root = tmp_path / "lib"
    shutil.copytree(GOOD, root)
    if case:
        shutil.copytree(FIXTURES / "broken" / case, root, dirs_exist_ok=True)
    return root


def rewrite(path: Path, text: str) -> None:
    """Write a fixture clause's new text without its approved_sha256 (tests of other checks edit released text)."""
    path.write_text(re.sub(r"^approved_sha256: .*\n", "", text, flags=re.M), encoding="utf-8")


def lint(root: Path, *args: str):
    """Run `contractgen lint --root ROOT` in-process."""
    return CliRunner().invoke(main, ["lint", "--root", str(root), *args])


def error_lines(output: str) -> list[str]:
    """Return the problem lines of lint's output (not warnings, not the summary)."""
    return [
        line for line in output.splitlines() if line and not line.startswith(("warning:", "lint:", "using the library"))
    ]


def test_good_fixture_library_is_clean(tmp_path):
    result = lint(library(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].startswith("using the library ")
    assert result.output.splitlines()[1:] == ["lint: clean (4 clauses, 4 versions)"]


CASES = {
    "misspelt-variable": (
        "clauses/framework/term/v1.md:8: 'term.inital_term' is not a field of the deal (did you mean 'initial_term'?)"
    ),
    "loop-variable": (
        "clauses/service-levels/service-credits/v1.md:15: 't.credits' is not a field of CreditTier "
        "(did you mean 'credit'?)"
    ),
    "bad-when": (
        "clauses/service-levels/service-credits/v1.md:4: when: 'service_levels.service_credit' is not a "
        "field of the deal (did you mean 'service_credits'?)"
    ),
    "unknown-filter": "clauses/framework/term/v1.md:8: unknown filter 'duraton' (did you mean 'duration'?)",
    "unresolved-reference": (
        "clauses/framework/term/v1.md:10: cross-reference [](#partys) does not resolve: no "
        "clause, schedule or anchor has that id (did you mean 'parties'?)"
    ),
    "unused-definition": (
        "clauses/framework/parties/v1.md:6: defines: 'Change Request' is never used in a clause "
        "body or another definition"
    ),
    "undefined-term": (
        "clauses/framework/term/v1.md:10: 'Transition Plan' is capitalised but is not a defined term, "
        "a party role or in lint.yaml"
    ),
    "safe-filter": "clauses/framework/parties/v1.md:8: the 'safe' filter is not allowed: values must stay escaped",
    "jinja-comment": "clauses/framework/term/v1.md:10: '{#' starts no anchor {#id}: use {## … ##} for template comments",
    "unknown-cover": "clauses/framework/term/v1.md:6: covers: 'terminaton' is not an item of templates/it-outsourcing/checklist.yaml",
    "missing-changes": "clauses/framework/term/v2.md:1: changes: is required from version 2 on: say what changed",
    "swallowed-break": (
        "clauses/framework/term/v1.md:10: a block tag at the end of a line of text swallows the line "
        "break, so the next paragraph merges into this one: end the tag with '+%}' or put it on its own line"
    ),
    "edited-approved": (
        "clauses/framework/term/v1.md:4: the title, when, defines or body changed after approval "
        "(approved_sha256 no longer matches): a released version is never edited; restore it and write "
        "v2.md (or the next free number) with changes:"
    ),
    "hard-coded-party": (
        "clauses/framework/term/v1.md:10: 'The Client' hard-codes a party: write {{ CLIENT }} "
        "(or {{ CLIENT|cap }}) so the deal's short names (and their article) appear"
    ),
    "conditional-target": (
        "clauses/framework/term/v1.md:10: cross-reference to '#service-credits' is printed whatever "
        "service_levels, service_levels.service_credits are, but its target is in the contract only "
        "for some values: guard the reference with the same condition, or point it at a target every "
        "contract has"
    ),
    "outline-unknown-id": "templates/it-outsourcing/outline.yaml:5: unknown clause id 'terms' (did you mean 'term'?)",
    # house style: how a law firm's drafts write numbers, percentages and terms
    "number-words": "clauses/framework/term/v1.md:10: 'thirty days': write numbers of units in numerals, as '30 days' (house style)",
    "percent-form": (
        "clauses/framework/term/v1.md:10: '10 per cent': write percentages as numerals with '%' and no space, "
        "e.g. '10%' (house style)"
    ),
    "lower-case-term": (
        "clauses/framework/term/v1.md:10: 'effective date' is the defined term 'Effective Date': write it "
        "with its capitals (house style)"
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_broken_library_reports_its_one_problem_with_file_and_line(tmp_path, case):
    result = lint(library(tmp_path, case))
    assert result.exit_code == 2, result.output
    assert error_lines(result.output) == [CASES[case]]
    assert "problem" in result.output.splitlines()[-1]


def test_a_reference_guarded_like_its_target_is_clean(tmp_path):
    result = lint(library(tmp_path, "guarded-target"))
    assert result.exit_code == 0, result.output
    assert error_lines(result.output) == []


def test_incomplete_front_matter_reports_each_missing_key(tmp_path):
    result = lint(library(tmp_path, "incomplete-front-matter"))
    assert result.exit_code == 2
    assert error_lines(result.output) == [
        "clauses/framework/parties/v1.md:1: covers: is required: list the checklist items this clause covers",
        "clauses/framework/parties/v1.md:1: title: is required",
    ]


def test_unused_clause_and_uncovered_item_are_warnings_that_do_not_fail(tmp_path):
    root = library(tmp_path, "unused-clause")
    shutil.copytree(FIXTURES / "broken" / "uncovered-item", root, dirs_exist_ok=True)
    result = lint(root)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        "warning: clauses/boilerplate/severance/v1.md:1: clause 'severance' is not in templates/it-outsourcing/outline.yaml (unused)"
        in lines
    )
    assert (
        "warning: templates/it-outsourcing/checklist.yaml:12: item 'insurance' is covered by no clause of the library"
        in lines
    )
    assert lines[-1] == "lint: clean (5 clauses, 5 versions)"


def test_unknown_template_is_reported(tmp_path):
    result = lint(library(tmp_path), "--template", "nope")
    assert result.exit_code == 2
    assert "unknown document template 'nope'" in result.output


def test_every_problem_line_has_path_and_line(tmp_path):
    root = library(tmp_path)
    for case in CASES:
        shutil.copytree(FIXTURES / "broken" / case, root, dirs_exist_ok=True)
    report = lint_library(root)
    assert report.errors
    for message in report.errors:
        assert message.line >= 1 and (message.path.startswith(("clauses/", "templates/"))), message


# ---------------------------------------------------------------- static analysis


@pytest.mark.parametrize(
    "source",
    [
        "{{ contract.effective_date | date }} {{ derived.term_end | date }} {{ CLIENT|cap }}",
        "{% for o in derived.overlaps %}{{ o.city }} {{ o.business_hours.start }} {{ loop.index }}{% endfor %}",
        "{% set sl = service_levels %}{% for p in sl.incident_priorities %}{{ p.response }}{% endfor %}",
        "{% set ns = namespace(n=0) %}{% for s in scope.services %}{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }}",
        "{{ scope.services | map(attribute='name') | list | words }}",
        "{{ service_levels.availability | selectattr('maintenance_window') | list | length }}",
        "{% for k, v in derived.services_by_id.items() %}{{ k }} {{ v }}{% endfor %}",
        "{% for s in derived.services_by_id.values() %}{{ s.name }}{% endfor %}",
        "{{ derived.services_by_id['SD'].name }} {{ derived.gdpr }} {{ commercials.pricing_model.value }}",
        "{% macro row(x) %}{{ x.anything }}{% endmacro %}{{ row(client) }}",
        "{{ term.initial_term.unit_words }} {{ (sourcing.delivery_centres | first).country | country }}",
    ],
)
def test_valid_templates_have_no_findings(source):
    assert analyse_template(source) == []


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ clent.name }}", "'clent' is not a variable of the deal (did you mean 'client'?)"),
        (
            "{{ derived.overlaps[0].winter_hour }}",
            "'derived.overlaps[0].winter_hour' is not a field of the deal (did you mean 'winter_hours'?)",
        ),
        ("{% for c in sourcing.delivery_centres %}{{ c.tz }}{% endfor %}", "'c.tz' is not a field of DeliveryCentre"),
        (
            "{{ scope.services | map(attribute='nme') | list }}",
            "'nme' is not a field of Service (did you mean 'name'?)",
        ),
        ("{{ scope.services.name }}", "'scope.services.name' reads 'name' of a list of Service; loop over it first"),
        ("{% if x is definitly %}{% endif %}", "unknown test 'definitly'"),
        ("{{ Markup(client.name) }}", "'Markup' is not allowed: values must stay escaped"),
        ("{% for s in scope.services %}{{ loop.idx }}{% endfor %}", "'loop.idx' is not a field of loop"),
    ],
)
def test_mistakes_are_reported(source, message):
    assert message in [f.message for f in analyse_template(source)]


def test_unknown_types_are_skipped_silently():
    assert analyse_template("{% set x = 3 * 4 %}{{ x.whatever }}{% set y = dict(a=1) %}{{ y.b.c }}") == []


def test_when_expressions_are_analysed():
    assert analyse_expression("service_levels and service_levels.chronic_failure") == []
    [finding] = analyse_expression("governance and governance.contract_reviw")
    assert "did you mean 'contract_review'" in finding.message


def test_finding_lines_are_relative_to_the_body():
    [finding] = analyse_template("line one\n\n{{ term.nope }}\n")
    assert finding.line == 3


# ---------------------------------------------------------------- capitalised words


def _flagged(body: str, terms=("Service Credit", "Services", "Agreement", "Schedule")) -> list[str]:
    known = term_pattern(list(terms) + ["Client", "Supplier", "Party", "Parties", "January"], singulars=True)
    return [w for _, text, start in static_lines(body) for w in capitalised_words(text, start, known)]


@pytest.mark.parametrize(
    "body",
    [
        "The Supplier will pay. Each Service Credit counts.",  # sentence starts, terms, singular of Services
        "### A Heading With Capitals\n\nText follows.",
        "| Service | Amount Due |\n|---|---|\n| {{ x }} | Fixed |",  # header skipped, each cell starts a sentence
        "- First item\n1. Second item",
        "as set out in Schedule Two and clause Fourteen, GDPR and ISO apply from 1 January.",
        "under Article 28 and Subpart E of the rules",
        "{% if a %}{{ b }}{% else %}None{% endif %} applies",  # the else branch starts where the if did
        "the **Agreement** and the {{ SUPPLIER }}'s Services",
    ],
)
def test_capitalisation_that_is_fine(body):
    assert _flagged(body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("the Supplier will follow the Transition Plan.", ["Transition Plan"]),
        ("{{ CLIENT|cap }} approves the Exit Plan", ["Exit Plan"]),
        ("as Accepted by the Client", ["Accepted"]),
    ],
)
def test_capitalisation_that_is_flagged(body, expected):
    assert _flagged(body) == expected


def test_term_pattern_allows_plurals():
    pattern = term_pattern(["Party", "Service Credit"])
    assert pattern.search("the Parties agree")
    assert pattern.search("all Service Credits")
    assert not pattern.search("a Service Creditor")


# ---------------------------------------------------------------- the real library


def run(*args: str) -> subprocess.CompletedProcess:
    """Run the installed console script."""
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "contractgen.cli"]
    return subprocess.run(
        command + list(args), capture_output=True, text=True, cwd=ROOT, env={**os.environ}, timeout=300
    )


# The built-in library must always lint clean (exit 0).
def test_real_library_lints_clean():
    result = run("lint", "--root", str(ROOT))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("lint: clean (")


def test_real_library_lint_output_is_well_formed():
    result = run("lint", "--root", str(ROOT))
    assert result.returncode in (0, 2), result.stderr
    for line in result.stdout.splitlines():
        if line.startswith("lint: clean"):
            continue
        where = line.removeprefix("warning: ").split(": ", 1)[0]
        path, _, number = where.rpartition(":")
        assert path.startswith(("clauses/", "templates/")) and number.isdigit(), line


# ---------------------------------------------------------------- house style (numbers, percentages, terms)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("within five business days", "'five business days': write numbers of units in numerals, as '5 Business Days'"),
        ("for twenty-one days", "'twenty-one days': write numbers of units in numerals, as '21 days'"),
        ("after seven years", "'seven years': write numbers of units in numerals, as '7 years'"),
        ("an overcharge of 5 % of the fees", "'5 %': write percentages as numerals with '%' and no space"),
        ("more than five percent of the fees", "'five percent': write percentages as numerals with '%' and no space"),
        (
            "more than {{ term.initial_term }} per cent",
            "'{{ … }} per cent': write percentages as numerals with '%' and no space",
        ),
    ],
)
def test_house_style_flags_spelt_numbers_and_percent_forms(tmp_path, text, expected):
    root = library(tmp_path)
    term = root / "clauses" / "framework" / "term" / "v1.md"
    rewrite(term, term.read_text(encoding="utf-8").replace("before 1 January of any year", text))
    result = lint(root)
    assert result.exit_code == 2, result.output
    (found,) = error_lines(result.output)
    assert found.startswith("clauses/framework/term/v1.md:10: " + expected) and found.endswith("(house style)"), found


@pytest.mark.parametrize(
    "text", ["within 5 days", "by one month", "up to 10%", "with 99.5% availability", "whether the Effective Date"]
)
def test_house_style_accepts_numerals_one_and_capitalised_terms(tmp_path, text):
    root = library(tmp_path)
    term = root / "clauses" / "framework" / "term" / "v1.md"
    rewrite(term, term.read_text(encoding="utf-8").replace("before 1 January of any year", text))
    assert lint(root).exit_code == 0


def test_house_style_binds_the_newest_version_only(tmp_path):
    """A released older version keeps its wording (pinned contracts re-render as signed); the new one follows the style."""
    root = library(tmp_path, "number-words")
    old = root / "clauses" / "framework" / "term" / "v1.md"
    new = old.with_name("v2.md")
    new.write_text(
        old.read_text(encoding="utf-8")
        .replace("thirty days", "30 days")
        .replace("covers: [term]", "covers: [term]\nchanges: Numerals for the notice period."),
        encoding="utf-8",
    )
    result = lint(root)
    assert result.exit_code == 0, result.output


def test_a_definition_may_use_its_own_term_in_lower_case(tmp_path):
    root = library(tmp_path)
    term = root / "clauses" / "framework" / "term" / "v1.md"
    rewrite(
        term,
        term.read_text(encoding="utf-8").replace(
            'Effective Date: "{{ contract.effective_date | date }}."',
            'Effective Date: "{{ contract.effective_date | date }}, the effective date of this Agreement."',
        ),
    )
    assert lint(root).exit_code == 0


def test_the_personal_data_term_printed_from_pd_counts_as_defined(tmp_path):
    root = library(tmp_path)
    parties = root / "clauses/framework/parties/v1.md"
    rewrite(
        parties,
        parties.read_text(encoding="utf-8").replace(
            "  Agreement: this agreement, including its schedules.\n",
            "  Agreement: this agreement, including its schedules.\n"
            '  "{{ PD }}": any personal data processed under this Agreement.\n'
            '  "{{ PD }} Breach": any breach of security affecting {{ PD }}.\n',
        )
        + "\nEach Party will report a {{ PD }} Breach to the other.\n",
    )
    result = lint(root)
    assert result.exit_code == 0, result.output
    # the same text with the term written in lower case breaks the house style, as for any defined term
    parties.write_text(
        parties.read_text(encoding="utf-8") + "\nEach Party will protect personal data breach records.\n",
        encoding="utf-8",
    )
    result = lint(root)
    assert result.exit_code == 2, result.output
    assert "'personal data breach' is the defined term 'Personal Data Breach'" in result.output


# ---------------------------------------------------------------- released versions are frozen


def test_every_released_version_of_the_library_records_its_approved_hash():
    """approved_sha256 is the hash of the text as approved; lint refuses a released version whose text moved."""
    from contractgen.library.clauses import RELEASED, load_library

    library_ = load_library(ROOT / "clauses")
    released = [v for c in library_.clauses.values() for v in c.versions.values() if v.status in RELEASED]
    assert len(released) > 200
    missing = [v.label for v in released if not v.approved_sha256]
    moved = [v.label for v in released if v.approved_sha256 and v.approved_sha256 != v.text_sha256]
    assert missing == [] and moved == []


def test_the_versions_edited_after_approval_read_again_as_approved():
    """The sweeps' edits became versions of their own; the versions they had edited print their approved text."""
    from contractgen.library.clauses import load_library

    library_ = load_library(ROOT / "clauses")
    renewal = library_.get("renewal").versions
    assert "No later than three months before" in renewal[1].body
    assert "No later than 3 months before" in renewal[2].body and "v1 as it was edited in place" in renewal[2].changes
    overlap = library_.get("working-hours-overlap").versions
    assert "o.summer" in overlap[1].body and "o.summer_hours" in overlap[2].body


def test_status_covers_and_changes_may_move_after_release_but_the_text_may_not(tmp_path):
    root = library(tmp_path)
    term = root / "clauses" / "framework" / "term" / "v1.md"
    text = term.read_text(encoding="utf-8")
    term.write_text(text.replace("status: approved", "status: deprecated"), encoding="utf-8")
    assert lint(root).exit_code == 0
    term.write_text(text.replace("title: Term", "title: Duration"), encoding="utf-8")
    result = lint(root)
    assert result.exit_code == 2 and "approved_sha256 no longer matches" in result.output


def test_a_released_version_without_its_hash_is_a_warning_that_names_the_hash(tmp_path):
    from contractgen.library.clauses import parse_clause_file

    root = library(tmp_path)
    term = root / "clauses" / "framework" / "term" / "v1.md"
    rewrite(term, term.read_text(encoding="utf-8"))
    version, _ = parse_clause_file(term, root / "clauses")
    result = lint(root)
    assert result.exit_code == 0
    assert "approved_sha256 is not recorded" in result.output and version.text_sha256 in result.output
