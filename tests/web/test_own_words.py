"""The deal's own words in the form: riders added, overrides written in their own boxes and kept as written."""

from __future__ import annotations

import re
from pathlib import Path

from tests.web.conftest import DEAL
from tests.web.forms import form_values

TWO_PARAGRAPHS = (
    "This Agreement may be signed in counterparts, each an original.\n\n"
    "Signatures exchanged electronically bind the Parties as handwritten ones do.\n"
)


def _with_override(web_repo: Path) -> str:
    path = web_repo / DEAL
    text = path.read_text(encoding="utf-8").replace(
        "\nclauses:",
        "\noverrides:\n  counterparts: |\n"
        + "".join(f"    {line}\n" if line else "\n" for line in TWO_PARAGRAPHS.splitlines())
        + "clauses:",
        1,
    )
    path.write_text(text, encoding="utf-8")
    return text


def test_an_override_of_two_paragraphs_survives_the_form_unchanged(client, web_repo: Path):
    text = _with_override(web_repo)
    page = client.get(f"/edit/{DEAL}").text
    assert '<textarea id="f-overrides_counterparts" name="overrides.counterparts"' in page
    values = form_values(page)
    assert values["overrides.counterparts"] == TWO_PARAGRAPHS
    saved = client.post(f"/save/{DEAL}", data=values, headers={"hx-request": "true"})
    assert saved.status_code == 200 and f"saved {DEAL}" in saved.text
    assert (web_repo / DEAL).read_text(encoding="utf-8") == text


def test_a_lawyer_overrides_a_paragraph_and_adds_a_rider_in_the_form(client, web_repo: Path):
    values = form_values(client.get(f"/edit/{DEAL}").text)
    values["new:overrides"] = "general-cap"
    values["new-text:overrides"] = "Each Party's total liability in a Contract Year is limited to twice the Charges."
    page = client.post(f"/form/{DEAL}", data={**values, "_op": "add:riders"}).text
    values = form_values(page)
    assert values["overrides.general-cap"].startswith("Each Party's total liability in a Contract Year")
    values["riders[0].after"] = "service-credits"
    values["riders[0].title"] = "Earn-back of Service Credits"
    values["riders[0].text"] = "The Supplier earns back a Service Credit by meeting the Service Level for three months."
    checked = client.post(f"/check/{DEAL}", data=values).text
    assert "valid: preview updated" in checked, re.findall(r'<p class="problem">(.*?)</p>', checked)
    preview = client.get(re.search(r'src="(/preview/\w+)', checked).group(1)).text
    assert "twice the Charges" in preview and "Earn-back of Service Credits" in preview
    saved = client.post(f"/save/{DEAL}", data=values, headers={"hx-request": "true"})
    assert f"saved {DEAL}" in saved.text
    text = (web_repo / DEAL).read_text(encoding="utf-8")
    assert "  general-cap: |\n    Each Party's total liability in a Contract Year" in text
    assert "title: Earn-back of Service Credits" in text


def test_an_override_emptied_in_the_form_is_removed(client, web_repo: Path):
    _with_override(web_repo)
    values = form_values(client.get(f"/edit/{DEAL}").text)
    values["overrides.counterparts"] = ""
    client.post(f"/save/{DEAL}", data=values, headers={"hx-request": "true"})
    assert "counterparts: |" not in (web_repo / DEAL).read_text(encoding="utf-8")


def test_problems_are_listed_at_the_top_as_links_to_their_fields(client):
    values = form_values(client.get(f"/edit/{DEAL}").text)
    values["contract.effective_date"] = "2027-02-30"
    values["riders[0].after"] = "service-credits"  # a rider without its title and text
    page = client.post(f"/form/{DEAL}", data={**values, "_op": "add:riders"}).text
    page = client.post(f"/check/{DEAL}", data={**form_values(page), "riders[0].after": "service-credits"}).text
    links = re.search(r'<nav id="problem-links".*?</nav>', page, re.S).group(0)
    assert "3 problems to fix before saving" in links, links
    assert (
        '<a href="#f-contract_effective_date">Effective date</a> <code>contract.effective_date</code>: must be a real'
        in links
    )
    assert '<a href="#f-riders_0__title">Title</a> <code>riders[0].title</code>: is required' in links


