"""The frame's pages (cover, contents, page furniture) reused from the part cache, under blank pages that carry
the contract's identity (writers/pdf/furniture.py)."""

from __future__ import annotations

import io

import pytest

pypdf = pytest.importorskip("pypdf")
pikepdf = pytest.importorskip("pikepdf")

from contractgen.document.model import Text  # noqa: E402
from contractgen.writers.pdf import engine, frame, furniture  # noqa: E402
from contractgen.writers.pdf.cache import part_cache  # noqa: E402
from contractgen.writers.pdf.parts import PartPage  # noqa: E402
from contractgen.writers.pdf.writer import render_pdf  # noqa: E402
from tests.helpers import TEMPLATE  # noqa: E402
from tests.writers.sample_document import sample_document  # noqa: E402


def rendered(monkeypatch, document=None, **kwargs) -> bytes:
    """Render the sample (or `document`) in parts, serially."""
    monkeypatch.setenv(frame.SETTING, "serial")
    return render_pdf(document or sample_document(draft=True), TEMPLATE, **kwargs)


def frame_layouts(monkeypatch) -> list[int]:
    """Count the frame's layouts from now on (only the frame fills in the contents' page numbers)."""
    counted: list[int] = []
    real = engine.fill_contents_page_numbers

    def spy(document):
        counted.append(1)
        return real(document)

    monkeypatch.setattr(engine, "fill_contents_page_numbers", spy)
    return counted


def body_edited():
    """Return the sample with a few words added to a body paragraph (no page added, no contents entry moved)."""
    document = sample_document(draft=True)
    agreement = next(part for part in document.parts if part.kind == "agreement")
    agreement.clauses[-1].blocks[0].content.append(Text(" Edited."))
    return document


def test_an_edit_that_moves_no_contents_entry_reuses_the_frame_and_prints_the_same_bytes(monkeypatch, tmp_path):
    layouts = frame_layouts(monkeypatch)
    with part_cache(tmp_path):
        rendered(monkeypatch)
        assert len(layouts) == 1
        warm = rendered(monkeypatch, body_edited())
        assert len(layouts) == 1  # the frame's pages came from the cache
    cold = rendered(monkeypatch, body_edited())  # no cache: the frame laid out again
    assert len(layouts) == 2
    assert warm == cold
    assert "Edited." in "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(warm)).pages)


def test_new_provenance_and_attachments_reuse_the_frame_and_are_written(monkeypatch, tmp_path):
    layouts = frame_layouts(monkeypatch)
    document = sample_document(draft=True)
    with part_cache(tmp_path):
        rendered(monkeypatch, document, attachments={"a.yaml": b"a: 1\n"})
        document.provenance = {"deal": "deals/other.yaml"}
        warm = rendered(monkeypatch, document, attachments={"b.yaml": b"b: 2\n"})
    assert len(layouts) == 1
    pdf = pikepdf.open(io.BytesIO(warm))
    assert "deals/other.yaml" in str(pdf.docinfo["/ContractgenProvenance"])
    assert [str(name) for name in pdf.attachments] == ["b.yaml"]
    assert warm == rendered(monkeypatch, document, attachments={"b.yaml": b"b: 2\n"})


def test_a_new_contents_title_lays_the_frame_out_again(monkeypatch, tmp_path):
    layouts = frame_layouts(monkeypatch)
    document = sample_document(draft=True)
    with part_cache(tmp_path):
        rendered(monkeypatch, document)
        document.contents[-1].title = "A Renamed Entry"
        warm = rendered(monkeypatch, document)
    assert len(layouts) == 2
    assert "A Renamed Entry" in pypdf.PdfReader(io.BytesIO(warm)).pages[0].extract_text() + "".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(warm)).pages[1:3]
    )
    assert warm == rendered(monkeypatch, document)


def test_the_frame_key_names_the_part_page_each_contents_entry_points_to():
    from xml.etree import ElementTree

    root = ElementTree.fromstring('<html><body><a href="#clause-2">2</a><a href="https://x">x</a></body></html>')
    here = [PartPage(10, 20, "", anchors={"clause-1": (0, 0)}), PartPage(10, 20, "", anchors={"clause-2": (0, 5)})]
    moved = [PartPage(10, 20, "", anchors={"clause-1": (0, 0), "clause-2": (0, 5)}), PartPage(10, 20, "")]
    lower = [PartPage(10, 20, "", anchors={"clause-1": (0, 9)}), PartPage(10, 20, "", anchors={"clause-2": (0, 80)})]
    renamed = [PartPage(10, 20, "cover", anchors={"clause-1": (0, 0)}), here[1]]
    key = furniture.frame_key(root, here, "id")
    assert furniture.frame_key(root, lower, "id") == key  # an anchor lower on its page: same numbers
    assert furniture.frame_key(root, moved, "id") != key  # clause 2 now on the first part page
    assert furniture.frame_key(root, renamed, "id") != key  # another page name: other furniture
    assert furniture.frame_key(root, here[:1], "id") != key  # one page fewer: "of M" changes
    assert furniture.frame_key(root, here, "other") != key  # another stylesheet, fonts or version


def test_the_joined_pages_carry_the_frame_and_the_part_once(monkeypatch):
    data = rendered(monkeypatch)
    reader = pypdf.PdfReader(io.BytesIO(data))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages[1:], start=2):
        text = page.extract_text()
        assert text.count(f"Page {number} of {total}") == 1  # the furniture drawn once per page
