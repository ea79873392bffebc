"""Transforms on the document model: numbering, cross-references, definitions, contents."""

from __future__ import annotations

import pytest

from contractgen.document.model import (
    Clause,
    CrossRef,
    DefinitionList,
    Document,
    ListBlock,
    Paragraph,
    Part,
    Text,
    inline_text,
    iter_inline_runs,
)
from contractgen.document.reader import read_inline, read_markdown
from contractgen.document.transforms import (
    TermDefinition,
    apply_transforms,
    build_contents,
    build_definitions,
    letter,
    number_document,
    resolve_cross_references,
    roman,
)
from contractgen.errors import DocumentError


def clause(cid: str, markdown: str, title: str = "", kind: str = "clause", first_line: int = 1) -> Clause:
    source = f"clauses/g/{cid}/v1.md"
    blocks = read_markdown(markdown, source, markdown, first_line)
    made = Clause(cid, 1, title or cid.replace("-", " ").title(), blocks, source=source)
    made.kind = kind
    return made


def document(*parts: Part) -> Document:
    return Document(
        title="T",
        reference="",
        date_text="",
        date_iso="2027-02-01",
        locale="en_GB",
        draft=False,
        parties=[],
        parts=list(parts),
    )


def agreement(*clauses: Clause) -> Part:
    return Part("agreement", "agreement", "Agreement", list(clauses))


def schedule(sid: str, title: str, *clauses: Clause) -> Part:
    return Part(sid, "schedule", title, list(clauses), anchor=sid)


def xref_texts(doc: Document) -> dict[str, str]:
    out = {}
    for _, c in doc.iter_clauses():
        for run in iter_inline_runs(c.blocks):
            for node in run:
                if isinstance(node, CrossRef):
                    out[node.target] = node.text
    return out


def texts(doc: Document) -> list[str]:
    return [inline_text(run) for _, c in doc.iter_clauses() for run in iter_inline_runs(c.blocks)]


# ---------------------------------------------------------------- numbering


def test_single_paragraph_clause_is_unnumbered_multi_paragraph_is_numbered():
    one = clause("one", "Only paragraph. {#only}")
    two = clause("two", "First.\n\nSecond.\n\n### Heading\n\nThird.")
    doc = document(agreement(one, two))
    targets = number_document(doc)
    assert (one.number, two.number) == ("1", "2")
    assert one.blocks[0].number == ""
    assert [b.number for b in two.blocks if isinstance(b, Paragraph)] == ["2.1", "2.2", "2.3"]
    assert targets["only"].text == "clause 1"  # a paragraph anchor in an unnumbered clause
    assert targets["one"].text == "clause 1" and targets["two"].text == "clause 2"


def test_list_items_a_and_nested_i():
    c = clause(
        "c", "Intro.\n\nDuties:\n\n1. one\n2. two\n   1. sub one\n   2. sub two\n      1. deeper\n3. three\n\n- bullet"
    )
    number_document(document(agreement(c)))
    top: ListBlock = c.blocks[2]
    assert [i.number for i in top.items] == ["(a)", "(b)", "(c)"]
    nested: ListBlock = top.items[1].blocks[1]
    assert [i.number for i in nested.items] == ["(i)", "(ii)"]
    deeper: ListBlock = nested.items[1].blocks[1]
    assert [i.number for i in deeper.items] == ["(a)"]  # a third level alternates back to letters
    bullets: ListBlock = c.blocks[3]
    assert [i.number for i in bullets.items] == [""]


def test_list_labels():
    assert [letter(i) for i in (0, 1, 25, 26, 27)] == ["a", "b", "z", "aa", "bb"]
    assert [roman(i) for i in (0, 3, 8, 19)] == ["i", "iv", "ix", "xx"]
    assert roman(20) == "21"


def test_schedules_are_numbered_on_their_own():
    doc = document(
        agreement(clause("a1", "x"), clause("a2", "y")),
        Part("signatures", "signatures", "Signatures", []),
        schedule("sched-one", "One", clause("s1a", "p"), clause("s1b", "q")),
        schedule("sched-two", "Two", clause("s2a", "r")),
    )
    targets = number_document(doc)
    assert [p.number for p in doc.parts] == ["", "", "Schedule 1", "Schedule 2"]
    assert [c.number for c in doc.parts[2].clauses] == ["1", "2"]
    assert doc.parts[3].clauses[0].number == "1"
    assert targets["sched-two"].text == "Schedule 2"
    assert targets["s1b"].text == "paragraph 2 of Schedule 1"


