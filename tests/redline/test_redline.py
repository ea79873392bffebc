"""Redlines: a negotiation round (charges down, a service dropped, longer term) of the reference deal.

Accept All / Reject All are applied to the DOCX XML and to the redline HTML, and must give exactly
the new and the old contract, word for word.
"""

from __future__ import annotations

import copy
import shutil
import subprocess

import lxml.html
import pytest
from click.testing import CliRunner

from contractgen.cli import main
from contractgen.document.model import (
    Del,
    Ins,
    ListBlock,
    Paragraph,
    Table,
    Text,
    inline_text,
    iter_blocks,
)
from contractgen.pipeline import Workspace, build_document, load_deal
from contractgen.redline.diff import (
    DELETED,
    INSERTED,
    diff_documents,
    diff_inlines,
    has_changes,
)
from contractgen.writers.docx.redline import render_redline_docx
from contractgen.writers.docx.writer import render_docx
from contractgen.writers.pdf.html import render_html
from contractgen.writers.pdf.redline import render_redline_html, render_redline_pdf
from tests.fixtures.redline.docx_changes import (
    W,
    apply_all,
    document_xml,
    paragraph_texts,
)
from tests.helpers import REFERENCE, ROOT
from tests.writers.docx_lists import complex_fields
from tests.writers.sample_document import sample_document

TEMPLATE = ROOT / "templates" / "it-outsourcing"

pytestmark = pytest.mark.skipif(not REFERENCE.is_file(), reason="reference deal not available")


def negotiated(text: str) -> str:
    """Round 2 of the reference deal: lower charges, no AMS service, a 48-month term."""
    out = text.replace("monthly_charges: 185000", "monthly_charges: 172500")
    out = out.replace("initial_term: 36 months", "initial_term: 48 months")
    start, end = out.index("    - id: AMS"), out.index("\ndeliverables:")
    out = out[:start].rstrip("\n") + "\n" + out[end:]
    out = out.replace("    - {service: AMS, target: 99.5}\n", "")
    out = out.replace("      - {service: AMS, below: 99.5, credit: 3}\n", "")
    assert out.count("AMS") == 0 and out != text
    return out


@pytest.fixture(scope="module")
def deals(tmp_path_factory):
    folder = tmp_path_factory.mktemp("negotiation")
    old = folder / "round-1.yaml"
    new = folder / "round-2.yaml"
    text = REFERENCE.read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    new.write_text(negotiated(text), encoding="utf-8")
    return old, new


@pytest.fixture(scope="module")
def documents(deals):
    workspace = Workspace(ROOT)
    old, new = deals
    return (build_document(load_deal(old), workspace).document, build_document(load_deal(new), workspace).document)


@pytest.fixture(scope="module")
def redline(documents):
    return diff_documents(*documents)


@pytest.fixture(scope="module")
def redline_docx(redline):
    return render_redline_docx(redline, TEMPLATE)


def clause(document, clause_id):
    return next(c for _, c in document.iter_clauses() if c.id == clause_id)


def marked(inlines, kind) -> list[str]:
    return [
        inline_text(n.children) if kind is Ins else _deleted_text(n.children) for n in inlines if isinstance(n, kind)
    ]


def _deleted_text(inlines) -> str:
    return inline_text([Ins(n.children) if isinstance(n, Del) else n for n in inlines])


# ---------------------------------------------------------------- the model diff


def test_removed_service_rows_are_deleted_in_the_service_level_tables(redline):
    for clause_id in ("sl-availability", "service-credits"):
        table = next(b for b in clause(redline.document, clause_id).blocks if isinstance(b, Table))
        deleted = [row for row, change in zip(table.rows, table.row_changes) if change == DELETED]
        assert len(deleted) == 1, clause_id
        assert "Application Maintenance and Support" in _deleted_text(deleted[0][0])
        assert all(change != INSERTED for change in table.row_changes)


