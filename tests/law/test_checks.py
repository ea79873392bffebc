"""What `contractgen lint` says about law records: schema, references, claimed phrases, age; the shipped schemas."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace as NS

from contractgen.law.checks import check_law
from contractgen.law.library import KINDS, builtin_dir, library
from contractgen.law.regimes import resolve_regulations
from contractgen.law.schema import json_schema
from contractgen.law.transfers import decide
from tests.helpers import FIXTURES, ROOT

BROKEN = FIXTURES / "law" / "broken"


def test_every_builtin_record_passes_lint():
    # errors only: of them, only a review dated in the future depends on the day lint runs
    findings = check_law(library(), builtin_dir(), today=date.today())
    assert [f for f in findings if not f.warning] == []


def test_a_broken_record_is_reported_line_by_line():
    findings = check_law(library(BROKEN), BROKEN, today=date(2026, 12, 4))
    said = {(f.rel, f.message, f.warning) for f in findings}
    qld = "law/jurisdictions/queensland.yaml"
    assert (qld, "sources: Field required", False) in said
    assert (qld, "capital: Extra inputs are not permitted", False) in said
    assert any(rel == qld and "family 'queensland_law' is not a law/families record" in m for rel, m, _ in said)
    assert any(rel == qld and w and "as_of 2020-01-01 is more than 18 months old" in m for rel, m, w in said)
    assert any(
        rel == "law/jurisdictions/victoria-again.yaml" and "'victoria' also names law/jurisdictions/victoria.yaml" in m
        for rel, m, _ in said
    )
    capital = next(f for f in findings if f.message.startswith("capital:"))
    assert capital.line == 10  # the line of the key in the file


def test_a_review_names_who_and_when_is_not_in_the_future_and_covers_the_record_as_it_stands():
    """reviewed_by without reviewed_on is refused; a future review is refused; a change after the review warns."""
    findings = check_law(library(BROKEN), BROKEN, today=date(2026, 12, 4))
    said = {(f.rel, f.warning): f.message for f in findings if "review" in f.message}
    assert "reviewed_by is set without reviewed_on" in said[("law/jurisdictions/tasmania.yaml", False)]
    assert said[("law/jurisdictions/south-australia.yaml", False)] == "reviewed_on 2027-01-15 is in the future"
    stale = said[("law/jurisdictions/western-australia.yaml", True)]
    assert stale.startswith("as_of 2026-12-01 is after reviewed_on 2026-06-01: the record changed after its review")
    assert not any(f.rel == "law/jurisdictions/western-australia.yaml" and not f.warning for f in findings)


def test_a_record_checked_within_18_months_does_not_warn():
    findings = check_law(library(BROKEN), BROKEN, today=date(2021, 6, 1))
    assert not any("months old" in f.message for f in findings)


def test_the_shipped_schemas_are_the_models_schemas():
    for kind in KINDS:
        shipped = json.loads((ROOT / "law" / kind / "schema.json").read_text(encoding="utf-8"))
        assert shipped == json_schema(kind), f"law/{kind}/schema.json is out of date: regenerate it from law.schema"
    privacy = json_schema("privacy")
    assert "sources" in privacy["required"] and "as_of" in privacy["required"]
    assert privacy["properties"]["sources"]["description"].startswith("the official citation")


def test_norway_is_inside_the_eea_and_adequate_for_the_uk():
    # Bare NO is YAML's false: the adequacy lists quote it, and lint refuses a list entry that is not a code.
    deal = NS(
        sourcing=NS(delivery_centres=[NS(country="NO", city="Oslo")]),
        data_protection=NS(
            subprocessors=None,
            data_residency=[],
            international_transfers=None,
            roles=NS(client="controller", supplier="processor"),
            regulations=["EU GDPR", "UK GDPR"],
        ),
    )
    applied, _ = resolve_regulations(["EU GDPR", "UK GDPR"])
    bases = {(t.regime, t.basis) for t in decide(deal, applied)}
    assert bases == {("eu-gdpr", "inside"), ("uk-gdpr", "adequacy")}
