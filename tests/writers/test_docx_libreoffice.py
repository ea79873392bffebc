"""The DOCX as LibreOffice lays it out: the same clause numbers and cross-reference texts
as contractgen's own PDF, and a clause inserted in the word processor renumbers everything after it,
cross-references included. Slow: every DOCX is converted once per session, in one LibreOffice run."""

from __future__ import annotations

import re
from collections import Counter

import docx
import pytest

from contractgen.deal import load_deal
from contractgen.document.model import ListBlock, Paragraph, inline_text
from contractgen import writers
from contractgen.pipeline import Workspace, build_document
from tests.helpers import REFERENCE, ROOT
from tests.writers.libreoffice import SOFFICE, convert_to_pdf, pdf_text

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")

DEALS = sorted((ROOT / "samples").glob("*.yaml"))
XREF = re.compile(
    r"\b(?:clause \d+(?:\.\d+)*(?:\([a-z]+\))*|paragraph \d+(?:\.\d+)*(?:\([a-z]+\))*"
    r"(?: of Schedule \d+)?|Schedule \d+)"
)
INSERT_BEFORE = 5  # the new clause goes before clause 5
WORDS = re.compile(r"\S+")


def numbered_lines(document) -> list[str]:
    """ "number first-words" of every numbered heading, paragraph and list item, in reading order."""
    out: list[str] = []

    def start(number: str, text: str) -> None:
        out.append(" ".join([number, *WORDS.findall(text)[:4]]))

    def blocks(items) -> None:
        for block in items:
            if isinstance(block, Paragraph) and block.number:
                start(block.number, inline_text(block.content))
            elif isinstance(block, ListBlock):
                for item in block.items:
                    first = item.blocks[0] if item.blocks and isinstance(item.blocks[0], Paragraph) else None
                    if block.ordered and first is not None:
                        start(item.number, inline_text(first.content))
                    blocks(item.blocks)

    for part in document.parts:
        for clause in part.clauses:
            start(clause.number, clause.title)
            blocks(clause.blocks)
    return out


def find_in_order(needles: list[str], text: str, start: int) -> list[str]:
    """Return the needles not found in `text` in this order (searching on from `start`)."""
    lost = []
    for needle in needles:
        at = text.find(needle, start)
        if at < 0:
            lost.append(needle)
        else:
            start = at + len(needle)
    return lost


def without_drafting_notes(document, text: str) -> tuple[str, str]:
    """Split our PDF's text into the contract and its closing "Drafting notes" page (empty without notes).

    The DOCX carries each note as a Word comment, which LibreOffice does not print, so the notes page's
    locations ("— clause 24") are no cross-references the DOCX can show.
    """
    if not document.notes:
        return text, ""
    at = text.rfind("Drafting notes")
    assert at > 0, "a draft with drafting notes has no drafting notes page"
    return text[:at], text[at:]


def body_start(text: str, first: str) -> int:
    """Where the body starts: the second occurrence of the first heading (the first is in the contents)."""
    return text.find(first, text.find(first) + 1)


@pytest.fixture(scope="session")
def converted(tmp_path_factory):
    """Every sample as (model, contractgen PDF text, LibreOffice PDF text); plus the reference deal
    with a clause inserted before clause 5 in python-docx, as LibreOffice shows it."""
    folder = tmp_path_factory.mktemp("libreoffice")
    workspace = Workspace()
    built, sources = {}, []
    for path in DEALS:
        loaded = load_deal(path)
        deal = loaded.deal
        document = build_document(loaded, workspace).document
        template = workspace.template_dir(deal.template)
        source = folder / f"{path.stem}.docx"
        source.write_bytes(writers.render(document, template, "docx"))
        sources.append(source)
        built[path.stem] = (document, pdf_text(writers.render(document, template, "pdf")))
        if path == REFERENCE:
            word = docx.Document(str(source))
            headings = [p for p in word.paragraphs if p.style.name == "Heading 1" and p.text.strip()]
            # the style alone numbers the new clause: nothing typed, no w:numPr of its own
            headings[INSERT_BEFORE - 1].insert_paragraph_before("Inserted Clause", style="Heading 1")
            inserted = folder / "inserted.docx"
            word.save(str(inserted))
            sources.append(inserted)
    pdfs = convert_to_pdf(sources, folder / "pdf", folder / "profile")
    office = {source.stem: pdf_text(pdf.read_bytes()) for source, pdf in pdfs.items()}
    return {name: (document, ours, office[name]) for name, (document, ours) in built.items()}, office.get("inserted")


@pytest.mark.parametrize("deal", [p.stem for p in DEALS])
def test_libreoffice_shows_contractgens_numbers_and_cross_references(converted, deal):
    document, ours, office = converted[0][deal]
    contract, notes = without_drafting_notes(document, ours)
    assert Counter(XREF.findall(office)) == Counter(XREF.findall(contract))
    for note in document.notes:
        assert (f"{note.id} — {note.location}" if note.location else note.id) in notes
    lines = numbered_lines(document)
    assert len(lines) > 100
    assert not find_in_order(lines, office, body_start(office, lines[0]))


def test_a_clause_inserted_in_the_word_processor_renumbers_clauses_and_references(converted):
    samples, inserted = converted
    document, _, office = samples[REFERENCE.stem]
    agreement = next(p for p in document.parts if p.kind == "agreement")

    def shifted(match: str) -> str:
        found = re.fullmatch(r"clause (\d+)(.*)", match)
        if found and int(found.group(1)) >= INSERT_BEFORE:
            return f"clause {int(found.group(1)) + 1}{found.group(2)}"
        return match

    expected = Counter(shifted(m) for m in XREF.findall(office))
    assert expected != Counter(XREF.findall(office)), "the sample refers to no clause after the insertion"
    assert Counter(XREF.findall(inserted)) == expected
    headings = []
    for clause in agreement.clauses:
        number = int(clause.number)
        if number == INSERT_BEFORE:
            headings.append(f"{INSERT_BEFORE} Inserted Clause")
        headings.append(" ".join([str(number + (number >= INSERT_BEFORE)), *WORDS.findall(clause.title)]))
    assert not find_in_order(headings, inserted, body_start(inserted, headings[0]))
