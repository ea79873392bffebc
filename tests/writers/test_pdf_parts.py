"""The contract PDF laid out in parts (serially or in worker processes) and joined with pikepdf."""

from __future__ import annotations

import io
import shutil

import pytest

pypdf = pytest.importorskip("pypdf")
pikepdf = pytest.importorskip("pikepdf")

from contractgen.errors import OutputError  # noqa: E402
from contractgen.writers.pdf import frame  # noqa: E402
from contractgen.writers.pdf.html import render_html  # noqa: E402
from contractgen.writers.pdf.parts import part_count, split  # noqa: E402
from contractgen.writers.pdf.writer import render_pdf  # noqa: E402
from tests.helpers import TEMPLATE  # noqa: E402
from tests.writers.sample_document import sample_document  # noqa: E402


def rendered(monkeypatch, how: str, document=None, **kwargs) -> bytes:
    """Render the sample (or `document`) with CONTRACTGEN_PDF_PARTS=`how`."""
    monkeypatch.setenv(frame.SETTING, how)
    return render_pdf(document or sample_document(draft=True), TEMPLATE, **kwargs)


def facts(data: bytes):
    """Return what a reader sees: pages' text lines, outline, named destinations and links with their pages."""
    reader = pypdf.PdfReader(io.BytesIO(data))

    def walk(items, depth=0):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                yield depth, item.title, reader.get_destination_page_number(item)

    links = sorted(
        (number, str(annot.get_object().get("/Dest")), tuple(round(float(x), 2) for x in annot.get_object()["/Rect"]))
        for number, page in enumerate(reader.pages)
        for annot in page.get("/Annots", [])
    )
    return {
        "text": [sorted(page.extract_text().splitlines()) for page in reader.pages],
        "outline": list(walk(reader.outline)),
        "dests": {name: reader.get_destination_page_number(d) for name, d in reader.named_destinations.items()},
        "links": links,
    }


@pytest.fixture(scope="module")
def whole():
    mp = pytest.MonkeyPatch()
    try:
        yield rendered(mp, "off")
    finally:
        mp.undo()


@pytest.fixture(scope="module")
def joined():
    mp = pytest.MonkeyPatch()
    try:
        yield rendered(mp, "serial")
    finally:
        mp.undo()


def test_the_layout_marks_cover_body_schedule_and_signatures_as_parts():
    html = render_html(sample_document(draft=True), TEMPLATE)
    assert part_count(html) == 4  # cover and contents, the agreement, signatures, the schedule


def test_serial_and_parallel_renders_are_byte_identical(monkeypatch, joined):
    assert rendered(monkeypatch, "2") == joined
    assert rendered(monkeypatch, "serial") == joined


def jobs_of(document) -> list[tuple[str, str]]:
    """Return the (markup, key) jobs of a document's parts after the frame (keys made up)."""
    html = render_html(document, TEMPLATE)
    return [(markup, f"{i:064x}") for i, markup in enumerate(split(html, "", None).markups)]


def kit():
    """Return the template's Kit, as the writer makes it."""
    from contractgen.writers.pdf.parts import Kit
    from contractgen.writers.pdf.writer import _resources

    pdf_dir = TEMPLATE.resolve() / "pdf"
    font_config, stylesheet, _, fetcher = _resources(pdf_dir)
    return Kit(font_config, [stylesheet], str(pdf_dir) + "/", fetcher)


def test_parallel_render_lays_parts_out_in_forked_children(monkeypatch):
    import os

    jobs = jobs_of(sample_document(draft=True))
    forks = []
    real_fork = os.fork

    def fork():
        pid = real_fork()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(frame.os, "fork", fork)
    monkeypatch.setenv(frame.SETTING, "3")
    assert frame.worker_count(3) == 3
    there = frame.lay_out_parts(jobs, kit())
    assert len(forks) == 2  # this process lays out one share, two children the others
    monkeypatch.setenv(frame.SETTING, "serial")
    here = frame.lay_out_parts(jobs, kit())
    assert [part.pdf for part in there] == [part.pdf for part in here]
    assert [part.pages for part in there] == [part.pages for part in here]


def test_a_failing_part_worker_stops_the_render(monkeypatch):
    from contractgen.writers.pdf import parts

    jobs = jobs_of(sample_document(draft=True))
    real = parts.lay_out_part

    def failing(markup, key, kit):
        if key == jobs[2][1]:
            raise OutputError("part three cannot be laid out")
        return real(markup, key, kit)

    monkeypatch.setattr(parts, "lay_out_part", failing)
    monkeypatch.setenv(frame.SETTING, "3")
    with pytest.raises(OutputError, match="part three"):
        frame.lay_out_parts(jobs, kit())


def test_shares_give_the_heaviest_parts_to_the_least_loaded_worker():
    assert frame.shares([50, 10, 30, 20], 2) == [[1, 2], [3, 4]]  # 50 + 10 against 30 + 20
    assert frame.shares([5, 5, 5], 1) == [[1, 2, 3]]
    assert frame.shares([1, 2], 4) == [[2], [1]]


