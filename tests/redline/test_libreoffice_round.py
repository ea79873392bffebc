"""A round of negotiation with a counterparty who marks up in LibreOffice Writer.

The contract is rendered by the `contractgen` command; LibreOffice itself (headless, driven through
its UNO bridge by tests/redline/libreoffice_markup.py) opens it, records their changes — words
replaced, a figure, a percentage, words moved, a paragraph added and one deleted — and a comment,
and saves it as Word 2007-365 and as Office Open XML; then the same edits untracked, as their
clean copy. `contractgen import-markup` reads each back and writes the accepted ones to the deal.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from contractgen.pipeline import Workspace, build_deal
from contractgen.redline.markup import paragraph_texts, read_markup
from tests.helpers import FIXTURES, REFERENCE, TESTS, run_contractgen

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EDITS = FIXTURES / "redline" / "libreoffice-markup.json"
AUTHOR = json.loads(EDITS.read_text(encoding="utf-8"))["author"]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _uno_python() -> str | None:
    """A Python that imports LibreOffice's UNO bridge (Debian's python3-uno is for the system Python)."""
    for python in dict.fromkeys(p for p in ("/usr/bin/python3", shutil.which("python3")) if p):
        if subprocess.run([python, "-c", "import uno"], capture_output=True).returncode == 0:
            return python
    return None


def _mark_up_in_libreoffice(folder: Path, deal: Path, edits: Path) -> dict[str, Path]:
    """Render the deal with the `contractgen` command; LibreOffice makes the edits: {deal, ours, word, ooxml, …}."""
    python = _uno_python()
    if SOFFICE is None or python is None:
        pytest.skip("LibreOffice and python3-uno are installed by scripts/install-system-deps.sh")
    rendered = run_contractgen("render", str(deal), "-o", str(folder / "ours"), "--format", "docx")
    assert rendered.returncode == 0, rendered.stderr
    ours = folder / "ours" / f"{deal.stem}.docx"
    made = subprocess.run(
        [python, str(TESTS / "redline" / "libreoffice_markup.py"), str(edits), str(ours), str(folder / "theirs")],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "SOFFICE": SOFFICE},
    )
    assert made.returncode == 0, made.stderr
    return {"deal": deal, "ours": ours, **{p.stem: p for p in (folder / "theirs").glob("*.docx")}}


@pytest.fixture(scope="module")
def marked(tmp_path_factory) -> dict[str, Path]:
    """Our rendered DOCX and LibreOffice's marked-up copies of it: word.docx, ooxml.docx, clean-word.docx."""
    folder = tmp_path_factory.mktemp("libreoffice-round")
    deal = folder / "deal-example.yaml"
    shutil.copy(REFERENCE, deal)
    return _mark_up_in_libreoffice(folder, deal, EDITS)


def _part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        return etree.fromstring(archive.read(name))


def _their_deal(marked: dict[str, Path], tmp_path: Path) -> Path:
    deal = tmp_path / "deal-example.yaml"
    shutil.copy(marked["deal"], deal)
    return deal


def _import(deal: Path, theirs: Path, accept: str) -> tuple[subprocess.CompletedProcess, dict]:
    done = run_contractgen("import-markup", str(deal), str(theirs), "--accept", accept, "--json")
    return done, json.loads(done.stdout) if done.stdout else {}


@pytest.mark.parametrize("saved_as", ["word", "ooxml"])
def test_libreoffice_wrote_the_tracked_changes_and_the_comment(marked, saved_as):
    theirs = marked[saved_as]
    application = _part(theirs, "docProps/app.xml").findtext(
        "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Application"
    )
    assert application.startswith("LibreOffice/")
    body = _part(theirs, "word/document.xml")
    inserted = [m for m in body.iter(W + "ins", W + "moveTo") if m.getparent().tag != W + "rPr"]
    deleted = [m for m in body.iter(W + "del", W + "moveFrom") if m.getparent().tag != W + "rPr"]
    assert {m.get(W + "author") for m in inserted + deleted} == {AUTHOR}
    assert {"".join(m.itertext()) for m in inserted} >= {"reasonable costs", "twice", "within 45 days", "15%"}
    assert {"".join(m.itertext()) for m in deleted} >= {
        "costs and expenses",
        "one and a half times",
        "within 30 days",
        "12%",
    }
    comments = {c.get(W + "author"): "".join(c.itertext()) for c in _part(theirs, "word/comments.xml")}
    assert comments[AUTHOR] == "We cannot accept a cost cap here."
    assert [m for m in _part(marked["ours"], "word/document.xml").iter(W + "ins", W + "del")] == []


