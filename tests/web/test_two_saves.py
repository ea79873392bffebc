"""Two people save the same deal: the second is shown the conflict, with both versions, and can merge."""

from __future__ import annotations

import re
from pathlib import Path

from tests.web.conftest import DEAL
from tests.web.forms import form_values


def _their_save(web_repo: Path, old: str, new: str) -> None:
    path = web_repo / DEAL
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def _save(client, values):
    return client.post(f"/save/{DEAL}", data=values, headers={"hx-request": "true"})


def test_changes_to_different_lines_are_merged_and_saved_on_the_second_save(client, web_repo: Path):
    values = form_values(client.get(f"/edit/{DEAL}").text)
    _their_save(web_repo, "payment_terms: 30 days", "payment_terms: 45 days")  # a colleague saved meanwhile
    values["commercials.monthly_charges"] = "190000"
    refused = _save(client, values)
    assert refused.status_code == 409
    assert "Their changes and yours touch different lines and are merged in the form" in refused.text
    merged = form_values(refused.text)
    assert merged["commercials.payment_terms"] == "45 days" and merged["commercials.monthly_charges"] == "190000"
    saved = _save(client, merged)
    assert saved.status_code == 200 and f"saved {DEAL}" in saved.text
    text = (web_repo / DEAL).read_text(encoding="utf-8")
    assert "payment_terms: 45 days" in text and "monthly_charges: 190000" in text


def test_a_change_to_the_same_line_is_shown_with_both_versions(client, web_repo: Path):
    values = form_values(client.get(f"/edit/{DEAL}").text)
    _their_save(web_repo, "monthly_charges: 185000", "monthly_charges: 180000")
    _their_save(web_repo, "payment_terms: 30 days", "payment_terms: 45 days")
    values["commercials.monthly_charges"] = "190000"
    refused = _save(client, values)
    assert refused.status_code == 409 and "who changed 1 of the lines you changed" in refused.text
    panel = re.search(r'<section id="conflicts".*?</section>', refused.text, re.S).group(0)
    mine = re.search(r'<pre class="mine">(.*?)</pre>', panel, re.S).group(1)
    theirs = re.search(r'<pre class="theirs">(.*?)</pre>', panel, re.S).group(1)
    assert "monthly_charges: 190000" in mine and "monthly_charges: 180000" in theirs
    merged = form_values(refused.text)
    assert merged["commercials.monthly_charges"] == "190000" and merged["commercials.payment_terms"] == "45 days"
    # taking their version of the conflicting lines keeps their other change too
    taken = client.post(f"/form/{DEAL}", data={**merged, "_op": "yaml", "_yaml_source": _theirs_text(refused.text)})
    assert form_values(taken.text)["commercials.monthly_charges"] == "180000"
    assert _save(client, form_values(taken.text)).status_code == 200
    text = (web_repo / DEAL).read_text(encoding="utf-8")
    assert "monthly_charges: 180000" in text and "payment_terms: 45 days" in text


def _theirs_text(page: str) -> str:
    import html
    import json

    vals = re.search(r"id=\"take-theirs\" hx-post=\"[^\"]+\" hx-vals='([^']*)'", page).group(1)
    return json.loads(html.unescape(vals))["_yaml_source"]


def test_each_conflict_is_settled_on_its_own(client, web_repo: Path):
    values = form_values(client.get(f"/edit/{DEAL}").text)
    _their_save(web_repo, "monthly_charges: 185000", "monthly_charges: 180000")
    _their_save(web_repo, "reference: NWB-ITO-2027-014", "reference: NWB-ITO-2027-099")
    values["commercials.monthly_charges"] = "190000"
    values["contract.reference"] = "NWB-ITO-2027-015"
    refused = _save(client, values)
    assert refused.status_code == 409 and "who changed 2 of the lines you changed" in refused.text
    panel = re.search(r'<section id="conflicts".*?</section>', refused.text, re.S).group(0)
    assert panel.count('type="radio" name="_choice-0"') == 2 and panel.count('type="radio" name="_choice-1"') == 2
    merged = form_values(refused.text)
    # the reference (first in the file): the saved one; the monthly charges: this person's
    chosen = {**merged, "_op": "resolve", "_choice-0": "theirs", "_choice-1": "mine"}
    settled = form_values(client.post(f"/form/{DEAL}", data=chosen).text)
    assert settled["contract.reference"] == "NWB-ITO-2027-099"
    assert settled["commercials.monthly_charges"] == "190000"
    assert _save(client, settled).status_code == 200
    text = (web_repo / DEAL).read_text(encoding="utf-8")
    assert "reference: NWB-ITO-2027-099" in text and "monthly_charges: 190000" in text and "<<<<<<<" not in text


def test_the_refusal_names_who_saved_when_git_knows(client, web_repo: Path):
    """A colleague's save committed by the workspace is named; a hand edit since the last commit is 'someone else'."""
    from tests.web.conftest import git

    mine = form_values(client.get(f"/edit/{DEAL}").text)
    _their_save(web_repo, "payment_terms: 30 days", "payment_terms: 45 days")
    git(web_repo, "commit", "-qam", "Bea's save")  # committed as conftest's git identity, "Test Lawyer"
    mine["commercials.monthly_charges"] = "190000"
    refused = _save(client, mine)
    assert re.search(r"was saved by Test Lawyer at \d\d:\d\d UTC after you opened it", refused.text)
    _their_save(web_repo, "monthly_charges: 185000", "monthly_charges: 180000")  # by hand, not committed
    stale = form_values(refused.text)
    stale["commercials.monthly_charges"] = "175000"
    answer = _save(client, stale)
    assert answer.status_code == 409 and "was saved by someone else after you opened it" in answer.text
