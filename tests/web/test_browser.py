"""The acceptance flow in a real browser: Playwright drives Debian's Chromium through the workspace.

Open the workspace on a copied sample repository, open a deal, change the monthly charges and see
the preview change, break a date and see the message next to the field, fix it, save (the YAML
keeps its comments), download the DOCX and PDF, compare two rounds and download the redline,
browse a clause's versions and their diff. A screenshot of each page goes to out/test-artefacts/web/.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import socket
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from tests.helpers import CLI, ROOT
from tests.web.conftest import DEAL, git

CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTS = ROOT / "out" / "test-artefacts" / "web"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

playwright_api = pytest.importorskip("playwright.sync_api")
playwright_api.expect.set_options(timeout=60_000)  # a preview render on a busy two-core machine takes seconds
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(web_repo: Path):
    """`contractgen serve` on the repository, through the real entry point."""
    port = _free_port()
    process = subprocess.Popen(
        [*CLI, "serve", str(web_repo), "--port", str(port), "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"contractgen serve stopped: {process.stdout.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.3)
    try:
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _shot(page, name: str) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=False)


def _download(page, selector: str) -> bytes:
    with page.expect_download(timeout=120_000) as info:
        page.click(selector)
    return Path(info.value.path()).read_bytes()


def test_the_workspace_flow_in_chromium(server: str, web_repo: Path):
    from docx import Document
    from pypdf import PdfReader

    expect = playwright_api.expect
    shutil.rmtree(ARTEFACTS, ignore_errors=True)  # this run's screenshots only
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True).new_page()
        page.set_default_timeout(60_000)

        # the workspace and its deals
        page.goto(server + "/")
        expect(page.locator("table.deals")).to_contain_text("deal-example.yaml")
        _shot(page, "1-deals")
        page.click("a.deal-link")
        preview = page.frame_locator("#preview")
        expect(preview.locator("body")).to_contain_text("185,000")
        _shot(page, "2-deal-form")

        # change the monthly charges: the preview follows
        charges = page.locator('[name="commercials.monthly_charges"]')
        charges.fill("90000")
        charges.press("Tab")
        expect(preview.locator("body")).to_contain_text("90,000")
        expect(page.locator("#status")).to_contain_text("preview updated")
        expect(page.locator("#preview")).to_have_attribute("src", re.compile(r"#."))  # opens at the change
        _shot(page, "2b-preview-at-the-change")

        # break a date: the CLI's message appears next to the field
        date = page.locator('[name="contract.effective_date"]')
        date.fill("2027-02-30")
        date.press("Tab")
        problem = page.locator("#p-f-contract_effective_date")
        expect(problem).to_contain_text("must be a real date written YYYY-MM-DD")
        date.evaluate("element => element.scrollIntoView({block: 'center'})")
        _shot(page, "3-problem-next-to-field")
        date.fill("2027-03-01")
        date.press("Tab")
        expect(problem).to_be_empty()
        expect(preview.locator("body")).to_contain_text("1 March 2027")

        # a repeating group: add a service, then remove it again
        services = page.locator("#f-scope_services > fieldset.group")
        expect(services).to_have_count(3)
        page.click("#f-scope_services > button.add")
        expect(services).to_have_count(4)
        page.click("#f-scope_services_3_ button.remove")
        expect(services).to_have_count(3)

        # save: the YAML keeps its comments
        page.click("#save")
        expect(page.locator("#status")).to_contain_text(f"saved {DEAL} (commit ")  # each save is a git commit
        text = (web_repo / DEAL).read_text(encoding="utf-8")
        assert "  monthly_charges: 90000\n" in text and "  effective_date: 2027-03-01\n" in text
        assert "# A deal specification: everything that varies" in text
        assert "locale: en_GB                     # formatting of dates, money and numbers" in text
        _shot(page, "4-saved")

        # downloads of the saved deal
        docx = Document(io.BytesIO(_download(page, "#download-docx")))
        assert any("90,000" in p.text for p in docx.paragraphs) or "90,000" in "".join(
            c.text for t in docx.tables for r in t.rows for c in r.cells
        )
        pdf = PdfReader(io.BytesIO(_download(page, "#download-pdf")))
        assert "90,000" in "".join(page_.extract_text() for page_ in pdf.pages)

        # compare round 1 (the commit) with the saved file, then download the redline
        head = git(web_repo, "rev-list", "--max-parents=0", "HEAD").strip()  # round 1: each save is a commit too
        page.goto(f"{server}/compare/{DEAL}")
        page.select_option("#old", head)
        page.select_option("#new", "saved")
        page.click("#show-redline")
        expect(page.frame_locator("#redline-view").locator("body")).to_contain_text("90,000")
        _shot(page, "5-compare")
        redline = _download(page, "#redline-docx")
        with zipfile.ZipFile(io.BytesIO(redline)) as archive:
            body = archive.read("word/document.xml").decode("utf-8")
        assert "<w:ins " in body and "<w:del " in body
        assert "185,000" in re.sub(r"<[^>]+>", "", body)

        # the clause library: a clause's versions and the diff between two
        page.goto(server + "/clauses")
        _shot(page, "6-clauses")
        page.click('a.clause-link[href="/clauses/limitation-of-liability"]')
        expect(page.locator("table.versions")).to_contain_text("v2")
        expect(page.locator("#clause-text")).not_to_be_empty()
        _shot(page, "7-clause")
        # v1 against the newest: many versions apart, so the diff both removes and adds text
        # (the newest edit alone may only add, as v8 did)
        page.select_option("select[name=a]", "1")
        page.click("#show-diff")
        expect(page.locator("#clause-diff ins").first).to_be_visible()
        expect(page.locator("#clause-diff del").first).to_be_visible()
        _shot(page, "8-clause-diff")
        browser.close()
    assert {
        "1-deals.png",
        "2-deal-form.png",
        "2b-preview-at-the-change.png",
        "3-problem-next-to-field.png",
        "4-saved.png",
        "5-compare.png",
        "6-clauses.png",
        "7-clause.png",
        "8-clause-diff.png",
    } <= {p.name for p in ARTEFACTS.glob("*.png")}


def test_a_round_of_negotiation_in_chromium(server: str, web_repo: Path, tmp_path: Path):
    """Their marked-up DOCX uploaded, two changes accepted and one rejected, the contract downloaded with their text."""
    from docx import Document

    from tests.redline import markup_docx as m
    from tests.web.test_markup_page import their_markup

    expect = playwright_api.expect
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True).new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{server}/edit/{DEAL}")
        ours = _download(page, "#download-docx")  # round 1 as sent to the supplier
        theirs = tmp_path / "supplier-comments.docx"
        theirs.write_bytes(m.mark_up(ours, their_markup))

        page.click("#their-markup")
        page.set_input_files("#markup-file", str(theirs))
        page.click("#markup-read")
        expect(page.locator("h2")).to_have_text("supplier-comments.docx: 3 changes, 1 comment")
        expect(page.locator("#change-C2 del")).to_have_text("and expenses")
        expect(page.locator("#change-C2 ins")).to_have_text("reasonable")
        expect(page.locator("#change-C3")).to_contain_text("percentage changed: 12% → 15%")
        expect(page.locator("#comment-N1")).to_contain_text("We cannot accept a cost cap here.")
        page.check("#accept-C2")
        page.check("#accept-C3")
        _shot(page, "9-their-markup")
        page.click("#markup-accept")
        result = page.locator("#markup-result")
        expect(result).to_contain_text("service_levels.service_credits.at_risk is now 15 (was 12)")
        expect(result).to_contain_text("overrides.costs holds their text")
        expect(result).to_contain_text("Rejected C1")
        _shot(page, "10-markup-accepted")

        text = (web_repo / DEAL).read_text(encoding="utf-8")
        assert "payment_terms: 30 days" in text and "overrides:\n  costs: |" in text
        docx = Document(io.BytesIO(_download(page, "#download-docx")))
        words = "\n".join(p.text for p in docx.paragraphs)
        assert "Each Party pays its own reasonable costs incurred" in words
        assert "The At-Risk Amount is 15% of the Charges" in words
        assert "within 30 days of receiving it" in words  # the change they proposed and we rejected
        page.click("#back-to-deal")
        expect(page.frame_locator("#preview").locator("body")).to_contain_text("reasonable costs incurred")

        # build the saved deal from the page: the deals list then shows its outputs as current
        page.click("#build")
        expect(page.locator("#build-status")).to_contain_text(f"Built {DEAL}: outputs current.", timeout=300_000)
        _shot(page, "10b-built")
        page.goto(server + "/")
        expect(page.locator("table.deals .state")).to_have_text("current")
        browser.close()


def test_own_words_and_two_saves_at_once_in_chromium(server: str, web_repo: Path):
    """A rider and a paragraph override written in the form; two people save at once, the second sees the conflict."""
    expect = playwright_api.expect
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        pages = []
        for _ in range(2):  # two lawyers, each in their own browser session
            page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
            page.set_default_timeout(60_000)
            page.goto(f"{server}/edit/{DEAL}")
            expect(page.frame_locator("#preview").locator("body")).to_contain_text("185,000")
            pages.append(page)
        first, second = pages

        # the first lawyer overrides a paragraph and adds a rider
        first.fill('[name="new:overrides"]', "general-cap")
        first.fill(
            '[name="new-text:overrides"]', "Each Party's liability in a Contract Year is limited to twice the Charges."
        )
        first.click("#f-riders > button.add")
        expect(first.locator('[name="riders[0].after"]')).to_be_visible()
        first.fill('[name="riders[0].title"]', "Earn-back of Service Credits")
        rider = first.locator('[name="riders[0].text"]')
        rider.fill("The Supplier earns back a Service Credit by meeting the Service Level for three months.")
        after = first.locator('[name="riders[0].after"]')
        after.fill("no-such-clause")
        after.press("Tab")
        expect(first.locator("#p-f-riders_0__after")).to_contain_text("no clause or rider 'no-such-clause'")
        expect(after).to_have_css("border-top-color", "rgb(168, 32, 26)")  # red while it shows a problem
        after.fill("service-credits")
        after.press("Tab")
        preview = first.frame_locator("#preview")
        expect(preview.locator("body")).to_contain_text("Earn-back of Service Credits")
        expect(preview.locator("body")).to_contain_text("limited to twice the Charges")
        expect(after).to_have_css("border-top-color", "rgb(184, 194, 204)")  # its problem gone, its border too
        first.locator("#f-riders").scroll_into_view_if_needed()
        _shot(first, "11-rider-and-override")
        first.click("#save")
        expect(first.locator("#status")).to_contain_text(f"saved {DEAL} (commit ")
        text = (web_repo / DEAL).read_text(encoding="utf-8")
        assert "  general-cap: |\n    Each Party's liability" in text and "title: Earn-back of Service Credits" in text

        # the second lawyer, who opened the deal before that save, changes the charges and saves
        charges = second.locator('[name="commercials.monthly_charges"]')
        charges.fill("190000")
        charges.press("Tab")
        expect(second.locator("#status")).to_contain_text("preview updated")
        second.click("#save")
        expect(second.locator("#status")).to_contain_text(re.compile(r"was saved by .+ after you opened it"))
        expect(second.locator("#status")).to_contain_text("merged in the form")
        expect(second.locator('[name="overrides.general-cap"]')).to_have_value(re.compile("twice the Charges"))
        second.locator("#status").scroll_into_view_if_needed()
        _shot(second, "12-merged-after-a-colleague-saved")
        second.click("#save")
        expect(second.locator("#status")).to_contain_text(f"saved {DEAL} (commit ")
        text = (web_repo / DEAL).read_text(encoding="utf-8")
        assert "monthly_charges: 190000" in text and "title: Earn-back of Service Credits" in text

        # both change the same line: the first to save wins, the second is shown both versions
        first.goto(f"{server}/edit/{DEAL}")
        second.goto(f"{server}/edit/{DEAL}")
        for page, amount in ((first, "200000"), (second, "210000")):
            field = page.locator('[name="commercials.monthly_charges"]')
            field.fill(amount)
            field.press("Tab")
            expect(page.locator("#status")).to_contain_text("preview updated")
        first.click("#save")
        expect(first.locator("#status")).to_contain_text(f"saved {DEAL} (commit ")
        second.click("#save")
        conflict = second.locator("#conflict-1")
        expect(conflict.locator("pre.mine")).to_contain_text("monthly_charges: 210000")
        expect(conflict.locator("pre.theirs")).to_contain_text("monthly_charges: 200000")
        second.locator("#conflicts").scroll_into_view_if_needed()
        _shot(second, "13-conflict-both-versions")
        conflict.get_by_label("Take the saved one").check()
        second.click("#use-choices")
        expect(second.locator('[name="commercials.monthly_charges"]')).to_have_value("200000")
        second.click("#save")
        expect(second.locator("#status")).to_contain_text(f"saved {DEAL} (unchanged since its last commit)")
        assert "monthly_charges: 200000" in (web_repo / DEAL).read_text(encoding="utf-8")
        browser.close()


def test_a_signed_deal_looks_read_only_in_chromium(server: str, web_repo: Path):
    """Its Save button is disabled and looks it (not the blue of a button that works); no Build button."""
    path = web_repo / DEAL
    path.write_text("status: signed\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    expect = playwright_api.expect
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{server}/edit/{DEAL}")
        save = page.locator("#save")
        expect(save).to_be_disabled()
        expect(save).not_to_have_css("background-color", "rgb(31, 95, 168)")  # the working button's blue
        expect(save).to_have_css("cursor", "not-allowed")
        expect(page.locator("#build")).to_have_count(0)
        expect(page.locator("#warning-links summary")).not_to_contain_text("can be saved")
        _shot(page, "14-signed-read-only")
        browser.close()
