"""The agreement's body laid out again only from the page an edit falls on (writers/pdf/flow.py): the bytes are
those of a render with no cache, whatever the edit does to the pages."""

from __future__ import annotations

import copy
import io
import shutil
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from contractgen.document.model import Paragraph, Text  # noqa: E402
from contractgen.writers.pdf import engine, frame  # noqa: E402
from contractgen.writers.pdf.cache import part_cache  # noqa: E402
from contractgen.writers.pdf.flow import css_allows, read_blocks  # noqa: E402
from contractgen.writers.pdf.writer import render_pdf  # noqa: E402
from tests.helpers import TEMPLATE  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = " The Supplier will keep a written record of each step it takes under this paragraph." * 3


def build(sample: str):
    """Return the document model of a sample deal and its template folder."""
    from contractgen.pipeline import Workspace, build_document, load_deal

    workspace = Workspace()
    source = load_deal(ROOT / "samples" / sample)
    return build_document(source, workspace).document, workspace.template_dir(source.deal.template)


def body_of(document):
    """Return the document's agreement part (the part laid out in chunks)."""
    return next(part for part in document.parts if part.kind not in ("schedule", "signatures"))


def paragraphs(clause) -> list:
    """Return a clause's paragraphs."""
    return [block for block in clause.blocks if isinstance(block, Paragraph)]