def test_a_signed_deal_opens_read_only(client, web_repo: Path):
    path = web_repo / DEAL
    path.write_text("status: signed\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    page = client.get(f"/edit/{DEAL}").text
    assert '<fieldset class="sections" disabled aria-label="Signed: read only">' in page
    assert re.search(r'<button type="submit" class="primary" id="save"[^>]* disabled', page)


def test_the_form_reads_in_the_contracts_order_and_its_sections_show_their_problems(client):
    page = client.get(f"/edit/{DEAL}").text
    titles = re.findall(r'<details open class="section" id="section-\d+"><summary>([^<]*)</summary>', page)
    assert titles[:3] == [
        "The contract: title, dates, governing law, status",
        "Who signs: the parties and any guarantor",
        "What is delivered, and from where",
    ]
    assert "Law and disputes" in titles and titles[-1] == "This deal&#39;s own words: riders and overrides"
    values = form_values(page)
    values["commercials.payment_terms"] = "end of month"  # which month is not clear: refused
    checked = client.post(f"/check/{DEAL}", data=values).text
    nav = re.search(r'<nav class="sections-nav".*?</nav>', checked, re.S).group(0)
    assert re.search(r'<a href="#section-\d+" class="bad">What it costs \(1\)</a>', nav), nav


def test_an_uploaded_deal_with_problems_is_refused_with_them_and_not_written(client, web_repo: Path):
    token = form_values(client.get("/").text)["csrf_token"]
    bad = (
        (web_repo / DEAL)
        .read_text(encoding="utf-8")
        .replace("effective_date: 2027-02-01", "effective_date: 2027-02-30")
    )
    response = client.post(
        "/upload",
        data={"csrf_token": token, "name": "up-bad"},
        files={"file": ("bad.yaml", bad.encode("utf-8"), "application/yaml")},
    )
    assert response.status_code == 400
    assert "not uploaded: the deal has problems to fix first" in response.text
    assert "contract.effective_date: must be a real date written YYYY-MM-DD" in response.text
    assert not (web_repo / "deals/up-bad.yaml").exists()


def _problems_of(page: str, field_id: str) -> list[str]:
    """The problems shown beside one field (in its own problems box)."""
    box = re.search(r'<div class="problems" id="p-' + field_id + r'"[^>]*>(.*?)</div>', page, re.S).group(1)
    return re.findall(r'<p class="problem">(.*?)</p>', box)


def _field_class(page: str, field_id: str) -> str:
    return re.search(r'<div class="(field[^"]*)">\s*<label for="' + field_id + '"', page).group(1)


def test_a_riders_problems_are_shown_on_its_own_fields(client, web_repo: Path):
    opened = form_values(client.get(f"/edit/{DEAL}").text)
    values = form_values(client.post(f"/form/{DEAL}", data={**opened, "_op": "add:riders"}).text)
    values["riders[0].after"] = "no-such-clause"
    values["riders[0].title"] = "Earn-back of Service Credits"
    values["riders[0].text"] = "The Supplier earns back a Service Credit."
    checked = client.post(f"/check/{DEAL}", data=values).text
    assert _problems_of(checked, "f-riders_0__after") == [
        "no clause or rider &#39;no-such-clause&#39; in this contract"
    ]
    assert '<a href="#f-riders_0__after">' in checked  # the problem at the top links to the field
    refused = client.post(f"/save/{DEAL}", data=values, headers={"hx-request": "true"})
    assert refused.status_code == 422 and _field_class(refused.text, "f-riders_0__after") == "field invalid"
    values["riders[0].after"] = "service-credits"
    values["riders[0].text"] = "The Supplier earns back {{ no_such_value }}."
    checked = client.post(f"/check/{DEAL}", data=values).text
    assert _problems_of(checked, "f-riders_0__text") == [
        "undefined: &#39;no_such_value&#39; is undefined (line 1 of the text)"
    ]
    assert _problems_of(checked, "f-riders_0__after") == [] and _problems_of(checked, "f-riders_0_") == []
    refused = client.post(f"/save/{DEAL}", data=values, headers={"hx-request": "true"})
    assert _field_class(refused.text, "f-riders_0__text") == "field invalid"
    assert _field_class(refused.text, "f-riders_0__after") == "field"


def test_build_warnings_are_listed_above_the_form_as_links_not_crammed_into_the_status_line(client):
    """The reference deal's three support-hours warnings: each a link to its field, the status line one short sentence."""
    page = client.get(f"/edit/{DEAL}").text
    status = re.search(r'<span id="status"[^>]*>(.*?)</span>', page, re.S).group(1)
    assert "warning:" not in status and "3 warnings to check, listed above the form" in status
    listed = re.search(r'<details id="warning-links".*?</details>', page, re.S).group(0)
    assert "hidden" not in listed.split(">")[0]
    for index in range(3):
        assert f'href="#f-scope_services_{index}__support_hours"' in listed
    assert listed.count("<li>") == 3 and "but no Delivery Centre works" in listed