def test_their_changes_are_reported_clause_by_clause_with_the_figures_and_the_comment(marked, tmp_path):
    deal = _their_deal(marked, tmp_path)
    before = deal.read_bytes()
    reports = {}
    for saved_as in ("word", "ooxml"):
        done, report = _import(deal, marked[saved_as], "none")
        assert done.returncode == 0, done.stderr
        reports[saved_as] = report
    assert deal.read_bytes() == before  # --accept none writes nothing
    report = reports["word"]
    assert [(c["id"], c["clause"], c["anchor"]) for c in report["changes"]] == [
        ("C1", "invoicing", ""),
        ("C2", "limitation-of-liability", "general-cap"),
        ("C3", "costs", ""),
        ("C4", "counterparts", ""),
        ("C5", "counterparts", ""),
        ("C6", "counterparts", ""),
        ("C7", "service-credits", "at-risk-amount"),
    ]
    assert all(c["authors"] == [AUTHOR] for c in report["changes"])
    assert [v for c in report["changes"] for v in c["values"]] == [
        {"kind": "number", "ours": "30", "theirs": "45"},
        {"kind": "percentage", "ours": "12%", "theirs": "15%"},
    ]
    costs = next(c for c in report["changes"] if c["clause"] == "costs")
    assert ["+", "reasonable"] in costs["words"] and ["-", "and expenses"] in costs["words"]
    added, removed = report["changes"][4], report["changes"][5]
    assert (added["before"], added["after"]) == ("", "Electronic signatures bind the Parties as handwritten ones do.")
    assert (
        removed["before"].startswith("The Parties may sign this Agreement by electronic signature")
        and not (removed["after"])
    )
    assert [(n["clause"], n["author"], n["text"]) for n in report["comments"]] == [
        ("costs", AUTHOR, "We cannot accept a cost cap here.")
    ]
    assert report["differing"] == [c["id"] for c in report["changes"]]
    # the same edits made with tracking off are found by comparing with the render, in the same clauses
    untracked = read_markup(marked["clean-word"].read_bytes(), build_deal(deal, Workspace()).document)
    assert [c.clause for c in untracked.changes] == [
        "invoicing",
        "limitation-of-liability",
        "costs",
        "counterparts",
        "counterparts",
        "service-credits",
    ]
    assert untracked.changes[2].marked() == (
        "Each Party pays its own {+reasonable+} costs [-and expenses-] incurred in negotiating, preparing and "
        "entering into this Agreement."
    )
    assert [c.values() for c in untracked.changes if c.values()] == [
        [("number", "30", "45")],
        [("percentage", "12%", "15%")],
    ]
    # the Office Open XML save reads as the Word 2007-365 one does
    assert [(c["clause"], c["before"], c["after"]) for c in reports["ooxml"]["changes"]] == [
        (c["clause"], c["before"], c["after"]) for c in report["changes"]
    ]


def test_accepting_some_of_them_writes_only_those(marked, tmp_path):
    deal = _their_deal(marked, tmp_path)
    done, report = _import(deal, marked["word"], "C1,C3")
    assert done.returncode == 0, done.stderr
    assert [(v["change"], v["field"], v["theirs"]) for v in report["values"]] == [
        ("C1", "commercials.payment_terms", "45 days")
    ]
    assert report["accepted"] == ["costs"]
    assert report["differing"] == ["C2", "C4", "C5", "C6", "C7"]
    text = deal.read_text(encoding="utf-8")
    assert "payment_terms: 45 days" in text and "at_risk: 12 " in text
    assert "# most of one month's charges at risk, in percent" in text  # the deal's comments kept


def test_accepting_all_renders_their_text_and_leaves_no_redline_against_their_copy(marked, tmp_path):
    deal = _their_deal(marked, tmp_path)
    done, report = _import(deal, marked["ooxml"], "all")
    assert done.returncode == 0, done.stderr
    assert report["differing"] == [] and report["refused"] == []
    assert [(v["field"], v["theirs"]) for v in report["values"]] == [
        ("commercials.payment_terms", "45 days"),
        ("service_levels.service_credits.at_risk", 15),
    ]
    assert report["accepted"] == ["costs", "counterparts", "general-cap"]
    again = run_contractgen("render", str(deal), "-o", str(tmp_path / "again"), "--format", "docx")
    assert again.returncode == 0, again.stderr
    document = build_deal(deal, Workspace()).document
    # their clean copy, saved by LibreOffice, against the new render: nothing differs
    clean = read_markup(marked["clean-word"].read_bytes(), document)
    assert clean.changes == []
    assert read_markup((tmp_path / "again" / "deal-example.docx").read_bytes(), document).changes == []
    counterparts = next(c for _, c in document.iter_clauses() if c.id == "counterparts")
    assert [t for _, t, _ in paragraph_texts(counterparts)][-1] == (
        "Electronic signatures bind the Parties as handwritten ones do."
    )
    # and the same changes read again against the new render have nothing left to accept
    done, again_report = _import(deal, marked["word"], "none")
    assert again_report["differing"] == []