def edited(document, how: str):
    """Return a copy of the document with one edit: a sentence near the start, middle or end of the body, a page's
    worth of text added, clauses cut to their first block (a page or more fewer), or a schedule sentence."""
    document = copy.deepcopy(document)
    clauses = [clause for clause in body_of(document).clauses if paragraphs(clause)]
    if how == "schedule":
        schedule = next(part for part in document.parts if part.kind == "schedule")
        clause = next(clause for clause in schedule.clauses if paragraphs(clause))
        paragraphs(clause)[0].content.append(Text(SENTENCES))
    elif how == "removes a page":
        removed = 0
        for clause in clauses[len(clauses) // 3 :]:
            removed += len(clause.blocks) - 1
            del clause.blocks[1:]
            if removed >= 16:  # about two pages of paragraphs
                break
    else:
        where = {"start": 1, "middle": len(clauses) // 2, "end": len(clauses) - 1, "adds a page": len(clauses) // 3}
        text = SENTENCES * (24 if how == "adds a page" else 1)
        paragraphs(clauses[where[how]])[-1].content.append(Text(text))
    return document


def pages(data: bytes) -> int:
    """Return a PDF's page count."""
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def laid_out_pages(monkeypatch):
    """Record how many pages each WeasyPrint layout of the render has."""
    counted: list[int] = []
    real = engine.lay_out

    def counting(document, font_config, merged):
        laid_out = real(document, font_config, merged)
        counted.append(engine.page_count(laid_out))
        return laid_out

    monkeypatch.setattr(engine, "lay_out", counting)
    monkeypatch.setenv(frame.SETTING, "serial")
    return counted


EDITS = ["start", "middle", "end", "adds a page", "removes a page", "schedule"]


def check_edits(sample: str, edits: list[str], tmp_path: Path, counted: list[int]) -> dict[str, int]:
    """Render a sample into a cache, then each edit over a copy of that cache; assert the bytes equal a render with
    no cache; return how many pages each edit laid out besides the frame."""
    document, template = build(sample)
    filled = tmp_path / "filled"
    with part_cache(filled):
        first = render_pdf(document, template)
    assert first == render_pdf(document, template)  # a cold cache gives the bytes of no cache
    relaid = {}
    for how in edits:
        change = edited(document, how)
        cold = render_pdf(change, template)
        if how == "adds a page":
            assert pages(cold) > pages(first)
        if how == "removes a page":
            assert pages(cold) < pages(first)
        folder = tmp_path / how.replace(" ", "-")
        shutil.copytree(filled, folder)
        counted.clear()
        with part_cache(folder):
            warm = render_pdf(change, template)
        assert warm == cold, f"{sample}: after the {how} edit, the cached render differs from a cold one"
        relaid[how] = sum(counted[:-1])  # the frame, laid out last, is laid out every time
    return relaid


@pytest.mark.slow
def test_edits_to_the_reference_contract_give_the_bytes_of_a_cold_render(tmp_path, laid_out_pages):
    document, template = build("deal-example.yaml")
    relaid = check_edits("deal-example.yaml", EDITS, tmp_path, laid_out_pages)
    with part_cache(None):
        laid_out_pages.clear()
        render_pdf(document, template)
    body_pages = laid_out_pages[0]  # the body, the longest part, is laid out first
    assert body_pages > 30
    # a sentence near the end re-lays out a page or two, not the body's forty
    assert relaid["end"] < body_pages // 4
    assert relaid["middle"] < body_pages


@pytest.mark.slow
@pytest.mark.parametrize("sample", ["de-manufacturer-poland.yaml", "uk-charity-minimal.yaml"])
def test_edits_to_other_samples_give_the_bytes_of_a_cold_render(sample, tmp_path, laid_out_pages):
    check_edits(sample, ["start", "middle", "adds a page", "removes a page"], tmp_path, laid_out_pages)


def test_an_unchanged_body_comes_from_the_cache_and_a_sentence_at_its_end_relays_a_few_pages(tmp_path, laid_out_pages):
    document, template = build("uk-charity-minimal.yaml")
    with part_cache(tmp_path):
        first = render_pdf(document, template)
        body_pages = laid_out_pages[0]
        laid_out_pages.clear()
        assert render_pdf(document, template) == first
        assert len(laid_out_pages) == 1  # the frame only
        laid_out_pages.clear()
        warm = render_pdf(edited(document, "end"), template)
        assert 0 < sum(laid_out_pages[:-1]) < body_pages
    assert warm == render_pdf(edited(document, "end"), template)


def test_the_body_is_split_into_blocks_in_its_marked_containers():
    from contractgen.writers.pdf import engine as weasy
    from contractgen.writers.pdf.html import render_html
    from contractgen.writers.pdf.parts import split

    document, template = build("uk-charity-minimal.yaml")
    body = max(split(render_html(document, template), "", None).markups, key=len)
    found = read_blocks(weasy.parse(body, "", None).etree_element)
    assert found is not None
    tags = {block.tag for block in found.blocks}
    assert {"h2", "p", "li"} <= tags and "section" not in tags  # clauses and lists opened, their children blocks
    assert len(set(found.digests)) > len(found) * 0.9


def test_a_stylesheet_that_lets_something_cross_a_page_break_lays_parts_out_whole():
    assert css_allows((TEMPLATE / "pdf" / "print.css").read_text(encoding="utf-8"))
    assert css_allows('@page { @bottom-center { content: "Page " counter(page) } } p { margin: 0 }')
    for rule in (
        "p + p { margin-top: 0 }",
        "h2 ~ p { color: red }",
        "li:first-child { margin: 0 }",
        "section { counter-increment: clause }",
        "aside { float: right }",
        ".note { float: footnote }",
        "@page :left { margin-left: 30mm }",
        "h1 { position: running(title) }",
    ):
        assert not css_allows(rule), rule


def test_chunks_stay_within_the_cache_bound_and_a_pruned_cache_gives_the_same_bytes(monkeypatch, tmp_path):
    from contractgen.writers.pdf.cache import FOLDER, SIZE_SETTING

    document, template = build("uk-charity-minimal.yaml")
    monkeypatch.setenv(frame.SETTING, "serial")
    monkeypatch.setenv(SIZE_SETTING, "0.25")
    with part_cache(tmp_path):
        first = render_pdf(document, template)
        second = render_pdf(edited(document, "middle"), template)
    size = sum(path.stat().st_size for path in (tmp_path / FOLDER).iterdir() if not path.name.startswith("."))
    assert 0 < size <= 0.25 * 1024 * 1024
    assert first == render_pdf(document, template)
    assert second == render_pdf(edited(document, "middle"), template)