# ---------------------------------------------------------------- cross-references


def test_cross_reference_texts():
    doc = document(
        agreement(
            clause("intro", "See [](#duties), [](#duty-b), [](#sub-ii), [](#para-two) and [](#services)."),
            clause(
                "duties",
                "First.\n\nThe Supplier will: {#para-two}\n\n1. do a;\n2. do b; {#duty-b}\n   1. i\n   2. ii {#sub-ii}\n\nLast.",
            ),
            clause("refs", "Also [](#svc-detail), [](#svc-para) and [](#intro)."),
        ),
        schedule("other", "Other", clause("other-c", "Other text.")),
        schedule("services", "Services", clause("svc-overview", "x"), clause("svc-detail", "One.\n\nTwo. {#svc-para}")),
    )
    apply_transforms(doc, [])
    assert xref_texts(doc) == {
        "duties": "clause 2",
        "duty-b": "clause 2.2(b)",
        "sub-ii": "clause 2.2(b)(ii)",
        "para-two": "clause 2.2",
        "services": "Schedule 2",
        "svc-detail": "paragraph 2 of Schedule 2",
        "svc-para": "paragraph 2.2 of Schedule 2",
        "intro": "clause 1",
    }


def xref_segments(doc: Document) -> dict[str, list]:
    return {
        node.target: node.segments
        for _, c in doc.iter_clauses()
        for run in iter_inline_runs(c.blocks)
        for node in run
        if isinstance(node, CrossRef)
    }


def test_cross_references_name_each_numbered_piece():
    """Each number of a reference is its own piece, anchored on the clause, paragraph, list item or
    schedule that carries it; numbered things without an anchor get a made-up, unique one."""
    doc = document(
        agreement(
            clause("intro", "See [](#duties), [](#sub-ii), [](#para-two) and [](#svc-para)."),
            clause(
                "duties",
                "First.\n\nThe Supplier will: {#para-two}\n\n1. do a;\n2. do b;\n   1. i\n   2. ii {#sub-ii}\n\nLast.",
            ),
        ),
        schedule("services", "Services", clause("svc-detail", "One.\n\nTwo. {#svc-para}")),
    )
    apply_transforms(doc, [])
    segments = xref_segments(doc)
    assert segments["duties"] == [["clause ", ""], ["2", "duties"]]
    assert segments["para-two"] == [["clause ", ""], ["2.2", "para-two"]]
    assert segments["svc-para"] == [["paragraph ", ""], ["1.2", "svc-para"], [" of ", ""], ["Schedule 1", "services"]]
    clause_, item_, sub_ = segments["sub-ii"][1:]
    assert [clause_[0], item_[0], sub_[0]] == ["2.2", "(b)", "(ii)"]
    assert clause_[1] == "para-two" and sub_[1] == "sub-ii"
    duties = doc.parts[0].clauses[1]
    item_b = duties.blocks[2].items[1]
    assert item_b.anchor == item_[1] and item_[1] not in ("", "sub-ii", "para-two")
    for _, c in doc.iter_clauses():
        for run in iter_inline_runs(c.blocks):
            for node in run:
                if isinstance(node, CrossRef):
                    assert "".join(text for text, _ in node.segments) == node.text


def test_list_item_anchor_under_an_unnumbered_clause():
    doc = document(agreement(clause("x", "[](#only-item)"), clause("only", "1. a\n2. b {#only-item}")))
    apply_transforms(doc, [])
    assert xref_texts(doc) == {"only-item": "clause 2(b)"}


def test_unresolved_reference_names_clause_file_and_line():
    # the body starts on line 6 of the clause file; the reference is on its third line
    doc = document(agreement(clause("c", "First.\n\nSee [](#nowhere).", first_line=6)))
    with pytest.raises(DocumentError) as caught:
        apply_transforms(doc, [])
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == ("clauses/g/c/v1.md", 8)
    assert "'#nowhere' does not resolve" in problem.message


def test_unresolved_references_are_all_reported():
    doc = document(agreement(clause("a", "[](#x) [](#x)"), clause("b", "[](#y)")))
    with pytest.raises(DocumentError) as caught:
        resolve_cross_references(doc, number_document(doc))
    assert [(p.file, "#x" in p.message) for p in caught.value.problems] == [
        ("clauses/g/a/v1.md", True),
        ("clauses/g/b/v1.md", False),
    ]


