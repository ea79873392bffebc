"""Whole outputs and font subsets reused from the signed cache: the same bytes as printing them again."""

from __future__ import annotations

import dataclasses

import pytest

pytest.importorskip("pikepdf")

from contractgen import writers  # noqa: E402
from contractgen.document.model import Text  # noqa: E402
from contractgen.writers.pdf import assemble, frame  # noqa: E402
from contractgen.writers.pdf.cache import FOLDER, part_cache  # noqa: E402
from tests.helpers import TEMPLATE  # noqa: E402
from tests.writers.sample_document import sample_document  # noqa: E402

FORMATS = ["pdf", "docx"]


def printing_spy(monkeypatch) -> list[str]:
    """Record each format actually printed (not taken from the cache) from now on."""
    printed: list[str] = []
    for fmt, writer in list(writers.WRITERS.items()):

        def write(*args, _fmt=fmt, _real=writer.write):
            printed.append(_fmt)
            return _real(*args)

        monkeypatch.setitem(writers.WRITERS, fmt, dataclasses.replace(writer, write=write))
    return printed


def edited():
    """Return the sample contract with one sentence added to its first schedule clause."""
    document = sample_document(draft=True)
    schedule = next(part for part in document.parts if part.kind == "schedule")
    schedule.clauses[0].blocks[0].content.append(Text(" Edited."))
    return document


@pytest.fixture(scope="module")
def uncached():
    """The sample contract's PDF and DOCX printed without any cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv(frame.SETTING, "serial")
    try:
        yield writers.render_formats(sample_document(draft=True), TEMPLATE, FORMATS)
    finally:
        mp.undo()


def test_a_warm_cache_gives_the_same_bytes_and_prints_nothing(monkeypatch, tmp_path, uncached):
    monkeypatch.setenv(frame.SETTING, "serial")
    printed = printing_spy(monkeypatch)
    with part_cache(tmp_path):
        cold = writers.render_formats(sample_document(draft=True), TEMPLATE, FORMATS)
        assert printed == ["pdf", "docx"]
        assert list((tmp_path / FOLDER).glob("*.bin"))  # the outputs and the font subsets
        printed.clear()
        warm = writers.render_formats(sample_document(draft=True), TEMPLATE, FORMATS)
    assert printed == []
    assert cold == warm == uncached


def test_any_changed_input_prints_again(monkeypatch, tmp_path):
    monkeypatch.setenv(frame.SETTING, "serial")
    printed = printing_spy(monkeypatch)
    document = sample_document(draft=True)
    with part_cache(tmp_path):
        writers.render(document, TEMPLATE, "docx")
        writers.render(document, TEMPLATE, "pdf", attachments={"deal.yaml": b"a: 1\n"})
        printed.clear()
        writers.render(document, TEMPLATE, "docx", pages={"clause-1": 3})
        writers.render(document, TEMPLATE, "pdf", attachments={"deal.yaml": b"a: 2\n"})
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        writers.render(document, TEMPLATE, "docx")
        monkeypatch.delenv("SOURCE_DATE_EPOCH")
        writers.render(edited(), TEMPLATE, "docx")
        monkeypatch.setenv(frame.SETTING, "off")
        writers.render(document, TEMPLATE, "pdf", attachments={"deal.yaml": b"a: 1\n"})
    assert printed == ["docx", "pdf", "docx", "docx", "pdf"]


def test_a_tampered_entry_is_ignored(monkeypatch, tmp_path, uncached):
    monkeypatch.setenv(frame.SETTING, "serial")
    printed = printing_spy(monkeypatch)
    with part_cache(tmp_path):
        writers.render_formats(sample_document(draft=True), TEMPLATE, FORMATS)
        for entry in (tmp_path / FOLDER).glob("*.bin"):
            entry.write_bytes(entry.read_bytes().replace(b"Agreement", b"Agreemant") + b"\n")
        printed.clear()
        again = writers.render_formats(sample_document(draft=True), TEMPLATE, FORMATS)
    assert printed == ["pdf", "docx"]  # no entry matched its signature: both printed again
    assert again == uncached


def test_an_edited_contract_reuses_the_font_subsets_and_prints_what_no_cache_prints(monkeypatch, tmp_path):
    monkeypatch.setenv(frame.SETTING, "serial")
    subsets: list[str] = []
    real = assemble.subset_font

    def spy(path, glyphs):
        subsets.append(path.name)
        return real(path, glyphs)

    monkeypatch.setattr(assemble, "subset_font", spy)
    with part_cache(tmp_path):
        writers.render(sample_document(draft=True), TEMPLATE, "pdf")
        assert subsets
        subsets.clear()
        warm = writers.render(edited(), TEMPLATE, "pdf")
    assert subsets == []  # the edit used no new glyph: every merged subset came from the cache
    assert warm == writers.render(edited(), TEMPLATE, "pdf")  # no cache open: everything printed


def test_the_cache_bound_holds_for_outputs_too(monkeypatch, tmp_path):
    monkeypatch.setenv(frame.SETTING, "serial")
    monkeypatch.setenv("CONTRACTGEN_PDF_CACHE_MB", "0.05")
    with part_cache(tmp_path):
        writers.render_formats(sample_document(draft=True), TEMPLATE, FORMATS)
    folder = tmp_path / FOLDER
    assert sum(path.stat().st_size for path in folder.iterdir()) <= 0.05 * 1024 * 1024
    monkeypatch.setenv("CONTRACTGEN_PDF_CACHE_MB", "0")
    with part_cache(tmp_path):
        writers.render_formats(edited(), TEMPLATE, FORMATS)  # what it stores is pruned at once
    assert [path for path in folder.iterdir() if path.suffix in (".bin", ".pdf")] == []
