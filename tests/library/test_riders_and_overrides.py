"""Riders and overrides: the deal's own words, rendered in the clause sandbox and kept visible everywhere."""

from __future__ import annotations

import pytest

from contractgen.checks.coverage import deal_coverage_report, deviations_as_text
from contractgen.document.model import Heading, Paragraph, inline_text, iter_blocks
from contractgen.errors import ContractgenError
from contractgen.pipeline import Workspace, build_document, load_deal
from contractgen.redline.diff import diff_documents
from contractgen.repo.explain import summary
from contractgen.writers.pdf.redline import render_redline_html
from tests.helpers import FIXTURES, REFERENCE, TEMPLATE, write_file
from tests.terms import contract_text, overlaid, squash

NEGOTIATED = FIXTURES / "deals" / "overlays" / "negotiated.yaml"


@pytest.fixture(scope="module")
def negotiated(tmp_path_factory):
    return overlaid(REFERENCE, NEGOTIATED, tmp_path_factory.mktemp("negotiated"))


@pytest.fixture(scope="module")
def built(negotiated):
    return build_document(load_deal(negotiated), Workspace())


def _clauses(result):
    return {clause.id: (part, clause) for part, clause in result.document.iter_clauses()}


def _text(clause) -> str:
    return squash(
        " ".join(inline_text(b.content) for b in iter_blocks(clause.blocks) if isinstance(b, (Paragraph, Heading)))
    )


def test_riders_are_numbered_after_their_clause_and_cross_referenced(built):
    part, credits = _clauses(built)["service-credits"]
    ids = [clause.id for clause in part.clauses]
    assert ids[ids.index("service-credits") + 1 : ids.index("service-credits") + 3] == [
        "earn-back",
        "service-credit-review",
    ]
    _, rider = _clauses(built)["earn-back"]
    assert rider.title == "Earn-back of Service Credits" and int(rider.number) == int(credits.number) + 1
    assert rider.deviation == "a rider of this deal (deviates from the library)"
    # the rider's Jinja is rendered with the deal's values, and its cross-references resolve like a clause's
    general_cap = next(
        b.number
        for b in _clauses(built)["limitation-of-liability"][1].blocks
        if isinstance(b, Paragraph) and b.anchor == "general-cap"
    )
    assert _text(rider).startswith("The Supplier may earn back a Service Credit")
    assert f"the cap in clause {general_cap} is unaffected" in _text(rider)
    review = _clauses(built)["service-credit-review"][1]
    assert _text(review) == f"The Parties review the Service Credit regime once a year (see paragraph {rider.number})."
    assert review.source.endswith("riders[1]")


def test_an_override_replaces_a_whole_clause_or_one_paragraph(built):
    _, costs = _clauses(built)["costs"]
    assert _text(costs) == (
        "Each Party pays its own costs of negotiating and entering into this Agreement, except that "
        "the Client pays the fees of the escrow agent."
    )
    assert costs.deviation == "this deal's own text (deviates from the library)" and costs.title == "Costs"
    _, liability = _clauses(built)["limitation-of-liability"]
    paragraphs = {b.anchor: b for b in liability.blocks if isinstance(b, Paragraph) and b.anchor}
    cap = paragraphs["general-cap"]
    amount = inline_text(cap.content).rsplit("will not exceed ", 1)[1]
    assert inline_text(cap.content).startswith(
        f"Subject to clause {paragraphs['unlimited-liability'].number}, each Party"
    )
    assert amount[0] == "£" and amount.endswith(".") and "{{" not in amount
    assert "(deviates from the library)" in liability.deviation and "general-cap" in liability.deviation
    # the rest of the clause is the library's, and its references to the replaced paragraph still resolve
    # (the data-protection cap still counts the Charges "as in" the replaced paragraph: the library's words)
    assert "Charges paid and payable" not in inline_text(cap.content) and "mitigate any loss" in _text(liability)
    assert f"clause {cap.number}" in _text(liability)


def test_the_docx_prints_the_deal_s_words(negotiated):
    text = contract_text(negotiated)
    assert "Earn-back of Service Credits" in text and "except that the Client pays the fees of the escrow agent" in text


