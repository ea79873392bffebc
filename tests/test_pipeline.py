"""The build pipeline on the fixture library: clause list, numbers, provenance, atomic outputs."""

from __future__ import annotations

import hashlib

import pytest

from contractgen.deal import load_deal
from contractgen.document.model import (
    CrossRef,
    DefinitionList,
    inline_text,
    iter_inline_runs,
)
from contractgen.errors import DocumentError, LibraryError, TemplateError
from contractgen.pipeline import Workspace, build_document, render_deal
from tests.helpers import write_file
from tests.writers.docx_lists import numbered_texts


# The fields of the mini deal's build warnings after the deprecation warning, in order.
MINI_WARNINGS = [
    "regulatory",
    "data_protection",
    "scope.services.0",
    "scope.services.1",
    "scope.services",
    "service_levels",
    "liability",
    "security.vulnerability_remediation",
    "parties.client.company_number",
    "parties.supplier.company_number",
]


@pytest.fixture
def built(mini_root, mini_deal_path):
    source = load_deal(mini_deal_path)
    return build_document(source, Workspace(mini_root))


def test_clause_list_and_numbers(built):
    doc = built.document
    assert [(p.kind, p.id, p.number) for p in doc.parts] == [
        ("agreement", "agreement", ""),
        ("signatures", "signatures", ""),
        ("schedule", "schedule-services", "Schedule 1"),
        ("schedule", "schedule-pricing", "Schedule 2"),
    ]
    assert [(c.id, c.version, c.number) for _, c in doc.iter_clauses()] == [
        ("parties", 1, "1"),
        ("definitions", 1, "2"),
        ("scope", 2, "3"),
        ("legacy", 1, "4"),
        ("non-solicitation", 1, "5"),
        ("svc-list", 1, "1"),
        ("pricing", 1, "1"),
    ]
    assert built.warnings[0] == "clause legacy v1 is deprecated; consider a newer version"
    # the mini deal's client is a bank: a final document says as warnings what it reads into the deal, and that
    # neither company gives its number (the contract does not identify the contracting entity); its security section
    # states no remediation periods, so the draft states the defaults; its services have no descriptions and no service
    # levels, so Schedule 1 proposes bracketed targets for the service run round the clock, and the service desk has no
    # support hours and the client none, so Schedule 1 proposes its business hours in brackets; with personal
    # data and no liability section, data-protection liability is capped by default
    assert [w.split(":")[0] for w in built.warnings[1:]] == MINI_WARNINGS


def test_rendered_text_numbers_and_cross_references(built):
    clauses = {c.id: c for _, c in built.document.iter_clauses()}
    parties = clauses["parties"]
    assert [b.number for b in parties.blocks] == [""]
    assert inline_text(parties.blocks[0].content) == (
        "This Agreement is made between Northwind Bank plc (the Client) and Apex Digital Services Ltd (the Supplier)."
    )
    scope = clauses["scope"]
    assert [getattr(b, "number", None) for b in scope.blocks] == ["3.1", "3.2", None, "3.3"]
    assert [i.number for i in scope.blocks[2].items] == ["(a)", "(b)"]
    assert [inline_text(r) for r in iter_inline_runs(scope.blocks)][0] == (
        "The Supplier will provide the Services described in Schedule 1."
    )
    assert (
        inline_text(scope.blocks[3].content)
        == "The Charges for the Services are set out in paragraph 1.1 of Schedule 2."
    )
    assert inline_text(clauses["legacy"].blocks[0].content) == "The legacy terms apply as set out in clause 3.3."
    pricing = clauses["pricing"]
    assert [inline_text(b.content) for b in pricing.blocks] == [
        "The Charges are £185,000.00 a month.",
        "Invoices are payable within 30 days of receipt; see clause 3.",
    ]
    table = clauses["svc-list"].blocks[0]
    assert [[inline_text(cell) for cell in row] for row in table.rows] == [
        ["SD", "Service Desk"],
        ["INF", "Infrastructure Management"],
    ]
    refs = [
        n
        for _, c in built.document.iter_clauses()
        for run in iter_inline_runs(c.blocks)
        for n in run
        if isinstance(n, CrossRef)
    ]
    assert refs and all(r.text for r in refs)


def test_definitions_list_only_used_terms(built):
    definitions = next(c for _, c in built.document.iter_clauses() if c.id == "definitions")
    assert definitions.kind == "definitions-clause"
    (listing,) = [b for b in definitions.blocks if isinstance(b, DefinitionList)]
    assert [(d.term, inline_text(d.content)) for d in listing.items] == [
        ("Agreement", "this agreement, including its schedules."),
        ("Charges", "the charges for the Services set out in Schedule 2."),
        ("Services", "the services described in Schedule 1."),
    ]


