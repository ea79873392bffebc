"""The clause library as a lawyer reads it: every deal fact reaches the contract, absent
sections leave no trace, and the contract is long and complete enough to be a first draft."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from contractgen.deal import load_deal
from contractgen.deal.derived import compute_derived
from contractgen.library.clauses import load_library
from contractgen.pipeline import Workspace, build_document
from contractgen import writers
from tests.helpers import REFERENCE, ROOT, SAMPLES


def squash(text: str) -> str:
    """Collapse whitespace (and PDF soft hyphens) so phrases can be searched across line breaks."""
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def docx_text(data: bytes) -> str:
    """Return the text of the DOCX body: paragraphs and table cells in order."""
    from docx import Document as Docx
    from docx.oxml.ns import qn

    body = Docx(io.BytesIO(data)).element.body
    return squash(" ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))))


def pdf_text(data: bytes) -> str:
    """Return the text of every PDF page."""
    import pypdf

    return squash(" ".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages))


def render(path: Path) -> dict[str, object]:
    """Build one deal and print it in both formats."""
    workspace = Workspace()
    result = build_document(load_deal(path), workspace)
    deal = result.source.deal
    template_dir = workspace.template_dir(deal.template)
    docx = writers.render(result.document, template_dir, "docx")
    pdf = writers.render(result.document, template_dir, "pdf")
    return {"deal": deal, "document": result.document, "docx": docx_text(docx), "pdf": pdf_text(pdf), "pdf_bytes": pdf}


@pytest.fixture(scope="module")
def reference():
    return render(REFERENCE)


@pytest.fixture(scope="module")
def nearshore():
    return render(SAMPLES / "nearshore-eur.yaml")


@pytest.fixture(scope="module")
def hipaa():
    return render(SAMPLES / "onshore-us-hipaa.yaml")


def free_text_facts(deal) -> list[str]:
    """Every free-text fact of a deal that the contract must carry."""
    facts: list[str] = []
    for party in (deal.parties.client, deal.parties.supplier):
        facts += [party.name, party.address]
        facts += [party.notices_email] if party.notices_email else []
        if party.signatory:
            facts += [party.signatory.name, party.signatory.title]
    for service in deal.scope.services:
        facts += [service.name, service.description, *service.in_scope, *service.out_of_scope]
    for deliverable in deal.deliverables:
        facts += [deliverable.name, deliverable.description, deliverable.acceptance]
    if deal.service_levels:
        facts += [k.name for k in deal.service_levels.kpis] + [k.target for k in deal.service_levels.kpis]
        facts += [p.definition for p in deal.service_levels.incident_priorities]
    if deal.governance:
        facts += [m.name for m in deal.governance.meetings]
        facts += [e.client for e in deal.governance.escalation] + [e.supplier for e in deal.governance.escalation]
    if deal.data_protection and deal.data_protection.personal_data:
        facts += list(deal.data_protection.data_subjects) + list(deal.data_protection.data_categories)
        if deal.data_protection.subprocessors:
            facts += [s.name for s in deal.data_protection.subprocessors.approved]
    if deal.security:
        facts += list(deal.security.certifications)
    facts += [r.role for r in deal.commercials.rate_card]
    if deal.liability:
        facts += [i.type for i in deal.liability.insurance]
    if deal.sourcing:
        facts += [c.city for c in deal.sourcing.delivery_centres] + list(deal.sourcing.service_languages)
    return [str(f) for f in facts if str(f).strip()]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_every_free_text_fact_of_the_reference_deal_reaches_the_contract(reference, fmt):
    text = reference[fmt]
    facts = free_text_facts(reference["deal"])
    assert len(facts) > 60
    missing = [fact for fact in facts if squash(fact) not in text]
    assert not missing, f"not in the {fmt.upper()}: {missing}"


def test_the_reference_contract_is_a_full_first_draft(reference):
    import pypdf

    assert len(pypdf.PdfReader(io.BytesIO(reference["pdf_bytes"])).pages) >= 20
    titles = {c.title for _, c in reference["document"].iter_clauses()}
    for title in (
        "Definitions",
        "Limitation of Liability",
        "Exit Management",
        "Change Control",
        "Dispute Resolution",
        "Force Majeure",
        "Notices",
        "Service Credits",
        "Chronic Failure",
        "Audit Rights",
        "Regular Review of the Contract",
        "Data Protection",
        "Insurance",
    ):
        assert title in titles, title
    for words in ("documented instructions", "impact assessment", "sub-processor", "return or delet", "audits"):
        assert words in reference["pdf"].lower(), words


def test_absent_service_credits_leave_no_mention(nearshore):
    assert nearshore["deal"].service_levels is None or nearshore["deal"].service_levels.service_credits is None
    for fmt in ("docx", "pdf"):
        assert "service credit" not in nearshore[fmt].lower()
        assert "at-risk" not in nearshore[fmt].lower()


def test_a_hipaa_contract_uses_no_gdpr_vocabulary(hipaa):
    derived = compute_derived(hipaa["deal"])
    assert derived.hipaa and not derived.gdpr
    for fmt in ("docx", "pdf"):
        lowered = hipaa[fmt].lower()
        for word in ("gdpr", "controller", "processor", "personal data", "data subject"):
            assert word not in lowered, (fmt, word)
        assert "protected health information" in lowered
        assert "business associate" in lowered


def test_the_library_has_the_breadth_a_product_needs():
    library = load_library(ROOT / "clauses")
    assert len(library.clauses) >= 40
    multi = [c for c in library.clauses.values() if len(c.versions) >= 2]
    assert len(multi) >= 4
    assert all(v.changes for c in multi for n, v in c.versions.items() if n > 1)
    assert any(v.status == "deprecated" for c in library.clauses.values() for v in c.versions.values())
    assert all(v.covers for c in library.clauses.values() for v in c.versions.values())