def test_removed_service_scope_is_deleted(redline):
    descriptions = clause(redline.document, "svc-descriptions")
    deleted = [b for b in iter_blocks(descriptions.blocks) if getattr(b, "change", "") == DELETED]
    texts = [_deleted_text(b.content) for b in deleted if hasattr(b, "content")]
    assert "Application Maintenance and Support (AMS)" in texts  # the service's sub-heading
    assert any(t.startswith("Description. Second- and third-line support") for t in texts)
    assert all(b.marks.get("number") for b in deleted if isinstance(b, Paragraph) and b.number)
    overview = clause(redline.document, "svc-overview")
    items = [it for b in overview.blocks if isinstance(b, ListBlock) for it in b.items]
    assert [it.change for it in items] == ["", "", DELETED]


def test_charges_and_term_change_word_by_word(redline):
    charges = clause(redline.document, "ch-pricing").blocks[0]
    assert "£185,000.00" in " ".join(marked(charges.content, Del))
    assert "£172,500.00" in " ".join(marked(charges.content, Ins))
    term = clause(redline.document, "term")
    para = next(b for b in term.blocks if isinstance(b, Paragraph) and "36" in _deleted_text(b.content))
    assert marked(para.content, Del)[0] == "36" and marked(para.content, Ins)[0] == "48"
    # the rest of the sentence is untouched text
    assert sum(len(inline_text([n])) for n in para.content if isinstance(n, Text)) > 100


def test_unchanged_clauses_are_not_marked(redline):
    assert not has_changes(clause(redline.document, "governing-law"))
    assert not has_changes(clause(redline.document, "sl-priorities"))


def test_summary_lists_the_changed_clauses(redline):
    changed = {(e.change, e.label, e.title) for e in redline.summary}
    assert ("changed", "Paragraph 2 of Schedule 2", "Availability") in changed
    assert ("changed", "Paragraph 6 of Schedule 2", "Service Credits") in changed
    assert ("changed", "Paragraph 2 of Schedule 1", "Service Descriptions") in changed
    assert any(e.label.startswith("Clause ") and e.title == "Commencement and Term" for e in redline.summary)
    assert any(e.label.startswith("Clause ") and e.title == "Charges" for e in redline.summary)
    assert not any(e.title == "Governing Law and Jurisdiction" for e in redline.summary)


def test_whole_clauses_inserted_and_deleted_and_renumbering_tracked():
    old = sample_document()
    new = copy.deepcopy(old)
    agreement = new.parts[0]
    removed = agreement.clauses.pop(0)  # "1 Definitions" goes, "2 Service Credits" becomes 1
    agreement.clauses[0].number = "1"
    for block in agreement.clauses[0].blocks:
        if isinstance(block, Paragraph) and block.number:
            block.number = "1" + block.number[1:]
    added = copy.deepcopy(removed)
    added.id, added.anchor, added.title, added.number = "new-clause", "new-clause", "New Clause", "2"
    agreement.clauses.append(added)
    red = diff_documents(old, new)
    clauses = red.document.parts[0].clauses
    assert [(c.id, c.change) for c in clauses] == [
        ("definitions", DELETED),
        ("service-credits", ""),
        ("new-clause", INSERTED),
    ]
    renumbered = clauses[1]
    assert [inline_text(n.children) for n in renumbered.marks["number"]] == ["2", "1"]
    entries = {(e.change, e.label) for e in red.summary}
    assert ("deleted", "Clause 1") in entries  # removed clauses keep their old number
    assert ("inserted", "Clause 2") in entries
    check_docx_equivalence(red, old, new)
    check_html_equivalence(red, old, new)


def test_identical_contracts_have_no_marks(documents):
    red = diff_documents(documents[0], documents[0])
    assert not has_changes(red.document) and red.summary == []


def test_diff_inlines_keeps_styles_and_folds_spaces():
    old = [Text("pay "), Text("£10 per day")]
    new = [Text("pay £12 per hour")]
    out, changed = diff_inlines(old, new)
    assert changed
    assert inline_text(out) == "pay £12 per hour"
    assert _deleted_text([n for n in out if not isinstance(n, Ins)]) == "pay £10 per day"


# ---------------------------------------------------------------- DOCX: real tracked changes


