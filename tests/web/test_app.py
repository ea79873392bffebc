"""The deal form through HTTP: problems next to their field in the CLI's words, save, repeating groups,
rounds from git, coverage and the clause library."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers import REFERENCE
from tests.web.conftest import DEAL, git
from tests.web.forms import form_values


def _problems_of(page: str, name: str) -> list[str]:
    ident = "f-" + re.sub(r"[^A-Za-z0-9_-]", "_", name)
    found = re.search(rf'<div class="problems" id="p-{ident}"[^>]*>(.*?)</div>', page, re.S)
    return re.findall(r'<p class="problem">(.*?)</p>', found.group(1)) if found else []


def test_a_bad_date_is_reported_next_to_its_field_then_fixed_and_saved(client, web_repo: Path):
    values = form_values(client.get(f"/edit/{DEAL}").text)
    values["contract.effective_date"] = "2027-02-30"
    page = client.post(f"/check/{DEAL}", data=values).text
    assert _problems_of(page, "contract.effective_date") == [
        "must be a real date written YYYY-MM-DD (got &#39;2027-02-30&#39;)"
    ]
    assert "/preview/" not in page
    values["contract.effective_date"] = "2027-03-01"
    values["commercials.monthly_charges"] = "90000"
    page = client.post(f"/check/{DEAL}", data=values).text
    assert _problems_of(page, "contract.effective_date") == []
    assert 'id="preview"' in page
    preview = client.get(re.search(r'src="(/preview/\w+)', page).group(1)).text
    assert "1 March 2027" in preview
    saved = client.post(f"/save/{DEAL}", data=values, headers={"hx-request": "true"})
    assert saved.status_code == 200 and "saved deals/deal-example.yaml" in saved.text
    text = (web_repo / DEAL).read_text(encoding="utf-8")
    assert "  effective_date: 2027-03-01\n" in text and "  monthly_charges: 90000\n" in text
    assert "# A deal specification: everything that varies" in text
    diff = git(web_repo, "show", "--numstat", "--format=", "HEAD")  # the save is committed, changing 2 lines
    assert diff.split() == ["2", "2", DEAL]


def test_a_rule_problem_lands_on_its_group(client):
    values = form_values(client.get(f"/edit/{DEAL}").text)
    values["service_levels.availability[0].service"] = "NOPE"
    page = client.post(f"/check/{DEAL}", data=values).text
    assert any("NOPE" in p for p in _problems_of(page, "service_levels.availability[0].service"))


def test_services_can_be_added_and_removed(client):
    values = form_values(client.get(f"/edit/{DEAL}").text)
    page = client.post(f"/form/{DEAL}", data={**values, "_op": "add:scope.services"}).text
    assert 'name="scope.services[3].name"' in page
    values = form_values(page)
    page = client.post(f"/form/{DEAL}", data={**values, "_op": "remove:scope.services[0]"}).text
    assert 'name="scope.services[3].name"' not in page
    assert form_values(page)["scope.services[0].id"] == "INF"


def test_compare_rounds_from_git(client, web_repo: Path):
    path = web_repo / DEAL
    path.write_text(
        path.read_text(encoding="utf-8").replace("monthly_charges: 185000", "monthly_charges: 90000"), encoding="utf-8"
    )
    page = client.get(f"/compare/{DEAL}").text
    head = git(web_repo, "rev-parse", "HEAD").strip()
    assert f'value="{head}"' in page
    page = client.get(f"/compare/{DEAL}?old={head}&new=saved").text
    view = re.search(r'src="(/preview/\w+)', page).group(1)
    redline = client.get(view).text
    assert "<del>185,000" in redline or "<del>£185,000" in redline
    assert 'href="/redline/docx/' in page


def test_the_clause_library_shows_versions_text_and_diff(client):
    listing = client.get("/clauses").text
    clauses = re.findall(r'class="clause-link" href="/clauses/([a-z0-9-]+)"', listing)
    clause = "parties"  # a clause every deal uses (the first in the list may be one only some deals use)
    assert clause in clauses and len(clauses) > 50
    page = client.get(f"/clauses/{clause}").text
    assert 'id="clause-text"' in page and "v1" in page
    assert "deals/deal-example.yaml" in page  # the deal that uses it
    assert client.get(f"/clauses/{clause}/diff?a=1&b=1").status_code == 200
    assert client.get(f"/clauses/{clause}?v=99").status_code == 404


def test_coverage_checklist(client):
    page = client.get(f"/coverage/{DEAL}").text
    assert "needed items covered" in page and "clause " in page


def test_a_new_deal_starts_from_an_existing_one(client, web_repo: Path):
    token = form_values(client.get("/").text)["csrf_token"]
    response = client.post(
        "/new", data={"csrf_token": token, "name": "acme-2027", "sample": DEAL}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == "/edit/deals/acme-2027.yaml"
    assert (web_repo / "deals/acme-2027.yaml").read_bytes() == (web_repo / DEAL).read_bytes()
    again = client.post("/new", data={"csrf_token": token, "name": "acme-2027", "sample": DEAL})
    assert again.status_code == 400 and "already exists" in again.text


def test_a_key_the_form_has_no_field_for_is_fixed_in_the_yaml_source(client, web_repo: Path):
    path = web_repo / DEAL
    path.write_text(
        path.read_text(encoding="utf-8").replace("  monthly_charges: 185000", "  monthly_charge: 185000"),
        encoding="utf-8",
    )
    page = client.get(f"/edit/{DEAL}").text
    assert any("unknown field &#39;monthly_charge&#39;" in p for p in _problems_of(page, "commercials"))
    values = form_values(page)
    assert "  monthly_charge: 185000" in values["_yaml_source"]
    values["_yaml_source"] = values["_yaml_source"].replace("  monthly_charge: 185000", "  monthly_charges: 175000")
    page = client.post(f"/form/{DEAL}", data={**values, "_op": "yaml"}).text
    assert _problems_of(page, "commercials") == []
    assert form_values(page)["commercials.monthly_charges"] == "175000"
    values = form_values(page)
    values["_yaml_source"] = "a: &anchor 1\n"
    page = client.post(f"/form/{DEAL}", data={**values, "_op": "yaml"}).text
    assert "the YAML was not applied" in page and "anchors" in page
    assert form_values(page)["commercials.monthly_charges"] == "175000"


def test_the_deals_list_says_whether_the_outputs_are_current(web_repo: Path):
    from contractgen.repo.build import run_build
    from contractgen.repo.config import load_config
    from contractgen.web.app import create_app
    from tests.web.conftest import make_test_client_class

    settings = web_repo / "contractgen.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace('formats = ["docx", "pdf"]', 'formats = ["docx"]'),
        encoding="utf-8",
    )  # DOCX only: the build is quicker
    client = make_test_client_class()(create_app(web_repo, workers=0), base_url="http://127.0.0.1")
    assert "never built" in client.get("/").text
    run_build(load_config(web_repo), jobs=1, progress=False)
    page = client.get("/").text
    assert 'class="state state-current"' in page and "UTC" in page  # current, with the time of the last build
    path = web_repo / DEAL
    path.write_text(
        path.read_text(encoding="utf-8").replace("monthly_charges: 185000", "monthly_charges: 90000"), encoding="utf-8"
    )
    page = client.get("/").text
    assert 'class="state state-out-of-date"' in page and "deal file changed" in page


def test_the_clause_diff_marks_words():
    from contractgen.web.library_pages import text_diff

    rows = text_diff("The Supplier shall pay.\nKept line.\n", "The Client shall pay promptly.\nKept line.\nNew line.\n")
    assert rows[0] == (
        "chg",
        [
            ("same", "The "),
            ("del", "Supplier"),
            ("ins", "Client"),
            ("same", " shall pay"),
            ("ins", " promptly"),
            ("same", "."),
        ],
    )
    assert rows[1:] == [("same", [("same", "Kept line.")]), ("ins", [("ins", "New line.")])]


def test_a_round_is_recorded_as_a_commit_of_the_deal_alone(client, web_repo: Path):
    token = form_values(client.get(f"/compare/{DEAL}").text)["csrf_token"]
    (web_repo / "notes.txt").write_text("not part of the round\n", encoding="utf-8")
    path = web_repo / DEAL
    path.write_text(
        path.read_text(encoding="utf-8").replace("monthly_charges: 185000", "monthly_charges: 90000"), encoding="utf-8"
    )
    response = client.post(
        f"/round/{DEAL}", data={"csrf_token": token, "message": "Round 2 sent to the supplier"}, follow_redirects=False
    )
    assert response.status_code == 303
    assert git(web_repo, "log", "-1", "--format=%s").strip() == "Round 2 sent to the supplier"
    assert git(web_repo, "show", "--name-only", "--format=", "HEAD").split() == [DEAL]
    assert "Round 2 sent to the supplier" in client.get(f"/compare/{DEAL}").text
    again = client.post(f"/round/{DEAL}", data={"csrf_token": token, "message": "Round 2 again"})
    assert again.status_code == 400 and "already recorded" in again.text


def test_a_signed_deal_is_not_saved(client, web_repo: Path):
    path = web_repo / DEAL
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "template: it-outsourcing", "status: signed\ntemplate: it-outsourcing", 1
        ),
        encoding="utf-8",
    )
    before = path.read_bytes()
    page = client.get(f"/edit/{DEAL}").text
    assert "this contract is frozen" in page
    values = form_values(page)
    values["commercials.monthly_charges"] = "90000"
    response = client.post(f"/save/{DEAL}", data=values, headers={"hx-request": "true"})
    assert response.status_code == 409 and "is signed" in response.text
    assert path.read_bytes() == before


def test_the_clause_page_shows_who_approved_a_version(client, web_repo: Path):
    path = web_repo / "clauses/risk/limitation-of-liability/v1.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("\nstatus:", "\napproved_by: Head of Legal <b>HL</b>\napproved_on: 2026-10-01\nstatus:", 1),
        encoding="utf-8",
    )
    page = client.get("/clauses/limitation-of-liability").text
    assert "approved by Head of Legal &lt;b&gt;HL&lt;/b&gt; on 2026-10-01" in page


def test_the_preview_opens_where_the_change_is():
    from contractgen.web.app import first_change_anchor

    old = '<head>x</head><body><h2 id="parties">P</h2><p>a</p><h2 id="charges">C</h2><p>100</p></body>'
    new = '<head>y</head><body><h2 id="parties">P</h2><p>a</p><h2 id="charges">C</h2><p>200</p></body>'
    assert first_change_anchor(old, new) == "charges"
    assert first_change_anchor(old, old) == ""


def test_a_drafting_note_is_shown_beside_its_field_and_the_preview_still_renders(client):
    values = form_values(client.get(f"/edit/{DEAL}").text)
    values["service_levels.incident_priorities[3].resolution"] = "when the fix is deployed to production"
    page = client.post(f"/check/{DEAL}", data=values).text
    ident = "f-" + re.sub(r"[^A-Za-z0-9_-]", "_", "service_levels.incident_priorities[3].resolution")
    box = re.search(rf'<div class="problems" id="p-{ident}"[^>]*>(.*?)</div>', page, re.S).group(1)
    notes = re.findall(r'<p class="drafting-note">(.*?)</p>', box)
    assert len(notes) == 1 and "when the fix is deployed to production" in notes[0]
    assert "[note resolution:when-the-fix-is-deployed-to-production]" in notes[0]
    # the reference deal's own notes (a bank by its name, criticality not stated, no agent for service of
    # process for the Indian supplier before the English courts …) and the new one
    from contractgen.deal import load_deal

    own = len(load_deal(REFERENCE).notes)
    assert own >= 3
    assert 'id="preview"' in page and f"{own + 1} drafting note(s) beside their fields" in page