def test_figures_libreoffice_typed_in_a_german_contract_are_written_back_as_deal_values(tmp_path):
    text = REFERENCE.read_text(encoding="utf-8")
    text = re.sub(
        r"(?m)^  locale: en_GB\b", "  locale: de_DE", re.sub(r"(?m)^  currency: GBP\b", "  currency: EUR", text)
    )
    deal = tmp_path / "deal-de.yaml"
    deal.write_text(text, encoding="utf-8")
    marked = _mark_up_in_libreoffice(tmp_path, deal, FIXTURES / "redline" / "libreoffice-markup-de.json")
    done, report = _import(deal, marked["word"], "all")
    assert done.returncode == 0, done.stderr
    assert [v for c in report["changes"] for v in c["values"]] == [
        {"kind": "percentage", "ours": "3%", "theirs": "2,5%"},  # clause 36, before Schedule 3
        {"kind": "amount", "ours": "185.000,00", "theirs": "200.000,00"},
        {"kind": "amount", "ours": "2.220.000,00", "theirs": "2.400.000,00"},
    ]
    assert [(v["field"], v["theirs"]) for v in report["values"]] == [
        ("commercials.indexation.cap", 2.5),
        ("commercials.monthly_charges", 200000),
    ]
    assert report["accepted"] == [] and report["differing"] == []  # values, not overrides: nothing left
    written = deal.read_text(encoding="utf-8")
    assert "  monthly_charges: 200000\n" in written and "overrides:" not in written
    # the monthly charge is a deal value: the Charges clause and the caps derived from it follow it, which
    # their document left as it was; the report says where, and their clean copy differs only there
    (note,) = report["notes"]
    assert note.startswith(
        "commercials.indexation.cap, commercials.monthly_charges: the contract also prints the new value in "
        "clause 33, clause 42 {#data-protection-cap}, clause 42 {#general-cap}, paragraph 5 of Schedule 3 (its "
        "table), which their document left"
    )
    left = read_markup(marked["clean-word"].read_bytes(), build_deal(deal, Workspace()).document).changes
    assert [(c.clause, c.anchor, [(f.old, f.new) for f in c.figures()]) for c in left] == [
        ("charges", "", [(Decimal("200000.00"), Decimal("185000.00")), (Decimal("2400000.00"), Decimal("2220000.00"))]),
        ("limitation-of-liability", "data-protection-cap", [(Decimal("7200000.00"), Decimal("6660000.00"))]),
        ("limitation-of-liability", "general-cap", [(Decimal("3600000.00"), Decimal("3330000.00"))]),
        ("ch-indexation", "", [(Decimal("2.5"), Decimal("3"))]),  # the cap in Schedule 3's table
    ]
    assert all(len(c.figures()) == sum(op == "+" for op, _ in c.words()) for c in left)  # figures, no words


def test_edits_libreoffice_made_on_the_cover_the_signature_page_and_in_a_table_become_deal_values(tmp_path):
    """The cover's address, the signatory's title and a day rate, changed in Writer, tracked and untracked."""
    deal = tmp_path / "deal-example.yaml"
    shutil.copy(REFERENCE, deal)
    marked = _mark_up_in_libreoffice(tmp_path, deal, FIXTURES / "redline" / "libreoffice-markup-places.json")
    for copy in ("clean-word", "word"):
        done, report = _import(deal, marked[copy], "none")
        assert done.returncode == 0, done.stderr
        assert [(c["clause"], c["place"]) for c in report["changes"]] == [
            (":cover", ""),
            (":signatures", ""),
            ("ch-rate-card", "the table's row “Infrastructure Engineer”, column “Day rate”"),
        ]
    done, report = _import(deal, marked["word"], "all")
    assert done.returncode == 0, done.stderr
    assert [(v["field"], v["theirs"]) for v in report["values"]] == [
        ("parties.supplier.address", "Rajiv Gandhi Infotech Park, Hinjewadi Phase 3, Pune 411057, India"),
        ("parties.supplier.signatory.title", "Managing Director"),
        ("commercials.rate_card[1].day_rate", 480),
    ]
    assert report["accepted"] == [] and report["differing"] == []
    # the address prints in the notices clause too, which their copy left as it was: the note says where
    assert any(note.startswith("parties.supplier.address") and "clause" in note for note in report["notes"])
