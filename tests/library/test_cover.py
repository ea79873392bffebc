"""The cover's description of each party is the template's wording (cover.yaml), printed by every writer."""

from __future__ import annotations

import io
import re
import shutil
import zipfile

import pytest

from contractgen.document.model import PartyDetail
from contractgen.errors import LibraryError
from contractgen.library.cover import load_party_wording, party_details
from contractgen.writers import render
from contractgen.writers.pdf.html import render_html
from tests.helpers import TEMPLATE, write_file
from tests.writers.sample_document import sample_document

OTHER_WORDING = """party:
  - {field: address, before: ", having its seat at "}
  - {field: short_name, before: " (hereinafter {article}", after: ")"}
"""


def test_party_details_come_from_the_template(tmp_path):
    write_file(tmp_path / "cover.yaml", OTHER_WORDING)
    assert party_details(tmp_path, "the") == [
        PartyDetail("address", ", having its seat at "),
        PartyDetail("short_name", " (hereinafter the ", ")"),
    ]
    assert party_details(tmp_path, "")[1].before == " (hereinafter "


def test_the_reference_template_words_the_cover_as_before():
    fields = [d.field for d in load_party_wording(TEMPLATE)]
    assert fields == ["incorporated_in", "company_number", "address", "short_name"]


@pytest.mark.parametrize(
    "text, message",
    [
        (None, "cover.yaml is missing"),
        ("party: {field: address}\n", "must be a list"),
        ("party:\n  - {field: colour}\n", "party[0]: needs field"),
    ],
)
def test_a_broken_cover_file_is_a_library_error(tmp_path, text, message):
    folder = tmp_path / "tpl"
    folder.mkdir()
    if text is not None:
        write_file(folder / "cover.yaml", text)
    with pytest.raises(LibraryError, match=re.escape(message)):
        load_party_wording(folder)


def test_writers_print_the_wording_the_model_carries(tmp_path):
    document = sample_document(draft=False)
    template = tmp_path / "it-outsourcing"
    shutil.copytree(TEMPLATE, template)
    write_file(template / "cover.yaml", OTHER_WORDING)
    for party in document.parties:
        party.details = party_details(template, "the")
    html = render_html(document, template)
    assert "having its seat at 1 King William Street" in html and "whose address is" not in html
    with zipfile.ZipFile(io.BytesIO(render(document, template, "docx"))) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "having its seat at 1 King William Street" in body and "incorporated in" not in body


def test_a_draft_is_dated_and_marked_as_the_template_says(tmp_path):
    from contractgen.library.cover import load_draft_marking

    assert load_draft_marking(TEMPLATE) == (
        "[●]",
        "Draft for discussion only. This document is not an offer and "
        "binds neither party until it has been signed by both parties and dated.",
    )
    write_file(tmp_path / "cover.yaml", OTHER_WORDING)
    assert load_draft_marking(tmp_path) == ("[●]", "")  # no draft section: a blank date, no legend
    other = tmp_path / "other"
    write_file(other / "cover.yaml", OTHER_WORDING + "draft: {date: '[date]', legend: Subject to contract.}\n")
    assert load_draft_marking(other) == ("[date]", "Subject to contract.")
    broken = tmp_path / "broken"
    write_file(broken / "cover.yaml", OTHER_WORDING + "draft: {legend: [a, b]}\n")
    with pytest.raises(LibraryError, match="draft: may have date and legend"):
        load_draft_marking(broken)