@pytest.mark.parametrize(
    "overlay, field, message",
    [
        (
            "riders: [{after: no-such-clause, title: X, text: Y}]",
            "riders[0].after",
            "no clause or rider 'no-such-clause' in this contract",
        ),
        (
            "riders: [{after: escrow, title: X, text: Y}]",
            "riders[0].after",
            "clause 'escrow' is not in this contract (outline condition false: escrow)",
        ),
        (
            "riders: [{after: costs, title: X, text: Y, id: audit}]",
            "riders[0].id",
            "'audit' is already a clause of the template; give the rider another id",
        ),
        (
            "overrides: {no-such-anchor: text}",
            "overrides.no-such-anchor",
            "no clause or paragraph anchor 'no-such-anchor' in this contract",
        ),
        (
            "overrides: {escrow: text}",
            "overrides.escrow",
            "clause 'escrow' is not in this contract (outline condition false: escrow)",
        ),
        (
            "overrides: {limitation-of-liability: whole, general-cap: part}",
            "overrides.general-cap",
            "paragraph 'general-cap' is in clause 'limitation-of-liability', which overrides.limitation-of-liability already replaces whole",
        ),
    ],
)
def test_misplaced_deal_text_is_refused_naming_its_field(tmp_path, overlay, field, message):
    deal = overlaid(REFERENCE, write_file(tmp_path / "o.yaml", overlay + "\n"), tmp_path)
    with pytest.raises(ContractgenError) as caught:
        build_document(load_deal(deal), Workspace())
    assert [(p.path, p.message) for p in caught.value.problems] == [(field, message)]


@pytest.mark.parametrize(
    "text, message",
    [
        ("{{ ''.__class__.__mro__ }}", "not allowed in a clause template"),
        ("{{ no_such_variable }}", "undefined: 'no_such_variable' is undefined"),
        ("{% for x in range(10**9) %}x{% endfor %}", "not allowed in a clause template"),
        ("See [the web](https://example.com).", "only cross-references like [](#clause-id) are allowed"),
        ("See [](#no-such-clause).", "no-such-clause"),
    ],
)
def test_deal_text_goes_through_the_same_sandbox_and_reader_as_a_clause(tmp_path, text, message):
    overlay = write_file(tmp_path / "o.yaml", "overrides:\n  costs: |\n    " + text + "\n")
    with pytest.raises(ContractgenError) as caught:
        build_document(load_deal(overlaid(REFERENCE, overlay, tmp_path)), Workspace())
    assert message in str(caught.value)


def test_markdown_structure_stays_inside_the_clause(tmp_path):
    overlay = write_file(
        tmp_path / "o.yaml", "overrides:\n  costs: |\n    # Not a clause\n\n    Each Party pays its own.\n"
    )
    result = build_document(load_deal(overlaid(REFERENCE, overlay, tmp_path)), Workspace())
    part, costs = _clauses(result)["costs"]
    assert [type(b).__name__ for b in costs.blocks] == ["Heading", "Paragraph"]
    assert costs.blocks[0].level == 3  # a sub-heading of the clause, never a clause or a part of its own
    assert [c.id for c in part.clauses].count("costs") == 1


def test_coverage_lists_every_rider_and_override(negotiated):
    _, rows, _, deviations = deal_coverage_report(negotiated)
    assert [d["field"] for d in deviations] == ["overrides.general-cap", "overrides.costs", "riders[0]", "riders[1]"]
    lines = deviations_as_text(deviations)
    assert any(
        line.startswith("DEVIATES from the library: override of clause costs (overrides.costs), clause ")
        for line in lines
    )
    assert any(
        "rider earn-back (Earn-back of Service Credits), after service-credits (riders[0]), paragraph " in line
        for line in lines
    )
    costs = next(row for row in rows if row.item.id == "costs")
    assert costs.covered_by[0]["deviates"] == "overrides.costs"


def test_explain_and_the_provenance_name_the_deviations(built):
    deviations = built.document.provenance["deviations"]
    assert "override of clause costs [overrides.costs]" in deviations and "[riders[1]]" in deviations
    record = {"file": "x.docx", "properties": {"deal_file": "x.yaml", "deviations": deviations}}
    text = summary(record, None, {"status": "draft"}, "now")
    assert "  deviates from the library (4, review by hand):" in text
    assert "    override of paragraph general-cap of clause limitation-of-liability [overrides.general-cap]" in text
    from_lock = summary(
        {"file": "x.docx", "properties": {}},
        None,
        {"deal_text": {"overrides.costs": {"kind": "override", "clause": "costs", "sha256": "0"}}},
        "now",
    )
    assert "    override of costs [overrides.costs]" in from_lock


def test_the_redline_summary_marks_the_deviations(built):
    plain = build_document(load_deal(REFERENCE), Workspace())
    redline = diff_documents(plain.document, built.document)
    marked = {e.title: (e.change, e.deviation) for e in redline.summary if e.deviation}
    assert marked["Earn-back of Service Credits"] == ("inserted", "a rider of this deal (deviates from the library)")
    assert marked["Costs"] == ("changed", "this deal's own text (deviates from the library)")
    # a later redline that changes nothing still lists the clauses in the deal's own words
    again = diff_documents(built.document, built.document)
    assert {e.title: e.change for e in again.summary} == {
        "Limitation of Liability": "deviates",
        "Earn-back of Service Credits": "deviates",
        "Service Credit Review": "deviates",
        "Costs": "deviates",
    }
    html = render_redline_html(again, TEMPLATE)
    assert (
        "Deviates from the library, unchanged here (4)" in html
        and "a rider of this deal (deviates from the library)" in html
    )
