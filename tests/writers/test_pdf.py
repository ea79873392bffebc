"""Tests of the PDF writer: text, pages, outline, metadata, determinism, speed and the URL fetcher."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time

import pytest

pypdf = pytest.importorskip("pypdf")

from contractgen.document.model import (  # noqa: E402
    Clause,
    ContentsEntry,
    CrossRef,
    ListBlock,
    ListItem,
    Paragraph,
    Table,
    Text,
)
from contractgen.errors import ContractgenError, OutputError  # noqa: E402
from contractgen.writers.pdf.writer import (  # noqa: E402
    UnsafeResourceError,
    make_url_fetcher,
    render_pdf,
    resolve_resource,
)
from tests.helpers import ROOT
from tests.writers.sample_document import sample_document  # noqa: E402

TEMPLATE = ROOT / "templates" / "it-outsourcing"

LOREM = (
    "The Supplier shall provide the Services in accordance with Good Industry Practice, the "
    "Service Levels and the Policies, and shall ensure that its Personnel are suitably "
    "skilled, experienced and qualified to perform the tasks assigned to them. "
)


def big_document(draft: bool = True):
    """Return the sample document grown to roughly twenty pages (for speed and page-break checks)."""
    doc = sample_document(draft=draft)
    agreement = doc.parts[0]
    for n in range(3, 23):
        anchor = f"clause-{n}"
        blocks = [
            Paragraph(
                [Text(LOREM * 2), CrossRef("service-credits", "clause 2.2"), Text(".")],
                number=f"{n}.{k}",
                anchor=f"{anchor}.{k}",
            )
            for k in range(1, 5)
        ]
        blocks.append(
            ListBlock(ordered=True, items=[ListItem([Paragraph([Text(LOREM)])], number=f"({c})") for c in "abc"])
        )
        agreement.clauses.append(Clause(anchor, 1, f"Obligations Part {n}", blocks, number=str(n), anchor=anchor))
        doc.contents.insert(n - 1, ContentsEntry(1, str(n), f"Obligations Part {n}", anchor))
    rows = [[[Text(f"Role {i}")], [Text(f"£{100 + i}.00")]] for i in range(60)]
    doc.parts[2].clauses[0].blocks.append(
        Table(header=[[Text("Role")], [Text("Day rate")]], rows=rows, align=["left", "right"])
    )
    return doc


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render_pdf(sample_document(draft=True), TEMPLATE)


@pytest.fixture(scope="module")
def reader(sample_pdf):
    return pypdf.PdfReader(io.BytesIO(sample_pdf))


def page_texts(reader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def test_is_a_pdf_with_expected_page_count(sample_pdf, reader):
    assert sample_pdf.startswith(b"%PDF-")
    # cover, contents, agreement, signatures, schedule
    assert 4 <= len(reader.pages) <= 6


def test_clause_numbers_titles_and_cross_references(reader):
    text = "\n".join(page_texts(reader))
    for needle in (
        "1 Definitions and Interpretation",
        "2 Service Credits",
        "1.1",
        "2.2",
        "Schedule 1 — Charges",
        "clause 2.2",
        "clause 1",
        "(a)",
        "(ii)",
        "“Charges” means the charges set out in Schedule 1.",
        "£450.00",
    ):
        assert needle in text, needle


def test_running_footer_header_and_cover(reader):
    texts = page_texts(reader)
    total = len(texts)
    assert "Page" not in texts[0] and "NWB-ITO-2027-014 ·" not in texts[0]  # no header/footer on cover
    assert "IT Outsourcing Services Agreement" in texts[0] and "between" in texts[0]
    for number, text in enumerate(texts[1:], start=2):
        assert f"Page {number} of {total}" in text
        assert "IT Outsourcing Services Agreement · NWB-ITO-2027-014" in text


def test_contents_page_numbers(reader):
    texts = page_texts(reader)
    contents = texts[1]
    assert "Contents" in contents
    body_page = next(i for i, t in enumerate(texts, start=1) if "Headings do not affect" in t)
    assert "Definitions and Interpretation" in contents
    assert any(line.rstrip().endswith(str(body_page)) and "Definitions" in line for line in contents.splitlines())


def test_draft_watermark_and_signatories(reader):
    texts = page_texts(reader)
    assert all("DRAFT" in t for t in texts)
    text = "\n".join(texts)
    for name in (
        "Jane Holloway",
        "Rohan Mehta",
        "Chief Operating Officer",
        "Signed for and on behalf of Northwind Bank plc",
        "Signed for and on behalf of Apex Digital Services Private Limited",
    ):
        assert name in text


def test_no_watermark_on_final():
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(sample_document(draft=False), TEMPLATE)))
    assert not any("DRAFT" in t for t in page_texts(reader))


def test_outline_and_links(reader):
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    for title in (
        "1 Definitions and Interpretation",
        "2 Service Credits",
        "Signatures",
        "Schedule 1 — Charges",
        "1 Charges",
    ):
        assert title in titles
    links = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    assert any(link.get("/Subtype") == "/Link" for link in links)  # cross-refs are clickable


def test_metadata(reader):
    meta = reader.metadata
    assert meta.title == "IT Outsourcing Services Agreement"
    assert "NWB-ITO-2027-014" in meta["/Keywords"]
    assert "Northwind Bank plc" in meta.subject and "Apex Digital Services" in meta.subject
    assert meta["/CreationDate"] == "D:20270201" and meta["/ModDate"] == "D:20270201"


SCRIPT = """
import sys
from pathlib import Path
from contractgen.writers.pdf.writer import render_pdf
from tests.writers.sample_document import sample_document
sys.stdout.buffer.write(render_pdf(sample_document(), Path(sys.argv[1])))
"""


def test_byte_identical_across_processes():
    outputs = []
    for tz in ("UTC", "Asia/Kolkata"):
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        env.update(TZ=tz, PYTHONHASHSEED="random")
        out = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(TEMPLATE)], cwd=ROOT, env=env, capture_output=True, check=True
        ).stdout
        outputs.append(out)
        time.sleep(1.1)  # a clock-based date would now differ
    assert outputs[0] == outputs[1]
    assert outputs[0].startswith(b"%PDF-")
    assert outputs[0] == render_pdf(sample_document(), TEMPLATE)


def test_weasyprint_is_imported_lazily():
    code = (
        "import sys, contractgen.writers.pdf.writer, contractgen.writers.pdf.html; "
        "sys.exit('weasyprint' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_source_date_epoch_sets_pdf_dates(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    meta = pypdf.PdfReader(io.BytesIO(render_pdf(sample_document(), TEMPLATE))).metadata
    assert meta["/CreationDate"].startswith("D:20231114221320")


def test_deal_text_that_looks_like_markup_prints_literally():
    doc = sample_document()
    doc.parts[0].clauses[0].blocks.append(Paragraph([Text('<img src="file:///etc/hostname"> & <b>x</b>')]))
    text = "\n".join(page_texts(pypdf.PdfReader(io.BytesIO(render_pdf(doc, TEMPLATE)))))
    assert '<img src="file:///etc/hostname"> & <b>x</b>' in text


def test_long_tables_break_across_pages_and_repeat_their_header():
    # Speed is measured by bench/, never asserted here.
    doc = big_document()
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(doc, TEMPLATE)))
    assert 15 <= len(reader.pages) <= 30
    texts = page_texts(reader)
    last = next(t for t in texts if "Role 59" in t)
    assert "Day rate" in last  # header row repeated on the continuation page
    assert last is not next(t for t in texts if "Role 0" in t)  # the table did break across pages


# ---------------------------------------------------------------- the URL fetcher


@pytest.fixture()
def template_root(tmp_path):
    root = tmp_path / "tpl" / "pdf"
    root.mkdir(parents=True)
    (root / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path / "secret.txt").write_text("secret")
    (root / "link-out.txt").symlink_to(tmp_path / "secret.txt")
    (root / "big.bin").write_bytes(b"0" * 2048)
    return root


def test_fetcher_serves_template_files(template_root):
    fetcher = make_url_fetcher(template_root)
    response = fetcher((template_root / "logo.svg").as_uri())
    assert response.read().startswith(b"<svg")
    assert response.content_type == "image/svg+xml"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/logo.png",
        "https://example.com/font.woff2",
        "ftp://example.com/x",
        "data:text/plain,hello",
        "file://otherhost/etc/passwd",
    ],
)
def test_fetcher_refuses_other_places(template_root, url):
    fetcher = make_url_fetcher(template_root)
    with pytest.raises(UnsafeResourceError):
        fetcher(url)


def test_fetcher_refuses_dotdot_symlink_and_size(template_root):
    fetcher = make_url_fetcher(template_root, max_bytes=1024)
    with pytest.raises(UnsafeResourceError, match="escapes"):
        fetcher(template_root.as_uri() + "/../secret.txt")
    with pytest.raises(UnsafeResourceError, match="outside"):
        fetcher((template_root / "link-out.txt").as_uri())
    with pytest.raises(UnsafeResourceError, match="cap"):
        fetcher((template_root / "big.bin").as_uri())
    with pytest.raises(UnsafeResourceError):
        fetcher((template_root / "missing.png").as_uri())
    with pytest.raises(UnsafeResourceError):
        resolve_resource(template_root.as_uri(), template_root)  # a folder is not a file
    assert issubclass(UnsafeResourceError, OutputError) and issubclass(UnsafeResourceError, ContractgenError)


def test_render_stops_on_a_refused_resource(tmp_path):
    pdf_dir = tmp_path / "pdf"
    pdf_dir.mkdir()
    (pdf_dir / "layout.html.j2").write_text((TEMPLATE / "pdf" / "layout.html.j2").read_text())
    (pdf_dir / "print.css").write_text("body { background: url('file:///etc/passwd'); }")
    with pytest.raises(UnsafeResourceError, match="/etc/passwd"):
        render_pdf(sample_document(), tmp_path)


def test_the_pdf_is_pdf_a_3b():
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(sample_document(), TEMPLATE)))
    root = reader.trailer["/Root"]
    assert "/OutputIntents" in root
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp


def test_collector_paused_during_render_gives_the_same_bytes(monkeypatch, sample_pdf):
    import contextlib
    import gc

    import weasyprint

    from contractgen.writers.pdf import writer

    seen = []
    real = weasyprint.HTML.render

    def spy(self, *args, **kwargs):
        seen.append(gc.isenabled())
        return real(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "render", spy)
    assert render_pdf(sample_document(draft=True), TEMPLATE) == sample_pdf
    paused, seen[:] = list(seen), []
    monkeypatch.setattr(writer, "collector_paused", contextlib.nullcontext)
    assert render_pdf(sample_document(draft=True), TEMPLATE) == sample_pdf
    # paused by the writer (every layout in this process: the frame and parts), then not: the bytes are the same
    assert paused and not any(paused) and seen and all(seen)
    assert gc.isenabled()


def test_leader_dots_are_one_run_per_line_at_the_same_places():
    import weasyprint

    from contractgen.writers.pdf.html import render_html
    from contractgen.writers.pdf.engine import _leader_boxes, merge_leader_dots
    from contractgen.writers.pdf.writer import _resources

    pdf_dir = TEMPLATE.resolve() / "pdf"
    font_config, stylesheet, _, fetcher = _resources(pdf_dir)
    document = weasyprint.HTML(
        string=render_html(big_document(), TEMPLATE), base_url=str(pdf_dir) + "/", url_fetcher=fetcher
    ).render(stylesheets=[stylesheet], font_config=font_config)
    from weasyprint.formatting_structure.boxes import ParentBox

    rows = [leader for page in document.pages for leader in _leader_boxes(page._page_box, ParentBox)]
    before = [
        (
            min(c.position_x for c in r.children),
            max(c.position_x + c.width for c in r.children),
            "".join(c.text for c in r.children),
        )
        for r in rows
    ]
    assert len(rows) > 20 and all(len(r.children) > 10 for r in rows)
    assert merge_leader_dots(document) == len(rows)
    after = [
        (r.children[0].position_x, r.children[0].position_x + r.children[0].width, r.children[0].text) for r in rows
    ]
    assert all(len(r.children) == 1 for r in rows)
    for (x0, x1, text), (y0, y1, merged) in zip(before, after):
        assert merged == text and y0 == x0 and abs(y1 - x1) < 1e-3


def test_contents_page_numbers_come_from_one_layout_pass():
    import weasyprint
    from weasyprint.layout import page as page_layout

    from contractgen.writers.pdf.engine import fill_contents_page_numbers
    from contractgen.writers.pdf.html import render_html
    from contractgen.writers.pdf.writer import _resources

    pdf_dir = TEMPLATE.resolve() / "pdf"
    font_config, stylesheet, _, fetcher = _resources(pdf_dir)
    html = render_html(big_document(), TEMPLATE)
    made = []
    real = page_layout.make_page

    def counting(*args, **kwargs):
        made.append(1)
        return real(*args, **kwargs)

    def laid_out(*extra):
        made.clear()
        page_layout.make_page = counting
        try:
            return weasyprint.HTML(string=html, base_url=str(pdf_dir) + "/", url_fetcher=fetcher).render(
                stylesheets=[stylesheet, *extra], font_config=font_config
            )
        finally:
            page_layout.make_page = real

    ours = laid_out()
    assert len(made) == len(ours.pages)  # no page laid out twice
    assert fill_contents_page_numbers(ours) > 20
    # the same contents as WeasyPrint's own target-counter(), which lays the contents out again
    counted = laid_out(
        weasyprint.CSS(
            string='.toc-entry > a::after { content: " " leader(". ") " " target-counter(attr(href), page); }'
        )
    )
    assert len(made) > len(counted.pages)

    def contents_text(document) -> str:
        reader = pypdf.PdfReader(io.BytesIO(document.write_pdf()))
        return "\n".join(reader.pages[i].extract_text() for i in (1, 2))

    assert contents_text(ours) == contents_text(counted)