def test_provenance_and_document_fields(built, mini_deal_path):
    doc = built.document
    assert doc.provenance["clauses"] == (
        "parties@1 definitions@1 scope@2 legacy@1 non-solicitation@1 svc-list@1 pricing@1"
    )
    assert doc.provenance["template"] == "mini" and doc.provenance["deal_file"] == "mini.yaml"
    assert doc.provenance["deal_sha256"] == hashlib.sha256(mini_deal_path.read_bytes()).hexdigest() == built.deal_sha256
    assert (doc.title, doc.reference, doc.date_text, doc.date_iso) == (
        "Mini Services Agreement",
        "MINI-1",
        "1 February 2027",
        "2027-02-01",
    )
    assert [(p.role, p.name, p.short_name) for p in doc.parties] == [
        ("client", "Northwind Bank plc", "Client"),
        ("supplier", "Apex Digital Services Ltd", "Supplier"),
    ]
    sources = [c.source for _, c in doc.iter_clauses()]
    assert sources[0] == "clauses/framework/parties/v1.md"
    assert [e.number for e in doc.contents] == ["1", "2", "3", "4", "5", "", "Schedule 1", "1", "Schedule 2", "1"]


def test_pins_and_excludes_reach_the_document(tmp_path, mini_root, mini_deal_path):
    deal_path = write_file(
        tmp_path / "pinned.yaml",
        mini_deal_path.read_text(encoding="utf-8") + "clauses:\n  pin: {future: 1}\n  exclude: [non-solicitation]\n",
    )
    result = build_document(load_deal(deal_path), Workspace(mini_root))
    ids = [(c.id, c.version, c.number) for _, c in result.document.iter_clauses()]
    assert ids[:5] == [
        ("parties", 1, "1"),
        ("definitions", 1, "2"),
        ("scope", 2, "3"),
        ("legacy", 1, "4"),
        ("future", 1, "5"),
    ]
    assert "non-solicitation" not in [i for i, _, _ in ids]
    assert "clause future v1 is draft and renders only because the deal pins it" in result.warnings


def test_pinning_a_version_without_an_anchor_breaks_the_reference_to_it(tmp_path, mini_root, mini_deal_path):
    # scope v1 has no {#scope-charges} paragraph, which the legacy clause refers to (line 5 of its file)
    deal_path = write_file(
        tmp_path / "pinned.yaml", mini_deal_path.read_text(encoding="utf-8") + "clauses:\n  pin: {scope: 1}\n"
    )
    with pytest.raises(DocumentError) as caught:
        build_document(load_deal(deal_path), Workspace(mini_root))
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == ("clauses/framework/legacy/v1.md", 5)
    assert "'#scope-charges' does not resolve" in problem.message


def test_template_error_names_the_clause_file_and_line(writable_mini_root):
    write_file(
        writable_mini_root / "clauses" / "framework" / "parties" / "v1.md",
        "---\ntitle: Parties\nstatus: approved\n---\nFirst line.\n\nBy {{ client.nmae }}.\n",
    )
    deal_path = writable_mini_root / "deals" / "mini.yaml"
    with pytest.raises(TemplateError) as caught:
        build_document(load_deal(deal_path), Workspace(writable_mini_root))
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == ("clauses/framework/parties/v1.md", 7)


def test_unknown_template_is_refused(mini_root):
    with pytest.raises(LibraryError, match=r"unknown document template 'nope' \(known: mini\)"):
        Workspace(mini_root).template_dir("nope")


def test_render_deal_writes_docx_atomically(writable_mini_root, tmp_path):
    out = tmp_path / "out"
    deal_path = writable_mini_root / "deals" / "mini.yaml"
    written, warnings = render_deal(deal_path, out, ("docx",), Workspace(writable_mini_root))
    assert written == [out / "mini.docx"]
    assert warnings[0] == "clause legacy v1 is deprecated; consider a newer version"
    assert [w.split(":")[0] for w in warnings[1:]] == MINI_WARNINGS
    assert sorted(p.name for p in out.iterdir()) == ["mini.docx"]  # no temporary file left
    body = "\n".join(numbered_texts((out / "mini.docx").read_bytes()))  # cross-references are REF fields
    assert "paragraph 1.1 of Schedule 2" in body and "Northwind Bank plc" in body
    first = (out / "mini.docx").read_bytes()
    render_deal(deal_path, out, ("docx",), Workspace(writable_mini_root))
    assert (out / "mini.docx").read_bytes() == first  # deterministic


