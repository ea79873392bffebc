"""Tests of the DOCX writer: golden XML, determinism, text, fields, DRAFT marking, imports, speed."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from contractgen.document.model import Clause, CrossRef, Paragraph, Part, Table, Text
from contractgen.writers.docx.fields import bookmark_name
from contractgen.writers.docx.package import deterministic_zip
from contractgen.writers.docx.writer import render_docx
from tests.helpers import ROOT
from tests.writers.docx_lists import complex_fields, numbered_texts
from tests.writers.sample_document import sample_document

TEMPLATE = ROOT / "templates" / "it-outsourcing"
GOLDEN = Path(__file__).resolve().parent / "golden" / "docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
GOLDEN_PARTS = re.compile(
    r"^(word/(document|styles|settings|numbering|header\d+|footer\d+)\.xml|docProps/(core|custom|app)\.xml"
    r"|\[Content_Types\]\.xml|_rels/\.rels|word/_rels/document\.xml\.rels)$"
)
SAMPLE_EPOCH = int(dt.datetime(2027, 2, 1, tzinfo=dt.timezone.utc).timestamp())

LOREM = (
    "The Supplier shall provide the Services in accordance with Good Industry Practice and "
    "the Service Levels, and shall ensure that its Personnel are suitably skilled. "
)


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def render(draft: bool = True, document=None) -> bytes:
    """Render the sample (or `document`) with the it-outsourcing template."""
    return render_docx(document or sample_document(draft=draft), TEMPLATE)


def members(data: bytes) -> dict[str, bytes]:
    """Return the zip members of a DOCX."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def pretty(xml: bytes) -> str:
    """Return XML re-indented, for a readable part-by-part comparison."""
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(xml, parser), pretty_print=True, encoding="unicode")


def body_texts(data: bytes) -> list[str]:
    """Return every body paragraph (table cells too) as Word shows it: list number, then text."""
    return numbered_texts(data)


def big_document(draft: bool = True):
    """Return the sample grown to roughly twenty pages."""
    doc = sample_document(draft=draft)
    agreement = doc.parts[0]
    for n in range(3, 33):
        blocks = [
            Paragraph(
                [Text(LOREM * 3), CrossRef("service-credits", "clause 2.2"), Text(".")],
                number=f"{n}.{k}",
                anchor=f"clause-{n}.{k}",
            )
            for k in range(1, 5)
        ]
        agreement.clauses.append(
            Clause(id=f"clause-{n}", version=1, title=f"Clause {n}", blocks=blocks, number=str(n), anchor=f"clause-{n}")
        )
    doc.parts[2].clauses[0].blocks.append(
        Table(
            header=[[Text("Service")], [Text("Target")], [Text("Credit")]],
            rows=[[[Text(f"Service {i}")], [Text("99.9 %")], [Text("5 %")]] for i in range(60)],
        )
    )
    return doc


# ---------------------------------------------------------------- golden


@pytest.mark.parametrize("draft", [True, False], ids=["draft", "final"])
def test_golden_parts(draft):
    """Each XML part matches its golden copy (UPDATE_GOLDEN=1 rewrites them)."""
    folder = GOLDEN / ("sample_draft" if draft else "sample_final")
    parts = {n: b for n, b in members(render(draft)).items() if GOLDEN_PARTS.match(n)}
    assert {
        "word/document.xml",
        "word/styles.xml",
        "docProps/core.xml",
        "docProps/custom.xml",
        "word/header1.xml",
        "word/footer1.xml",
    } <= set(parts)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for name, blob in parts.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(pretty(blob), encoding="utf-8")
    stored = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) if folder.exists() else []
    assert stored == sorted(parts), "golden parts differ; run with UPDATE_GOLDEN=1 and review the diff"
    for name, blob in parts.items():
        assert pretty(blob) == (folder / name).read_text(encoding="utf-8"), name


# ---------------------------------------------------------------- determinism

_SCRIPT = (
    "import hashlib, sys; from pathlib import Path;"
    "from contractgen.writers.docx.writer import render_docx;"
    "from tests.writers.sample_document import sample_document;"
    "print(hashlib.sha256(render_docx(sample_document(), Path(sys.argv[1]))).hexdigest())"
)


def _digest_in_subprocess(env_extra: dict) -> str:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(env_extra)
    env["PYTHONHASHSEED"] = "random"
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(TEMPLATE)], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def test_byte_identical_across_processes():
    """Two separate processes give the same bytes as this one."""
    import hashlib

    here = hashlib.sha256(render()).hexdigest()
    assert _digest_in_subprocess({}) == here
    assert _digest_in_subprocess({}) == here