def check_docx_equivalence(red, old, new, data=None):
    data = data or render_redline_docx(red, TEMPLATE)
    root = document_xml(data)
    new_data, old_data = render_docx(new, TEMPLATE), render_docx(old, TEMPLATE)
    # list numbers included: Word renumbers the tracked insertions and deletions
    accepted, rejected = apply_all(root, accept=True), apply_all(root, accept=False)
    assert paragraph_texts(accepted, data) == paragraph_texts(document_xml(new_data), new_data)
    assert paragraph_texts(rejected, data) == paragraph_texts(document_xml(old_data), old_data)
    assert refs_resolve(rejected), "a REF field of the old contract lost its bookmark"
    return accepted


def refs_resolve(root) -> bool:
    """Tell whether every REF field of a document.xml points at a bookmark in it."""
    names = {b.get(W + "name") for b in root.iter(W + "bookmarkStart")}
    refs = [code.split()[1] for code, _ in complex_fields(root) if code.startswith("REF ")]
    return bool(refs) and set(refs) <= names


def test_docx_accept_all_gives_new_and_reject_all_gives_old(redline, redline_docx, documents):
    accepted = check_docx_equivalence(redline, documents[0], documents[1], redline_docx)
    assert refs_resolve(accepted)


def test_docx_tracked_change_attributes(redline_docx, documents):
    root = document_xml(redline_docx)
    marks = list(root.iter(W + "ins", W + "del"))
    assert len(marks) > 30
    ids = [m.get(W + "id") for m in marks]
    assert len(set(ids)) == len(ids)
    bookmark_ids = {b.get(W + "id") for b in root.iter(W + "bookmarkStart")}
    assert not bookmark_ids & set(ids)
    assert {m.get(W + "author") for m in marks} == {"contractgen"}
    assert {m.get(W + "date") for m in marks} == {documents[1].date_iso + "T00:00:00Z"}
    deleted_text = [t.text for t in root.iter(W + "delText")]
    assert any("Application Maintenance and Support" in t for t in deleted_text)
    for d in root.iter(W + "del"):
        assert d.find(f".//{W}t") is None  # deleted runs use w:delText
    deleted_rows = [tr for tr in root.iter(W + "tr") if tr.find(f"{W}trPr/{W}del") is not None]
    assert len(deleted_rows) == 2  # availability and service-credit rows of AMS
    deleted_paras = [p for p in root.iter(W + "p") if p.find(f"{W}pPr/{W}rPr/{W}del") is not None]
    assert len(deleted_paras) >= 8  # the AMS heading, its four paragraphs, list items, overview item
    for p in deleted_paras:
        assert p.find(f".//{W}t") is None, "a deleted paragraph keeps no live text"
        assert p.find(W + "pPr")[-1].tag == W + "rPr"


def test_docx_redline_is_deterministic(redline, redline_docx):
    assert render_redline_docx(redline, TEMPLATE) == redline_docx


@pytest.mark.skipif(not shutil.which("libreoffice"), reason="LibreOffice is not installed")
def test_docx_redline_opens_in_libreoffice(redline_docx, tmp_path):
    source = tmp_path / "round-2.redline.docx"
    source.write_bytes(redline_docx)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = tmp_path / "round-2.redline.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        # LibreOffice shows tracked deletions in place: the old and the new charges both appear
        assert "£185,000.00" in text and "£172,500.00" in text


# ---------------------------------------------------------------- HTML / PDF


def html_text(html: str, accept: bool | None = None) -> str:
    """Return the whitespace-normalised body text, after Accept All (True) or Reject All (False)."""
    root = lxml.html.fromstring(html)
    for el in root.xpath('//section[contains(@class, "redline-summary")]'):
        el.drop_tree()
    if accept is not None:
        gone, kept = ("deleted", "ins") if accept else ("inserted", "del")
        for el in root.xpath(f'//*[contains(concat(" ", @class, " "), " chg-{gone} ")]'):
            el.drop_tree()
        for el in list(root.iter("del" if accept else "ins")):
            el.drop_tree()
        for el in list(root.iter(kept)):
            el.drop_tag()
    return " ".join(root.find("body").text_content().split())


def without_notes_page(html: str) -> str:
    """The document without its drafting-notes page (not part of the agreement: a redline prints the new one's)."""
    root = lxml.html.fromstring(html)
    for el in root.xpath('//section[contains(@class, "drafting-notes")]'):
        el.drop_tree()
    return lxml.html.tostring(root, encoding="unicode")