@pytest.mark.parametrize(
    "first, second",
    [
        ("One. {#dup}\n\nTwo.", "1. item {#dup}"),  # paragraph vs list item
        ("Text.", "Other. {#a}\n\nMore."),  # a paragraph anchor that is a clause id
    ],
)
def test_duplicate_anchor_is_an_error(first, second):
    doc = document(agreement(clause("a", first), clause("b", second)))
    with pytest.raises(DocumentError) as caught:
        number_document(doc)
    (problem,) = caught.value.problems
    assert problem.file == "clauses/g/b/v1.md"
    assert "is also used in clauses/g/a/v1.md" in problem.message


def test_schedule_anchor_clashing_with_a_clause_id():
    doc = document(agreement(clause("services", "x")), schedule("services", "Services", clause("s", "y")))
    with pytest.raises(DocumentError, match="the anchor 'services' is also used"):
        number_document(doc)


# ---------------------------------------------------------------- definitions


def offer(term: str, meaning: str, cid: str = "defs") -> TermDefinition:
    return TermDefinition(term, read_inline(meaning), f"clauses/g/{cid}/v1.md")


def definitions_doc(*bodies: str) -> tuple[Document, Clause]:
    home = clause("definitions", "In this Agreement:", kind="definitions-clause")
    others = [clause(f"c{i}", body) for i, body in enumerate(bodies)]
    return document(agreement(home, *others)), home


def listed(home: Clause) -> list[str]:
    (definitions,) = [b for b in home.blocks if isinstance(b, DefinitionList)]
    return [d.term for d in definitions.items]


def test_only_used_terms_are_listed_alphabetically():
    doc, home = definitions_doc("The Supplier provides the Services for the Charges.")
    unused = build_definitions(
        doc,
        [
            offer("Services", "the services."),
            offer("Charges", "the fees."),
            offer("Business Day", "a weekday."),
            offer("Affiliate", "a group company."),
        ],
    )
    assert listed(home) == ["Charges", "Services"]
    assert unused == ["Affiliate", "Business Day"]


def test_plural_use_counts_but_a_longer_word_does_not():
    doc, home = definitions_doc(
        "Both Service Credits and all Licences apply; the Serviceable parts do not; nor does Audit-Trail."
    )
    build_definitions(
        doc, [offer("Service Credit", "a."), offer("Licence", "b."), offer("Servic", "c."), offer("Audit", "d.")]
    )
    assert listed(home) == ["Licence", "Service Credit"]


def test_a_term_used_only_inside_a_used_definition_counts():
    doc, home = definitions_doc("The Charges are payable monthly.")
    unused = build_definitions(
        doc,
        [
            offer("Charges", "the fees for the Services."),
            offer("Services", "the work described in the Statement of Work."),
            offer("Statement of Work", "the document so called."),
            offer("Deliverable", "an output of the Services that is never named."),
        ],
    )
    assert listed(home) == ["Charges", "Services", "Statement of Work"]
    assert unused == ["Deliverable"]


def test_terms_used_in_titles_and_tables_count():
    doc, home = definitions_doc("| Col |\n|---|\n| the Fees |")
    doc.parts[0].clauses[1].title = "Charges"
    build_definitions(doc, [offer("Fees", "a."), offer("Charges", "b."), offer("Other", "c.")])
    assert listed(home) == ["Charges", "Fees"]


def test_sorting_ignores_case():
    doc, home = definitions_doc("apple Banana cherry")
    build_definitions(doc, [offer("cherry", "c."), offer("Banana", "b."), offer("apple", "a.")])
    assert listed(home) == ["apple", "Banana", "cherry"]


def test_conflicting_definitions_are_refused_identical_ones_merge():
    doc, home = definitions_doc("The Services.")
    build_definitions(doc, [offer("Services", "the work.", "a"), offer("Services", "the work.", "b")])
    assert listed(home) == ["Services"]
    doc, _ = definitions_doc("The Services.")
    with pytest.raises(DocumentError) as caught:
        build_definitions(doc, [offer("Services", "the work.", "a"), offer("Services", "other work.", "b")])
    (problem,) = caught.value.problems
    assert problem.file == "clauses/g/b/v1.md" and problem.path == "defines"
    assert "'Services' is also defined, differently, in clauses/g/a/v1.md" in problem.message