def test_source_date_epoch(monkeypatch):
    """SOURCE_DATE_EPOCH at the effective date changes nothing; another epoch only core.xml."""
    plain = render()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(SAMPLE_EPOCH))
    assert render() == plain
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(SAMPLE_EPOCH + 86400 + 3600))
    other = members(render())
    base = members(plain)
    assert [n for n in base if base[n] != other[n]] == ["docProps/core.xml"]
    assert b"2027-02-02T01:00:00Z" in other["docProps/core.xml"]


def test_zip_is_normalised():
    """Fixed timestamps, [Content_Types].xml first then sorted, deflate, no extra fields."""
    with zipfile.ZipFile(io.BytesIO(render())) as zf:
        infos = zf.infolist()
    names = [i.filename for i in infos]
    assert names[0] == "[Content_Types].xml" and names[1:] == sorted(names[1:])
    for info in infos:
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert info.compress_type == zipfile.ZIP_DEFLATED
        assert info.extra == b""
    data = render()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    assert deterministic_zip(members) == data, "rewriting the package changes its bytes"


def test_core_and_custom_properties():
    """Core properties come from the model and the effective date; provenance is custom."""
    parts = members(render())
    core = parts["docProps/core.xml"].decode()
    for text in (
        "IT Outsourcing Services Agreement",
        "NWB-ITO-2027-014",
        "contractgen",
        "Northwind Bank plc",
        "2027-02-01T00:00:00Z",
        "<cp:revision>1</cp:revision>",
    ):
        assert text in core
    assert "python-docx" not in core
    assert (
        re.search(r"<cp:lastModifiedBy\s*/>|<cp:lastModifiedBy></cp:lastModifiedBy>", core)
        or "lastModifiedBy" not in core
    )
    custom = parts["docProps/custom.xml"].decode()
    assert 'name="deal_sha256"' in custom and "0" * 64 in custom
    assert 'name="clauses"' in custom and "definitions@1 service-credits@2" in custom
    assert "docProps/custom.xml" in parts["_rels/.rels"].decode()
    assert not any(b"w:rsid" in blob for blob in parts.values()), "no revision ids"
    for gone in ("docProps/thumbnail.jpeg", "customXml/item1.xml", "word/stylesWithEffects.xml"):
        assert gone not in parts


# ---------------------------------------------------------------- content


def test_text_contains_model_content():
    """Clause numbers and titles, cross-references, terms and signatories all print."""
    texts = body_texts(render())
    joined = "\n".join(texts)
    for line in (
        "1\tDefinitions and Interpretation",
        "2\tService Credits",
        "Schedule 1 \u2014 Charges",
        "1.1\tIn this Agreement the following terms have these meanings:",
        "\u201cCharges\u201d means the charges set out in Schedule 1.",
        "\u201cService Credit\u201d means a reduction of the Charges under clause 2.2.",
        "2.2\tIf it does not, Service Credits apply, as clause 1 explains:",
        "(a)\tthe credit is a price adjustment;",
        "(ii)\tat the At-Risk Amount.",
        "\u2022\tRates exclude VAT.",
        "Line one\nLine two",
        "This Agreement has been entered into on the date stated at the beginning of it.",
        "Signed for and on behalf of Northwind Bank plc",
    ):
        assert line in texts, line
    for text in (
        "Jane Holloway",
        "Chief Operating Officer",
        "Rohan Mehta",
        "Director",
        "Analyst",
        "\u00a3450.00",
        "NWB-ITO-2027-014",
        "1 February 2027",
    ):
        assert text in joined, text
    # reading order: cover, contents, clause 1, clause 2, signatures, schedule
    order = [
        texts.index(t)
        for t in (
            "IT Outsourcing Services Agreement",
            "Contents",
            "1.1\tIn this Agreement the following terms have these meanings:",
            "2.1\tThe Supplier will meet the Service Levels.",
            "Signatures",
            "1.1\tThe Charges are:",
        )
    ]
    assert order == sorted(order)


