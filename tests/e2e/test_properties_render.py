"""Property tests: any valid deal validates, builds, renders deterministically and prints its text verbatim.

Deals come from ``tests/strategies.py`` (hostile free text included) and go through the real
YAML loader. How many examples run depends on the Hypothesis profile (``tests/conftest.py``):
``ci`` (the default, derandomized) keeps this file to a couple of minutes on two cores;
``HYPOTHESIS_PROFILE=fuzz .venv/bin/pytest tests/e2e/test_properties_render.py`` runs thousands.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from contractgen.deal import load_deal, validate_data
from contractgen.deal.yamlsource import load_yaml
from contractgen.document.model import inline_text, iter_inline_runs
from contractgen.library.resolve import resolve_contract
from contractgen.pipeline import Workspace, build_document
from contractgen import writers
from contractgen.templating.context import build_context
from contractgen.templating.render import condition_evaluator
from tests.strategies import GeneratedDeal, deals

# Examples per test for each profile: (model and DOCX, PDF, load + validate + resolve only).
BUDGETS = {"ci": (60, 3, 2000), "fuzz": (1000, 30, 10000)}  # fuzz: about half an hour
PROFILE = settings.get_current_profile_name() if settings.get_current_profile_name() in BUDGETS else "ci"
DOCX_EXAMPLES, PDF_EXAMPLES, FUZZ_EXAMPLES = BUDGETS[PROFILE]
SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return Workspace()


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory(prefix="contractgen-props-") as name:
        yield Path(name)


def flat(text: str) -> str:
    """Whitespace collapsed to single spaces, as a value prints inside its paragraph."""
    return " ".join(text.split())


def bare(text: str) -> str:
    """Whitespace removed: PDF text extraction breaks lines where the layout does."""
    return "".join(text.split())


def write_deal(folder: Path, generated: GeneratedDeal) -> Path:
    path = folder / "deal.yaml"
    path.write_text(generated.yaml_text(), encoding="utf-8")
    return path


def model_text(document) -> str:
    """Every line of text of the document model: cover, parties and every clause."""
    lines = [document.title, document.reference, document.date_text]
    for party in document.parties:
        lines += [party.name, party.short_name, party.address, party.signatory_name, party.signatory_title]
    for _, clause in document.iter_clauses():
        lines.append(clause.title)
        lines += [inline_text(run) for run in iter_inline_runs(clause.blocks)]
    return "\n".join(lines)


def docx_text(data: bytes) -> str:
    """Every paragraph of the DOCX body (w:t runs joined), one per line."""
    from docx import Document as Docx
    from docx.oxml.ns import qn

    body = Docx(io.BytesIO(data)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def pdf_text(data: bytes) -> str:
    import pypdf

    return " ".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def missing(values: list[tuple[str, str]], text: str, norm=flat) -> list[tuple[str, str]]:
    haystack = norm(text)
    return [(path, value) for path, value in values if norm(value) not in haystack]


def build(folder: Path, generated: GeneratedDeal, workspace: Workspace):
    """Load the generated YAML through the real loader, validate it and build the model."""
    path = write_deal(folder, generated)
    source = load_deal(path)
    return source.deal, build_document(source, workspace)


@settings(max_examples=DOCX_EXAMPLES, suppress_health_check=SLOW)
@given(generated=deals())
def test_any_valid_deal_builds_and_renders_docx_deterministically_with_its_text_verbatim(generated, folder, workspace):
    deal, result = build(folder, generated, workspace)
    text = model_text(result.document)
    assert not missing(generated.printed, text), "values missing from the document model"
    template_dir = workspace.template_dir(deal.template)
    first = writers.render(result.document, template_dir, "docx")
    _, again = build(folder, generated, workspace)
    assert writers.render(again.document, template_dir, "docx") == first, "two renders of one deal differ"
    assert not missing(generated.printed, docx_text(first)), "values missing from the DOCX"


@settings(max_examples=PDF_EXAMPLES, suppress_health_check=SLOW)
@given(generated=deals())
def test_any_valid_deal_renders_a_pdf_with_its_text(generated, folder, workspace):
    deal, result = build(folder, generated, workspace)
    pdf = writers.render(result.document, workspace.template_dir(deal.template), "pdf")
    assert pdf.startswith(b"%PDF-")
    assert not missing(generated.printed, pdf_text(pdf), norm=bare), "values missing from the PDF text"


@settings(max_examples=FUZZ_EXAMPLES, suppress_health_check=SLOW, phases=[Phase.explicit, Phase.generate, Phase.shrink])
@given(generated=deals(cheap=True))
def test_thousands_of_generated_deals_load_validate_and_resolve(generated, workspace):
    data, lines = load_yaml(generated.yaml_text(), "generated.yaml")
    assert data == generated.data, "the YAML round trip changed a value"
    deal = validate_data(data, "generated.yaml", lines)
    resolution = resolve_contract(
        workspace.outline(deal.template),
        workspace.library,
        deal,
        condition_evaluator(build_context(deal)),
        "generated.yaml",
    )
    assert resolution.versions()