def check_html_equivalence(red, old, new):
    html = render_redline_html(red, TEMPLATE)
    assert html_text(html, accept=True) == html_text(render_html(new, TEMPLATE))
    # the notes page is the new draft's (its warnings follow the new deal), so Reject All is compared without it
    rejected = html_text(without_notes_page(html), accept=False)
    assert rejected == html_text(without_notes_page(render_html(old, TEMPLATE)))


def test_html_accept_gives_new_and_reject_gives_old(redline, documents):
    check_html_equivalence(redline, *documents)


def test_html_marks_and_summary_page(redline):
    html = render_redline_html(redline, TEMPLATE)
    root = lxml.html.fromstring(html)
    summary = root.xpath('//section[contains(@class, "redline-summary")]')[0].text_content()
    assert "Summary of changes" in summary
    for label in ("Paragraph 2 of Schedule 2", "Paragraph 6 of Schedule 2", "Paragraph 2 of Schedule 1"):
        assert label in summary
    assert html.index("redline-summary") < html.index('class="cover"')
    assert root.xpath('//tr[contains(@class, "chg-deleted")]')
    assert any("£185,000.00" in d.text_content() for d in root.iter("del"))
    assert any("£172,500.00" in i.text_content() for i in root.iter("ins"))


def test_redline_pdf_of_a_small_change_is_deterministic():
    old = sample_document()
    new = copy.deepcopy(old)
    new.parts[0].clauses[1].blocks[0].content.append(Text(" Promptly."))
    red = diff_documents(old, new)
    first = render_redline_pdf(red, TEMPLATE)
    assert first.startswith(b"%PDF") and first == render_redline_pdf(red, TEMPLATE)


# ---------------------------------------------------------------- files and the command line


def test_cli_redline(deals, tmp_path):
    old, new = deals
    result = CliRunner().invoke(
        main, ["redline", str(old), str(new), "-o", str(tmp_path), "--format", "docx", "--root", str(ROOT)]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "round-2.redline.docx").is_file()
    assert "changed" in result.output


def test_cli_redline_bad_input_exits_2(deals, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("template: it-outsourcing\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["redline", str(deals[0]), str(bad), "-o", str(tmp_path), "--format", "docx"])
    assert result.exit_code == 2
    assert not list(tmp_path.glob("*.redline.*"))


def test_cli_redline_tracked_changes_are_by_the_author_and_dated_when_made(deals, tmp_path, monkeypatch):
    import zipfile

    old, new = deals
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796000000")  # 2026-11-30T00:53:20Z
    result = CliRunner().invoke(
        main,
        [
            "redline",
            str(old),
            str(new),
            "-o",
            str(tmp_path),
            "--format",
            "docx",
            "--root",
            str(ROOT),
            "--author",
            "Dana Whitfield",
        ],
    )
    assert result.exit_code == 0, result.output
    xml = lxml.etree.fromstring(zipfile.ZipFile(tmp_path / "round-2.redline.docx").read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    marks = [*xml.iter(w + "ins"), *xml.iter(w + "del")]
    assert marks
    assert {el.get(w + "author") for el in marks} == {"Dana Whitfield"}
    assert {el.get(w + "date") for el in marks} == {"2026-11-30T00:53:20Z"}


def test_the_summary_names_what_a_new_clause_version_changed(deals):
    old_doc, new_doc = (build_document(load_deal(path), Workspace()).document for path in deals)
    target = next(c for p in new_doc.parts for c in p.clauses if c.blocks)
    was = next(c for p in old_doc.parts for c in p.clauses if c.id == target.id)
    was.version = target.version - 1 if target.version > 1 else target.version + 1
    target.changes = "Credits are now paid within one Measurement Period."
    target.blocks = target.blocks + [Paragraph([Text("A new sentence.")])]
    redline = diff_documents(old_doc, new_doc)
    entry = next(e for e in redline.summary if e.title == target.title)
    assert entry.changes == f"v{was.version} → v{target.version}: Credits are now paid within one Measurement Period."
    summary = (
        lxml.html.fromstring(render_redline_html(redline, TEMPLATE))
        .xpath('//section[contains(@class, "redline-summary")]')[0]
        .text_content()
    )
    assert "Credits are now paid within one Measurement Period." in summary