def test_styles_and_structure():
    """Headings, numbered paragraphs and lists use their styles; the header row repeats."""
    root = etree.fromstring(members(render())["word/document.xml"])
    styles = {}
    for p in root.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        styles[text] = style.get(f"{W}val") if style is not None else None
    assert styles["Definitions and Interpretation"] == "Heading1"
    assert styles["\u2014 Charges"] == "Heading2"
    assert styles["Examples"] == "Heading3"
    assert styles["The Supplier will meet the Service Levels."] == "NumberedParagraph"
    assert styles["the credit is a price adjustment;"] == "List1"
    assert styles["at 12 % of the monthly Charges; and"] == "List2"
    tables = root.findall(f".//{W}tbl")
    contract = [t for t in tables if t.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == "ContractTable"]
    assert len(contract) == 1
    first_row = contract[0].find(f"{W}tr")
    assert first_row.find(f"{W}trPr/{W}tblHeader") is not None
    numbered = {"".join(t.text for t in p.iter(f"{W}t")): p.find(f"{W}pPr/{W}numPr") for p in root.iter(f"{W}p")}
    assert numbered["Service Credits"].find(f"{W}ilvl").get(f"{W}val") == "0"
    assert numbered["the credit is a price adjustment;"].find(f"{W}ilvl").get(f"{W}val") == "2"
    assert numbered["Examples"] is None and numbered["Line oneLine two"] is None
    style_xml = members(render())["word/styles.xml"].decode()
    for style_id in (
        "Normal",
        "Title",
        "Heading1",
        "Heading2",
        "Heading3",
        "NumberedParagraph",
        "List1",
        "List2",
        "Definition",
        "TOC1",
        "TOC2",
        "ContractTable",
    ):
        assert f'w:styleId="{style_id}"' in style_xml, style_id
    assert 'w:val="toc 1"' in style_xml and 'w:val="heading 1"' in style_xml


def test_bookmarks_and_cross_references():
    """Cross-references are REF fields to bookmarks on the numbered paragraphs, results filled in;
    hyperlinks point at bookmarks that exist; bookmark names are Word-legal."""
    root = etree.fromstring(members(render())["word/document.xml"])
    names = [b.get(f"{W}name") for b in root.iter(f"{W}bookmarkStart")]
    ids = [b.get(f"{W}id") for b in root.iter(f"{W}bookmarkStart")]
    assert len(set(names)) == len(names) and len(set(ids)) == len(ids)
    assert len(ids) == len(list(root.iter(f"{W}bookmarkEnd")))
    for name in names:
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,39}", name), name
    assert {"definitions", "service_credits", "service_credits_2", "schedule_charges"} <= set(names)
    links = [(h.get(f"{W}anchor"), "".join(t.text for t in h.iter(f"{W}t"))) for h in root.iter(f"{W}hyperlink")]
    assert {anchor for anchor, _ in links} <= set(names)
    for pair in (("schedule_charges", "Schedule 1 \u2014 Charges"), ("schedule_charges_table", "1Charges")):
        assert pair in links, pair
    refs = [(code, result) for code, result in complex_fields(root) if code.startswith("REF ")]
    assert refs == [
        ("REF schedule_charges \\n \\h", "Schedule 1"),
        ("REF service_credits_2 \\n \\h", "2.2"),
        ("REF definitions \\n \\h", "1"),
    ]
    assert "\u201cService Credit\u201d means a reduction of the Charges under clause 2.2." in body_texts(render())


def test_bookmark_name_mapping():
    """Anchors map to legal, stable, distinct bookmark names."""
    assert bookmark_name("service-credits.2") == "service_credits_2"
    assert bookmark_name("2-intro") == "a_2_intro"
    long_a, long_b = "x" * 50 + "-a", "x" * 50 + "-b"
    assert bookmark_name(long_a) != bookmark_name(long_b)
    for anchor in (long_a, "été", "", "a" * 40):
        name = bookmark_name(anchor)
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,39}", name), name
        assert bookmark_name(anchor) == name


def test_toc_field_and_no_update_prompt():
    """The TOC is a real field with its entries filled in; nothing asks Word to update fields."""
    parts = members(render())
    doc = parts["word/document.xml"].decode()
    assert 'TOC \\o "1-2" \\h \\z \\u' in doc
    texts = body_texts(render())
    start = texts.index("Contents")
    assert texts[start + 1 : start + 5] == [
        "1\tDefinitions and Interpretation",
        "2\tService Credits",
        "Schedule 1 \u2014 Charges",
        "1\tCharges",
    ]
    root = etree.fromstring(parts["word/document.xml"])
    assert [code for code, _ in complex_fields(root) if not code.startswith("REF ")] == ['TOC \\o "1-2" \\h \\z \\u']
    assert not any(fc.get(f"{W}dirty") for fc in root.iter(f"{W}fldChar"))
    settings = parts["word/settings.xml"].decode()
    assert "updateFields" not in settings
    assert "w:rsid" not in settings