def test_failed_render_leaves_existing_output_untouched(writable_mini_root, tmp_path):
    out = tmp_path / "out"
    deal_path = writable_mini_root / "deals" / "mini.yaml"
    write_file(out / "mini.docx", "previous complete file")
    write_file(
        writable_mini_root / "clauses" / "schedules" / "pricing" / "v1.md",
        "---\ntitle: P\nstatus: approved\n---\nSee [](#nowhere).\n",
    )
    with pytest.raises(DocumentError):
        render_deal(deal_path, out, ("docx",), Workspace(writable_mini_root))
    assert (out / "mini.docx").read_text() == "previous complete file"
    assert sorted(p.name for p in out.iterdir()) == ["mini.docx"]


def test_render_deal_writes_pdf(writable_mini_root, tmp_path):
    out = tmp_path / "out"
    written, _ = render_deal(writable_mini_root / "deals" / "mini.yaml", out, ("pdf",), Workspace(writable_mini_root))
    assert written == [out / "mini.pdf"]
    assert (out / "mini.pdf").read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in out.iterdir()) == ["mini.pdf"]


def test_no_output_is_written_when_a_later_format_fails(writable_mini_root, tmp_path, monkeypatch):
    from contractgen import writers

    out = tmp_path / "out"
    write_file(out / "mini.docx", "previous docx")
    real = writers.render

    def failing(document, template_dir, fmt, **options):
        if fmt == "docx":  # printed after the PDF, whose page numbers its contents take
            raise RuntimeError("the DOCX writer crashed")
        return real(document, template_dir, fmt, **options)

    monkeypatch.setattr(writers, "render", failing)
    with pytest.raises(RuntimeError):
        render_deal(writable_mini_root / "deals" / "mini.yaml", out, ("docx", "pdf"), Workspace(writable_mini_root))
    assert (out / "mini.docx").read_text() == "previous docx"
    assert sorted(p.name for p in out.iterdir()) == ["mini.docx"]


def test_a_failed_rename_keeps_the_old_file_and_removes_the_temporary(writable_mini_root, tmp_path, monkeypatch):
    import os

    from contractgen.errors import OutputError

    out = tmp_path / "out"
    write_file(out / "mini.docx", "previous docx")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="No space left on device"):
        render_deal(writable_mini_root / "deals" / "mini.yaml", out, ("docx",), Workspace(writable_mini_root))
    assert (out / "mini.docx").read_text() == "previous docx"
    assert sorted(p.name for p in out.iterdir()) == ["mini.docx"]


def _count_reads_and_resolutions(monkeypatch) -> dict[str, int]:
    from contractgen import pipeline
    from contractgen.deal import load as load_module

    counts = {"read": 0, "resolved": 0}
    real_read, real_resolve = load_module.read_file_bytes, pipeline.resolve_deal

    def read(path):
        counts["read"] += 1
        return real_read(path)

    def resolve(source, workspace):
        counts["resolved"] += 1
        return real_resolve(source, workspace)

    monkeypatch.setattr(load_module, "read_file_bytes", read)
    monkeypatch.setattr(pipeline, "resolve_deal", resolve)
    return counts


def test_render_reads_and_builds_the_deal_once(tmp_path, mini_root, mini_deal_path, monkeypatch):
    counts = _count_reads_and_resolutions(monkeypatch)
    written, warnings = render_deal(mini_deal_path, tmp_path / "out", (), Workspace(mini_root))
    assert written == [] and warnings  # no format asked for (the fixture library has no DOCX styles)
    assert counts == {"read": 1, "resolved": 1}


def test_strict_render_refuses_warnings_after_one_build_and_writes_nothing(
    tmp_path, mini_root, mini_deal_path, monkeypatch
):
    from contractgen.errors import ContractgenError

    counts = _count_reads_and_resolutions(monkeypatch)
    with pytest.raises(
        ContractgenError, match=r"warning treated as error \(--strict\): clause legacy v1 is deprecated"
    ):
        render_deal(mini_deal_path, tmp_path / "out", ("docx",), Workspace(mini_root), strict=True)
    assert counts == {"read": 1, "resolved": 1}
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_resolved_deal_is_built_without_resolving_again(mini_root, mini_deal_path, monkeypatch):
    from contractgen.pipeline import resolve_deal

    workspace = Workspace(mini_root)
    prepared = resolve_deal(load_deal(mini_deal_path), workspace)
    counts = _count_reads_and_resolutions(monkeypatch)
    result = build_document(prepared, workspace)
    assert counts == {"read": 0, "resolved": 0}
    assert result.source is prepared.source and result.context is prepared.context
