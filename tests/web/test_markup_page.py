"""The counterparty's markup through HTTP: upload their DOCX, see changes and comments, accept two, reject one."""

from __future__ import annotations

import re
from pathlib import Path

from tests.redline import markup_docx as m
from tests.web.conftest import DEAL, git

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def their_markup(root):
    """What the supplier's counsel did in Word: a percentage, a cost wording, a move, and a comment."""
    m.replace_words(m.paragraph(root, "at_risk_amount"), "12%", "15%", 900)
    m.replace_words(m.paragraph(root, "costs", 1), "costs and expenses", "reasonable costs", 910)
    m.replace_words(m.paragraph(root, "invoicing", 2), "30 days", "60 days", 920)
    return [m.comment(m.paragraph(root, "costs", 1), "We cannot accept a cost cap here.", 1)]


def _csrf(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def _hidden(page: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', page).group(1)


def _upload(client, data: bytes, name: str = "theirs.docx"):
    page = client.get(f"/markup/{DEAL}").text
    return client.post(f"/markup-read/{DEAL}", data={"csrf_token": _csrf(page)}, files={"file": (name, data, DOCX)})


def test_their_changes_are_shown_and_two_accepted_one_rejected(client, web_repo: Path):
    ours = client.get(f"/download/docx/{DEAL}").content
    read = _upload(client, m.mark_up(ours, their_markup))
    assert read.status_code == 200, read.text
    page = read.text
    assert "theirs.docx: 3 changes, 1 comment" in page
    assert "<del>and expenses</del>" in page and "<ins>reasonable</ins>" in page
    assert "percentage changed: 12% → 15%" in page
    assert "We cannot accept a cost cap here." in page and "Counsel for the Supplier" in page
    ids = re.findall(r'name="accept" value="(C\d)"', page)
    assert ids == ["C1", "C2", "C3"]  # invoicing (clause 34), costs (clause 63), service credits (a schedule)
    before = (web_repo / DEAL).read_text(encoding="utf-8")
    done = client.post(
        f"/markup-accept/{DEAL}",
        data={
            "csrf_token": _csrf(page),
            "_upload": _hidden(page, "_upload"),
            "_base": _hidden(page, "_base"),
            "accept": ["C2", "C3"],
        },
    )
    assert done.status_code == 200, done.text
    assert "the deal's <code>service_levels.service_credits.at_risk</code> is now 15 (was 12)" in done.text
    assert "Accepted C2: <code>overrides.costs</code> holds their text" in done.text
    assert "Rejected C1 (clause 34): the deal keeps its text" in done.text  # the id and where it is
    assert "Against their document, the contract now differs in C1 only (the changes rejected)." in done.text
    assert git(web_repo, "log", "-1", "--format=%s").strip() == f"Saved in the web workspace: {DEAL}"
    assert f"saved {DEAL} (commit " in done.text  # accepting is a save: committed like one
    after = (web_repo / DEAL).read_text(encoding="utf-8")
    assert "payment_terms: 30 days" in after  # rejected
    assert re.search(r"\n    at_risk: 15 +# ", after)  # the comment beside the value kept
    assert after.split("\nclauses:")[0].replace("at_risk: 15", "at_risk: 12") == before.split("\nclauses:")[0]
    from contractgen.redline.markup import read_markup  # the saved deal now renders their accepted text
    from tests.redline.test_import_markup import _render

    _, document = _render(web_repo / DEAL)
    again = read_markup(m.mark_up(m.mark_up(ours, their_markup), m.accept_all), document)
    assert [c.clause for c in again.changes] == ["invoicing"]  # only the rejected change still differs


def test_a_stale_deal_or_a_file_that_is_not_a_docx_is_refused_in_the_page(client, web_repo: Path):
    bad = _upload(client, b"not a zip", "notes.docx")
    assert bad.status_code == 422 and "not a DOCX file (not a zip archive)" in bad.text
    ours = client.get(f"/download/docx/{DEAL}").content
    page = _upload(client, m.mark_up(ours, their_markup)).text
    path = web_repo / DEAL
    path.write_text(path.read_text(encoding="utf-8").replace("payment_terms: 30 days", "payment_terms: 45 days"))
    stale = client.post(
        f"/markup-accept/{DEAL}",
        data={
            "csrf_token": _csrf(page),
            "_upload": _hidden(page, "_upload"),
            "_base": _hidden(page, "_base"),
            "accept": ["C2"],
        },
    )
    assert stale.status_code == 409 and "was saved by someone else after you opened it" in stale.text
    assert "overrides" not in path.read_text(encoding="utf-8").split("\nclauses:")[-1]


def test_accepting_needs_the_csrf_token(client):
    refused = client.post(f"/markup-accept/{DEAL}", data={"_upload": "x", "accept": ["C1"]})
    assert refused.status_code == 403


def test_accepting_every_change_leaves_an_empty_redline_against_their_document(client, web_repo: Path):
    ours = client.get(f"/download/docx/{DEAL}").content
    page = _upload(client, m.mark_up(ours, their_markup)).text
    done = client.post(
        f"/markup-accept/{DEAL}",
        data={
            "csrf_token": _csrf(page),
            "_upload": _hidden(page, "_upload"),
            "_base": _hidden(page, "_base"),
            "accept": ["C1", "C2", "C3"],
        },
    )
    assert done.status_code == 200, done.text
    assert "the contract now reads word for word as theirs: an empty redline" in done.text
    assert "payment_terms: 60 days" in (web_repo / DEAL).read_text(encoding="utf-8")


def test_an_ambiguous_figure_is_shown_with_both_readings_and_not_accepted(client, web_repo: Path):
    path = web_repo / DEAL
    swiss = re.sub(r"(?m)^  currency: GBP\b", "  currency: CHF", path.read_text(encoding="utf-8"))
    path.write_text(re.sub(r"(?m)^  locale: en_GB\b", "  locale: de_CH", swiss), encoding="utf-8")
    git(web_repo, "commit", "-qam", "Swiss francs")
    ours = client.get(f"/download/docx/{DEAL}").content
    theirs = m.mark_up(
        ours, lambda root: m.replace_words(m.paragraph(root, "ch_fixed_monthly"), "185’000.00", "200.000", 900)
    )
    page = _upload(client, theirs).text
    assert "amount changed: 185’000.00 → 200.000" in page
    assert re.search(r"<span class=\"problem\">\(&#39;200.000&#39; can be read two ways: CHF 200000 ", page)
    before = path.read_bytes()
    done = client.post(
        f"/markup-accept/{DEAL}",
        data={
            "csrf_token": _csrf(page),
            "_upload": _hidden(page, "_upload"),
            "_base": _hidden(page, "_base"),
            "accept": ["C1"],
        },
    )
    assert done.status_code == 422
    assert "not accepted: C1: paragraph 1 of Schedule 3: &#39;200.000&#39; can be read two ways" in done.text
    assert path.read_bytes() == before


def test_a_renamed_defined_term_is_flagged_in_the_page(client):
    ours = client.get(f"/download/docx/{DEAL}").content

    def rename(root):
        definition = next(
            p
            for p in root.iter(f"{{{m.W}}}p")
            if "“Client Data” means" in "".join(t.text or "" for t in p.iter(f"{{{m.W}}}t"))
        )
        m.replace_words(definition, "Client", "Customer", 900)

    page = _upload(client, m.mark_up(ours, rename)).text
    assert re.search(r'id="term-note-1">C1: clause 3 renames the defined term “Client Data” to “Customer Data”', page)