def test_cross_references_inside_definitions_are_resolved():
    doc, home = definitions_doc("The Charges.")
    doc.parts.append(schedule("schedule-pricing", "Pricing", clause("pricing", "x")))
    apply_transforms(doc, [offer("Charges", "the fees in [](#schedule-pricing).")])
    (definitions,) = [b for b in home.blocks if isinstance(b, DefinitionList)]
    assert inline_text(definitions.items[0].content) == "the fees in Schedule 1."


def test_apply_transforms_reports_unused_terms():
    doc, _ = definitions_doc("The Charges.")
    assert apply_transforms(doc, [offer("Charges", "a."), offer("Unused", "b.")]) == ["defined but never used: Unused"]


# ---------------------------------------------------------------- contents and checks


def test_contents_entries():
    doc = document(
        agreement(clause("a", "x", title="Alpha"), clause("b", "y", title="Beta")),
        Part("signatures", "signatures", "Signatures", []),
        schedule("sched", "The Services", clause("s", "z", title="Overview")),
    )
    number_document(doc)
    build_contents(doc)
    assert [(e.level, e.number, e.title, e.anchor) for e in doc.contents] == [
        (1, "1", "Alpha", "a"),
        (1, "2", "Beta", "b"),
        (1, "", "Signatures", "signatures"),
        (1, "Schedule 1", "The Services", "sched"),
        (2, "1", "Overview", "s"),
    ]


def test_empty_clause_is_refused():
    doc = document(agreement(clause("a", "x"), clause("empty", "")))
    with pytest.raises(DocumentError, match="clause 'empty' rendered no text"):
        apply_transforms(doc, [])


# ---------------------------------------------------------------- local references, nested terms


def _local_clause(cid: str, target: str) -> Clause:
    return Clause(cid, 1, cid.title(), [Paragraph([Text("See "), CrossRef(target), Text(".")])], source=f"{cid}.md")


def test_references_within_and_across_schedules():
    agreement = Part("agreement", "agreement", "Agreement", [_local_clause("main", "sl-two")])
    schedule = Part(
        "schedule-sl",
        "schedule",
        "Service Levels",
        [_local_clause("sl-one", "sl-two"), _local_clause("sl-two", "sl-one")],
    )
    other = Part("schedule-ch", "schedule", "Charges", [_local_clause("ch-one", "sl-two")])
    document = Document("T", "R", "1 January 2027", "2027-01-01", "en_GB", False, [], [agreement, schedule, other])
    apply_transforms(document, [])
    texts = {c.id: c.blocks[0].content[1].text for _, c in document.iter_clauses()}
    assert texts == {
        "main": "paragraph 2 of Schedule 1",
        "sl-one": "paragraph 2",
        "sl-two": "paragraph 1",
        "ch-one": "paragraph 2 of Schedule 1",
    }


def test_a_term_used_only_inside_a_longer_term_is_not_listed():
    body = [Paragraph([Text("Send a Change Request.")])]
    clause = Clause(
        "definitions", 1, "Definitions", [Paragraph([Text("Terms:")])], source="d.md", kind="definitions-clause"
    )
    document = Document(
        "T",
        "R",
        "d",
        "2027-01-01",
        "en_GB",
        False,
        [],
        [Part("agreement", "agreement", "A", [clause, Clause("c", 1, "C", body, source="c.md")])],
    )
    offered = [
        TermDefinition("Change", [Text("a change.")], "x.md"),
        TermDefinition("Change Request", [Text("a request.")], "y.md"),
    ]
    apply_transforms(document, offered)
    listed = [d.term for d in document.parts[0].clauses[0].blocks[-1].items]
    assert listed == ["Change Request"]


def test_apply_transforms_runs_the_registry_in_its_order(monkeypatch):
    from contractgen.document import transforms

    seen: list[str] = []
    steps = tuple(
        (name, lambda run, name=name, step=step: (seen.append(name), step(run))) for name, step in transforms.TRANSFORMS
    )
    monkeypatch.setattr(transforms, "TRANSFORMS", steps + (("extra", lambda run: run.warnings.append("extra ran")),))
    doc = document(agreement(clause("a", "Text.", "Alpha")))
    assert apply_transforms(doc, []) == ["extra ran"]
    assert seen == ["numbering", "definitions", "cross-references", "contents", "checks"]
    assert doc.parts[0].clauses[0].number == "1"
