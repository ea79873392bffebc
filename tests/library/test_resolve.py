"""Outline loading and version resolution: newest approved, pins, excludes, conditions."""

from __future__ import annotations

import pytest
import yaml

from contractgen.deal import validate_data
from contractgen.errors import LibraryError
from contractgen.library.clauses import load_library
from contractgen.library.resolve import load_outline, resolve_contract
from contractgen.templating.context import build_context
from contractgen.templating.render import condition_evaluator
from tests.helpers import MINI_ROOT, write_file

BASE_DEAL = yaml.safe_load((MINI_ROOT / "deals" / "mini.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def library():
    return load_library(MINI_ROOT / "clauses")


@pytest.fixture(scope="module")
def outline():
    return load_outline(MINI_ROOT / "templates" / "mini")


def make_deal(**changes):
    """The fixture deal with top-level sections replaced (None removes a section)."""
    data = dict(BASE_DEAL)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return validate_data(data, "deal.yaml")


def resolve(outline, library, **changes):
    deal = make_deal(**changes)
    return resolve_contract(outline, library, deal, condition_evaluator(build_context(deal)), "deal.yaml")


def chosen(result) -> dict[str, int]:
    return {v.id: v.version for v in result.versions()}


def reasons(result) -> dict[str, str]:
    return {r.id: r.reason for part in result.parts for r in part.clauses}


def problems(outline, library, **changes) -> list[str]:
    with pytest.raises(LibraryError) as caught:
        resolve(outline, library, **changes)
    return [str(p) for p in caught.value.problems]


def test_outline_is_loaded(outline):
    kinds = [(p.kind, p.id) for p in outline.parts]
    assert kinds == [
        ("agreement", "agreement"),
        ("signatures", "signatures"),
        ("schedule", "schedule-services"),
        ("schedule", "schedule-milestones"),
        ("schedule", "schedule-pricing"),
    ]
    items = {i.id: i for i in outline.parts[0].items}
    assert items["non-solicitation"].optional and not items["scope"].optional
    assert items["credits"].when == "service_levels"
    assert outline.parts[2].title == "The Services"


def test_default_resolution(outline, library):
    result = resolve(outline, library)
    assert chosen(result) == {
        "parties": 1,
        "definitions": 1,
        "scope": 2,
        "legacy": 1,
        "non-solicitation": 1,
        "svc-list": 1,
        "pricing": 1,
    }
    why = reasons(result)
    assert why["scope"] == "newest approved"  # v2, not the newer draft v3
    assert why["sunset"] == "no approved version"  # retired only
    assert why["future"] == "no approved version"  # draft only
    assert why["credits"].startswith("outline condition false")
    assert why["milestones"] == "condition false: deliverables"
    assert result.warnings == ["clause legacy v1 is deprecated; consider a newer version"]


def test_newest_approved_skips_newer_draft_and_older_approved(tmp_path):
    root = tmp_path / "clauses"
    for n, status in ((1, "approved"), (2, "approved"), (3, "deprecated"), (4, "draft")):
        write_file(root / "g" / "c" / f"v{n}.md", f"---\ntitle: C\nstatus: {status}\nchanges: v{n}\n---\nText {n}.\n")
    write_file(tmp_path / "t" / "outline.yaml", "parts:\n  - kind: agreement\n    clauses: [c]\n")
    library, outline = load_library(root), load_outline(tmp_path / "t")
    deal = make_deal()
    result = resolve_contract(outline, library, deal, condition_evaluator(build_context(deal)))
    assert chosen(result) == {"c": 2}
    assert result.warnings == []


def test_pin_selects_an_older_approved_version_without_warning(outline, library):
    result = resolve(outline, library, clauses={"pin": {"scope": 1}})
    assert chosen(result)["scope"] == 1
    assert reasons(result)["scope"] == "pinned"
    assert not [w for w in result.warnings if "scope" in w]


def test_pin_selects_a_draft_with_a_warning(outline, library):
    result = resolve(outline, library, clauses={"pin": {"scope": 3}})
    assert chosen(result)["scope"] == 3
    assert "clause scope v3 is draft and renders only because the deal pins it" in result.warnings


def test_pinned_retired_and_draft_only_clauses_render_with_warnings(outline, library):
    result = resolve(outline, library, clauses={"pin": {"sunset": 1, "future": 1}})
    assert chosen(result)["sunset"] == 1 and chosen(result)["future"] == 1
    assert "clause sunset v1 is retired and renders only because the deal pins it" in result.warnings
    assert "clause future v1 is draft and renders only because the deal pins it" in result.warnings
    order = [v.id for v in result.versions()]
    assert order.index("legacy") < order.index("sunset") < order.index("future") < order.index("non-solicitation")


def test_pinned_deprecated_version_warns(outline, library):
    result = resolve(outline, library, clauses={"pin": {"legacy": 1}})
    assert chosen(result)["legacy"] == 1
    assert result.warnings == ["clause legacy v1 is deprecated; consider a newer version"]


def test_exclude_optional_clause(outline, library):
    result = resolve(outline, library, clauses={"exclude": ["non-solicitation"]})
    assert "non-solicitation" not in chosen(result)
    assert reasons(result)["non-solicitation"] == "excluded by the deal"


def test_exclude_required_clause_is_refused(outline, library):
    assert problems(outline, library, clauses={"exclude": ["scope"]}) == [
        "deal.yaml: clauses.exclude: clause 'scope' is required by the template and cannot be excluded"
    ]


@pytest.mark.parametrize(
    "clauses, expected",
    [
        (
            {"exclude": ["non-solicitaton"]},
            "deal.yaml: clauses.exclude: unknown clause id 'non-solicitaton' (did you mean 'non-solicitation'?)",
        ),
        ({"pin": {"scpoe": 1}}, "deal.yaml: clauses.pin.scpoe: unknown clause id 'scpoe' (did you mean 'scope'?)"),
        ({"pin": {"scope": 9}}, "deal.yaml: clauses.pin.scope: clause 'scope' has no version 9 (it has v1, v2, v3)"),
    ],
)
def test_unknown_pin_and_exclude_are_refused(outline, library, clauses, expected):
    assert problems(outline, library, clauses=clauses) == [expected]


def test_pin_and_exclude_of_a_clause_outside_the_template(tmp_path, library):
    write_file(tmp_path / "t" / "outline.yaml", "parts:\n  - kind: agreement\n    clauses: [parties]\n")
    outline = load_outline(tmp_path / "t")
    deal = make_deal(clauses={"pin": {"scope": 1}, "exclude": ["legacy"]})
    with pytest.raises(LibraryError) as caught:
        resolve_contract(outline, library, deal, condition_evaluator(build_context(deal)), "deal.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "deal.yaml: clauses.pin.scope: clause 'scope' is not part of the t template",
        "deal.yaml: clauses.exclude: clause 'legacy' is not part of the t template",
    ]


def test_unknown_outline_id_is_refused_with_a_hint(tmp_path, library):
    write_file(
        tmp_path / "t" / "outline.yaml", "parts:\n  - kind: agreement\n    clauses: [parties, scopes, parties]\n"
    )
    outline = load_outline(tmp_path / "t")
    deal = make_deal()
    with pytest.raises(LibraryError) as caught:
        resolve_contract(outline, library, deal, condition_evaluator(build_context(deal)), "deal.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "t/outline.yaml: agreement: unknown clause id 'scopes' (did you mean 'scope'?)",
        "t/outline.yaml: agreement: clause 'parties' appears twice",
    ]


def test_all_deal_problems_are_reported_together(outline, library):
    found = problems(outline, library, clauses={"pin": {"scpoe": 1}, "exclude": ["scope", "nope-nope"]})
    assert len(found) == 3


def test_when_false_leaves_the_clause_out_and_true_brings_it_in(outline, library):
    assert "credits" not in chosen(resolve(outline, library))
    with_credits = {
        "availability": [{"service": "SD", "target": 99.9}],
        "service_credits": {"at_risk": 10, "tiers": [{"service": "SD", "below": 99.9, "credit": 2}]},
    }
    assert "credits" in chosen(resolve(outline, library, service_levels=with_credits))
    # the outline condition holds but the clause's own `when` does not
    result = resolve(outline, library, service_levels={"availability": [{"service": "SD", "target": 99.9}]})
    assert "credits" not in chosen(result)
    assert reasons(result)["credits"] == "condition false: service_levels and service_levels.service_credits"


def test_empty_schedule_is_dropped(outline, library):
    result = resolve(outline, library)
    included = [(p.outline.id, p.included) for p in result.parts]
    assert included == [
        ("agreement", True),
        ("signatures", True),
        ("schedule-services", True),
        ("schedule-milestones", False),
        ("schedule-pricing", True),
    ]
    deliverables = [{"id": "D1", "name": "Plan", "due": "2027-03-01"}]
    result = resolve(outline, library, deliverables=deliverables)
    assert [p.included for p in result.parts] == [True] * 5
    assert "milestones" in chosen(result)


def test_schedule_when_false_leaves_out_its_clauses(tmp_path, library):
    write_file(
        tmp_path / "t" / "outline.yaml",
        (
            "parts:\n"
            "  - kind: agreement\n    clauses: [parties]\n"
            "  - kind: schedule\n    id: s\n    title: S\n    when: deal.sourcing\n    clauses: [pricing]\n"
        ),
    )
    outline = load_outline(tmp_path / "t")
    deal = make_deal()
    result = resolve_contract(outline, library, deal, condition_evaluator(build_context(deal)))
    assert not result.parts[1].included
    assert result.parts[1].clauses[0].reason == "its part is left out"
    assert chosen(result) == {"parties": 1}


@pytest.mark.parametrize(
    "text, message",
    [
        ("parts: []\n", "parts: must be a non-empty list"),
        ("parts:\n  - kind: appendix\n", "parts[0]: kind must be one of agreement, signatures, schedule"),
        ("parts:\n  - kind: schedule\n    clauses: [parties]\n", "parts[0].title: a schedule needs a title"),
        ("parts:\n  - kind: agreement\n    clauses: [Not_An_Id]\n", "parts[0].clauses[0]: must be a clause id"),
    ],
)
def test_bad_outlines(tmp_path, text, message):
    write_file(tmp_path / "t" / "outline.yaml", text)
    with pytest.raises(LibraryError) as caught:
        load_outline(tmp_path / "t")
    assert message in str(caught.value)
    assert "t/outline.yaml" in str(caught.value)


def test_missing_outline(tmp_path):
    with pytest.raises(LibraryError, match="has no outline.yaml"):
        load_outline(tmp_path)
