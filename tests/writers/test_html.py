"""Tests of the HTML writer: escaping, anchors and links, contents, watermark, signatures."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from contractgen.document.model import (
    Clause,
    CrossRef,
    Paragraph,
    Part,
    Strong,
    Table,
    Text,
)
from contractgen.errors import DocumentError
from contractgen.writers.pdf.html import render_html
from tests.writers.sample_document import sample_document

TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "it-outsourcing"


def html_of(document) -> str:
    """Render a document with the it-outsourcing layout."""
    return render_html(document, TEMPLATE)


def with_clause(*blocks) -> object:
    """Return the sample document with one extra clause holding ``blocks``."""
    doc = sample_document()
    doc.parts[0].clauses.append(Clause("extra", 1, "Extra <Clause>", list(blocks), number="3", anchor="extra"))
    return doc


def test_text_is_escaped_exactly_once():
    doc = with_clause(Paragraph([Text('<b>x</b> & "q"'), Strong([Text("<i>y</i>")])], number="3.1", anchor="extra.1"))
    html = html_of(doc)
    assert "&lt;b&gt;x&lt;/b&gt; &amp; &#34;q&#34;" in html
    assert "<strong>&lt;i&gt;y&lt;/i&gt;</strong>" in html
    assert "Extra &lt;Clause&gt;" in html
    assert "<b>x</b>" not in html and "&amp;lt;" not in html


def test_image_markup_in_deal_text_stays_text():
    html = html_of(with_clause(Paragraph([Text('<img src="file:///etc/hostname">')])))
    assert "<img" not in html
    assert "&lt;img src=&#34;file:///etc/hostname&#34;&gt;" in html


def test_escaping_in_attributes_and_metadata():
    doc = sample_document()
    doc.title = 'Deal "A" <x>'
    doc.parties[0].name = "Smith & Sons"
    html = html_of(doc)
    assert "<title>Deal &#34;A&#34; &lt;x&gt;</title>" in html
    assert 'content="Agreement between Smith &amp; Sons and' in html
    doc = with_clause(Paragraph([CrossRef('x" onclick="evil', "clause 9")]))
    assert 'href="#x&#34; onclick=&#34;evil"' in html_of(doc)


def test_clause_and_paragraph_anchors_and_cross_reference_links():
    html = html_of(sample_document())
    assert (
        '<h2 class="clause-heading" id="definitions"><span class="num">1 </span>Definitions and Interpretation</h2>'
        in html
    )
    assert 'id="service-credits"' in html
    assert '<p class="para numbered" id="service-credits.2"><span class="num">2.2</span>' in html
    assert '<a class="xref" href="#definitions">clause 1</a>' in html
    assert '<a class="xref" href="#service-credits">clause 2.2</a>' in html
    assert '<a class="xref" href="#schedule-charges">Schedule 1</a>' in html
    # every link points at an id that exists
    ids = set(re.findall(r' id="([^"]+)"', html))
    for href in re.findall(r'href="#([^"]+)"', html):
        assert href in ids, href


def test_list_numbers_printed_literally():
    html = html_of(sample_document())
    for number in ("(a)", "(b)", "(i)", "(ii)"):
        assert f'<span class="num">{number}</span>' in html
    assert '<ol class="list depth-2">' in html
    assert '<ul class="bullets depth-1">' in html
    assert "Line one<br>Line two" in html


def test_contents_entries_in_order_with_links():
    doc = sample_document()
    html = html_of(doc)
    toc = html[html.index('<nav class="contents">') : html.index("</nav>")]
    entries = re.findall(
        r'<li class="toc-entry level-(\d)"><a href="#([^"]+)"><span class="toc-num">([^<]*)</span>([^<]*)</a>', toc
    )
    assert entries == [(str(e.level), e.anchor, e.number, e.title) for e in doc.contents]


def test_no_contents_section_without_entries():
    doc = sample_document()
    doc.contents = []
    assert '<nav class="contents">' not in html_of(doc)


def test_draft_watermark_present_only_for_drafts():
    assert '<div class="watermark" aria-hidden="true">DRAFT</div>' in html_of(sample_document(draft=True))
    final = html_of(sample_document(draft=False))
    assert "watermark" not in final and "DRAFT" not in final


def test_definitions_wording():
    html = html_of(sample_document())
    assert (
        '<p class="definition"><strong>“Charges”</strong> means the charges set out in '
        '<a class="xref" href="#schedule-charges">Schedule 1</a>.</p>'
    ) in html
    assert '<p class="definition"><strong>“Service Credit”</strong> means a reduction' in html


def test_signature_blocks_one_per_party():
    doc = sample_document()
    html = html_of(doc)
    sig = html[html.index('<section class="part signatures" data-pdf-part>') :]
    sig = sig[: sig.index("</section>")]
    assert '<h1 class="signatures-heading">Signatures</h1>' in sig
    assert "This Agreement has been entered into on the date stated at the beginning of it." in sig
    assert sig.count('<div class="signature-block">') == len(doc.parties)
    for party in doc.parties:
        assert f"Signed for and on behalf of <strong>{party.name}</strong>" in sig
        assert f"<tr><th>Name</th><td>{party.signatory_name}</td></tr>" in sig
        assert f"<tr><th>Title</th><td>{party.signatory_title}</td></tr>" in sig
    for label in ("Signature", "Date"):
        assert sig.count(f"<th>{label}</th>") == len(doc.parties)


def test_cover_parties_and_schedule_heading():
    html = html_of(sample_document())
    assert '<html lang="en-GB">' in html
    assert "(the “Client”); and" in html and "(the “Supplier”)" in html
    assert "incorporated in England and Wales with company number 01234567" in html
    assert '<h1 class="schedule-heading" id="schedule-charges">Schedule 1 — Charges</h1>' in html
    assert '<td class="al-right">£450.00</td>' in html
    # parts in model order: agreement, signatures, schedule
    assert html.index('id="service-credits"') < html.index("signatures-heading") < html.index("schedule-heading")


def test_metadata_dates_from_deal_or_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert '<meta name="dcterms.created" content="2027-02-01">' in html_of(sample_document())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert '<meta name="dcterms.modified" content="2023-11-14T22:13:20Z">' in html_of(sample_document())


def test_unknown_node_kind_is_an_error_not_a_blank():
    doc = with_clause(Paragraph([Text("ok")]))

    @dataclasses.dataclass
    class Weird:  # a block the layout does not know (a dataclass like the model's blocks: the sandbox reads fields)
        kind: str = "weird"

    doc.parts[0].clauses[-1].blocks.append(Weird())
    with pytest.raises(DocumentError, match="weird"):
        html_of(doc)


def test_table_header_and_rows():
    doc = with_clause(
        Table(header=[[Text("A")], [Text("B")]], rows=[[[Text("1")], [Text("<2>")]]], align=["", "center"])
    )
    html = html_of(doc)
    assert '<thead><tr><th>A</th><th class="al-center">B</th></tr></thead>' in html
    assert '<tr><td>1</td><td class="al-center">&lt;2&gt;</td></tr>' in html


def test_unknown_part_kind_prints_clauses_in_order():
    doc = sample_document()
    doc.parts.insert(
        1, Part("annex", "annex", "Annex", [Clause("annex-1", 1, "Annex Terms", [], number="3", anchor="annex-1")])
    )
    assert 'id="annex-1"><span class="num">3 </span>Annex Terms</h2>' in html_of(doc)