def test_joined_pdf_reads_as_the_whole_layout(whole, joined):
    a, b = facts(whole), facts(joined)
    assert len(b["text"]) == len(a["text"])
    assert b["text"] == a["text"]  # every page: same lines, page numbers and totals, contents numbers
    assert b["outline"] == a["outline"] and len(a["outline"]) > 5
    assert b["dests"] == a["dests"] and len(a["dests"]) > 5
    assert b["links"] == a["links"] and len(a["links"]) > 3  # cross-part links land on the same page and place


def test_running_footer_counts_the_whole_contract(joined):
    reader = pypdf.PdfReader(io.BytesIO(joined))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages[1:], start=2):
        assert f"Page {number} of {total}" in page.extract_text()


def test_one_font_program_per_font(joined):
    from fontTools.ttLib import TTFont

    pdf = pikepdf.open(io.BytesIO(joined))
    programs: dict[str, set] = {}
    used: dict[str, set] = {}
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Subtype") == "/CIDFontType2":
            program = obj.FontDescriptor.FontFile2
            font = TTFont(io.BytesIO(program.read_bytes()))
            name = font["name"].getDebugName(6)
            programs.setdefault(name, set()).add(program.objgen)
            widths = list(obj.W)
            gids = {int(widths[i]) + k for i in range(0, len(widths), 2) for k in range(len(widths[i + 1]))}
            used.setdefault(name, set()).update(gids)
            glyf = font["glyf"]
            order = font.getGlyphOrder()
            drawn = {gid for gid in gids if gid < len(order) and glyf[order[gid]].numberOfContours != 0}
            assert drawn, name
    assert len(programs) >= 3
    assert all(len(objs) == 1 for objs in programs.values()), programs  # not one program per part


def test_pdf_a_identity_provenance_and_attachments_kept(monkeypatch):
    document = sample_document(draft=True)
    document.provenance = {"deal": "deals/acme.yaml", "clause_versions": "x"}
    data = rendered(monkeypatch, "2", document, attachments={"acme.yaml": b"title: Acme\n"})
    pdf = pikepdf.open(io.BytesIO(data))
    xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert "/OutputIntents" in pdf.Root
    assert [str(name) for name in pdf.attachments] == ["acme.yaml"]
    assert pdf.attachments["acme.yaml"].get_file().read_bytes() == b"title: Acme\n"
    assert pdf.Root.AF and all(str(spec.F) == "acme.yaml" for spec in pdf.Root.AF)
    whole = pikepdf.open(
        io.BytesIO(rendered(monkeypatch, "off", document, attachments={"acme.yaml": b"title: Acme\n"}))
    )
    assert len(pdf.Root.AF) == len(whole.Root.AF)  # as WeasyPrint writes them for the whole layout
    assert "deals/acme.yaml" in str(pdf.docinfo["/ContractgenProvenance"])
    assert len(pdf.trailer.ID) == 2
    annots = [a for page in pdf.pages for a in page.get("/Annots", [])]
    assert annots and all(int(a.F) == 4 for a in annots)  # PDF/A: links print


def test_a_layout_without_part_marks_is_laid_out_whole(monkeypatch, tmp_path, whole):
    template = tmp_path / "it-outsourcing"
    shutil.copytree(TEMPLATE, template)
    layout = template / "pdf" / "layout.html.j2"
    text = layout.read_text(encoding="utf-8")
    layout.write_text(text.replace(" data-pdf-part", ""), encoding="utf-8")
    assert part_count(render_html(sample_document(draft=True), template)) == 0
    monkeypatch.setenv(frame.SETTING, "2")
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(sample_document(draft=True), template)))
    assert len(reader.pages) == len(pypdf.PdfReader(io.BytesIO(whole)).pages)


def test_the_setting_is_checked(monkeypatch):
    monkeypatch.setenv(frame.SETTING, "fast")
    with pytest.raises(OutputError, match="CONTRACTGEN_PDF_PARTS"):
        frame.setting()
    monkeypatch.setenv(frame.SETTING, "serial")
    assert frame.worker_count(5) == 1


def test_a_build_worker_lays_parts_out_on_the_cores_its_siblings_leave_idle(monkeypatch):
    import multiprocessing
    import os

    monkeypatch.setenv(frame.SETTING, "auto")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(multiprocessing, "parent_process", lambda: object())  # as in a build's worker
    monkeypatch.setattr(frame, "_SIBLINGS", {})
    assert frame.worker_count(5) == 1  # a worker that shares nothing with its siblings: serial
    busy = multiprocessing.Value("i", 0)
    frame.share_cores(busy)
    with frame.rendering_one():
        assert busy.value == 1
        assert frame.worker_count(5) == 2  # the only contract being rendered: both cores
        with frame.rendering_one():  # a sibling renders another contract
            assert frame.worker_count(5) == 1
        assert frame.worker_count(1) == 1
    assert busy.value == 0


# ------------------------------------------------------------ the part cache