def test_contents_carry_the_page_numbers_they_are_given():
    """Given the PDF's pages, each contents entry ends in a tab and a PAGEREF field whose result is its page."""
    document = sample_document(draft=True)
    pages = {entry.anchor: 3 + i for i, entry in enumerate(document.contents) if entry.anchor}
    assert len(pages) >= 4
    parts = members(render_docx(document, TEMPLATE, pages))
    root = etree.fromstring(parts["word/document.xml"])
    refs = [(code, result) for code, result in complex_fields(root) if code.startswith("PAGEREF ")]
    assert refs == [(f"PAGEREF {bookmark_name(anchor)} \\h", str(page)) for anchor, page in pages.items()]
    bookmarks = {b.get(f"{W}name") for b in root.iter(f"{W}bookmarkStart")}
    assert {bookmark_name(anchor) for anchor in pages} <= bookmarks
    texts = body_texts(render_docx(document, TEMPLATE, pages))
    assert texts[texts.index("Contents") + 1] == "1\tDefinitions and Interpretation\t3"
    styles = etree.fromstring(parts["word/styles.xml"])
    for style_id in ("TOC1", "TOC2"):  # the number sits at a right tab, dots before it, as in the PDF
        style = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == style_id)
        tabs = [(t.get(f"{W}val"), t.get(f"{W}leader")) for t in style.iter(f"{W}tab")]
        assert ("right", "dot") in tabs, (style_id, tabs)
    without = etree.fromstring(members(render(draft=True))["word/document.xml"])
    assert not any(code.startswith("PAGEREF") for code, _ in complex_fields(without))


def test_page_numbers_are_only_for_a_contract_docx():
    from contractgen import writers
    from contractgen.errors import ContractgenError

    with pytest.raises(ContractgenError, match="only a contract DOCX"):
        writers.render(sample_document(), TEMPLATE, "pdf", pages={"x": 1})


def test_footer_page_fields_and_header():
    """Footer prints "Page X of Y" with PAGE/NUMPAGES; the header carries title and reference."""
    parts = members(render())
    footers = "".join(parts[n].decode() for n in parts if n.startswith("word/footer"))
    assert " PAGE " in footers and " NUMPAGES " in footers
    headers = [etree.fromstring(parts[n]) for n in sorted(parts) if n.startswith("word/header")]
    # the header shows the TITLE and DOCPROPERTY "Reference" fields, their results filled in
    assert any(
        complex_fields(h)
        == [("TITLE", "IT Outsourcing Services Agreement"), ('DOCPROPERTY "Reference"', "NWB-ITO-2027-014")]
        for h in headers
    )
    assert any(
        "".join(t.text for t in h.iter(f"{W}t")).startswith("IT Outsourcing Services Agreement \u00b7 NWB-ITO-2027-014")
        for h in headers
    )
    assert 'name="Reference"' in parts["docProps/custom.xml"].decode()
    assert "w:titlePg" in parts["word/document.xml"].decode()


def test_draft_marking():
    """DRAFT appears on the cover, in the header and as a watermark only for drafts."""
    draft = members(render(draft=True))
    headers = [draft[n].decode() for n in draft if n.startswith("word/header")]
    assert all('string="DRAFT"' in h for h in headers), "watermark on every page"
    assert "DRAFT" in body_texts(render(draft=True))
    final = members(render(draft=False))
    assert not any(b"DRAFT" in blob for name, blob in final.items() if name.endswith(".xml"))


def test_no_contents_and_unknown_reference():
    """An empty contents list still gives a TOC field; an unknown target prints as text."""
    doc = sample_document()
    doc.contents = []
    doc.parts[0].clauses[1].blocks.append(Paragraph([CrossRef("nowhere", "clause 99")]))
    parts = members(render(document=doc))
    root = etree.fromstring(parts["word/document.xml"])
    assert [code for code, _ in complex_fields(root) if not code.startswith("REF ")] == ['TOC \\o "1-2" \\h \\z \\u']
    assert "clause 99" in body_texts(render(document=doc))
    assert "nowhere" not in parts["word/document.xml"].decode()


def test_signatures_part_without_parties_and_extra_part():
    """A schedule without number and a signatures part print without errors."""
    doc = sample_document()
    doc.parts.append(Part("annex", "schedule", "Annex", [], anchor="annex"))
    texts = body_texts(render(document=doc))
    assert "Annex" in texts


# ---------------------------------------------------------------- imports and speed


def test_docx_writer_does_not_import_weasyprint():
    """Importing the DOCX writer never loads WeasyPrint."""
    code = (
        "import sys, contractgen.writers.docx.writer; "
        "print(any(m == 'weasyprint' or m.startswith('weasyprint.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_twenty_page_contract_renders_every_clause():
    """Speed is measured by bench/, never asserted here; this checks the long document is complete."""
    doc = big_document()
    import io

    from docx import Document as Docx

    text = "\n".join(p.text for p in Docx(io.BytesIO(render(document=doc))).paragraphs)
    for _, clause in doc.iter_clauses():
        assert clause.title in text