def laid_out_keys(monkeypatch) -> list[str]:
    """Record the key of every part laid out (not taken from the cache) from now on."""
    from contractgen.writers.pdf import parts

    keys: list[str] = []
    real = parts.lay_out_part

    def spy(markup, key, kit):
        keys.append(key)
        return real(markup, key, kit)

    monkeypatch.setattr(parts, "lay_out_part", spy)
    return keys


def test_cold_and_warm_cache_give_the_same_bytes_and_a_warm_one_lays_out_no_part(monkeypatch, tmp_path, joined):
    from contractgen.writers.pdf.cache import FOLDER, part_cache

    laid_out = laid_out_keys(monkeypatch)
    with part_cache(tmp_path):
        cold = rendered(monkeypatch, "serial")
        # three parts and the frame's pages (cover, contents, page furniture)
        assert len(laid_out) == 3 and len(list((tmp_path / FOLDER).glob("*.pdf"))) == 4
        laid_out.clear()
        warm = rendered(monkeypatch, "serial")
    assert laid_out == []  # every part came from the cache
    assert cold == warm == joined


def test_a_one_clause_edit_lays_out_only_the_part_that_holds_it(monkeypatch, tmp_path):
    from contractgen.document.model import Text
    from contractgen.writers.pdf.cache import part_cache

    laid_out = laid_out_keys(monkeypatch)
    with part_cache(tmp_path):
        rendered(monkeypatch, "serial")
        laid_out.clear()
        edited = sample_document(draft=True)
        schedule = next(part for part in edited.parts if part.kind == "schedule")
        schedule.clauses[0].blocks[0].content.append(Text(" Edited."))
        warm = rendered(monkeypatch, "serial", edited)
    assert len(laid_out) == 1  # the schedule only: body and signatures came from the cache
    assert warm == rendered(monkeypatch, "serial", edited)  # no cache: every part laid out, same bytes


def test_the_cache_stays_within_its_bound_and_ignores_a_damaged_entry(monkeypatch, tmp_path):
    from contractgen.writers.pdf.cache import FOLDER, load, part_cache, prune

    with part_cache(tmp_path):
        rendered(monkeypatch, "serial")
        folder = tmp_path / FOLDER
        entries = sorted(folder.glob("*.pdf"))
        assert len(entries) == 4  # three parts and the frame's pages
        damaged = entries[0]
        damaged.write_bytes(damaged.read_bytes()[:-10])
        assert load(damaged.stem) is None  # its recorded hash no longer matches
        assert load(entries[1].stem) is not None
        size = sum(path.stat().st_size for path in folder.iterdir())
        assert prune(folder, size // 2) >= 1
        assert sum(path.stat().st_size for path in folder.iterdir()) <= size // 2
        monkeypatch.setenv("CONTRACTGEN_PDF_CACHE_MB", "0")
        rendered(monkeypatch, "serial")
        assert list(folder.glob("*.pdf")) == []


def test_the_lock_records_the_joining_libraries_and_check_names_a_change():
    from contractgen.repo.lockfile import installed_tools, tool_differences
    from tests.helpers import ROOT

    tools = installed_tools(ROOT / "templates", ROOT)
    assert tools["pikepdf"] == pikepdf.__version__ and tools["fonttools"] not in ("", "not installed")
    older = {**tools, "pikepdf": "1.0"}
    assert any("pikepdf 1.0" in line for line in tool_differences(older, tools))
    before_parts = {key: value for key, value in tools.items() if key not in ("pikepdf", "fonttools")}
    assert tool_differences(before_parts, tools) == []  # a lock from before records neither


def test_an_entry_this_user_did_not_write_here_is_never_used(monkeypatch, tmp_path):
    from contractgen.writers.pdf import cache

    laid_out = laid_out_keys(monkeypatch)
    with cache.part_cache(tmp_path):
        rendered(monkeypatch, "serial")
        assert len(laid_out) == 3
        laid_out.clear()
        # as if the entries had been committed to the repository from another machine
        monkeypatch.setitem(cache._STATE, "secret", b"\x01" * 32)
        rendered(monkeypatch, "serial")
    assert len(laid_out) == 3  # every part laid out again: no entry carried this secret's MAC


def test_a_cache_folder_linked_out_of_the_repository_is_not_used(tmp_path):
    from contractgen.writers.pdf import cache

    repo, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    (repo / ".contractgen").mkdir(parents=True)
    elsewhere.mkdir()
    (repo / ".contractgen" / "cache").symlink_to(elsewhere)
    with cache.part_cache(repo / ".contractgen" / "cache", repo):
        assert cache.cache_dir() is None
    (repo / ".contractgen" / "cache").unlink()
    with cache.part_cache(repo / ".contractgen" / "cache", repo):
        assert cache.cache_dir() == repo / ".contractgen" / "cache" / cache.FOLDER


def test_anchor_pages_read_every_named_destination_on_its_page(joined, whole):
    from contractgen.writers.pdf.pages import anchor_pages

    for data in (joined, whole):
        reader = pypdf.PdfReader(io.BytesIO(data))
        expected = {
            str(name): reader.get_destination_page_number(destination) + 1
            for name, destination in reader.named_destinations.items()
        }
        assert expected and anchor_pages(data) == expected
