"""A clause page renders the clause with a chosen deal's values (the build's sandbox, escaped in the page), and
shows its Markdown-with-Jinja source on demand."""

from __future__ import annotations

import re
from pathlib import Path

from tests.web.conftest import DEAL


def _rendered(page: str) -> str:
    return re.search(r'<pre class="clause-rendered" id="clause-rendered">(.*?)</pre>', page, re.S).group(1)


def test_a_clause_is_shown_with_the_chosen_deals_values(client):
    page = client.get(f"/clauses/charges?deal={DEAL}").text
    text = _rendered(page)
    assert "185,000" in text and "{{" not in text and "{%" not in text
    assert f'<option value="{DEAL}" selected>' in page
    source = re.search(r'<details id="clause-source">.*?</details>', page, re.S).group(0)  # closed: on demand
    assert "{{ commercials.monthly_charges | money }}" in source


def test_the_deals_text_is_escaped_in_the_page(client, web_repo: Path):
    path = web_repo / DEAL
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: Service Desk", "name: Service <b>Desk</b>", 1), encoding="utf-8")
    page = client.get(f"/clauses/svc-descriptions?deal={DEAL}").text
    assert "Service &lt;b&gt;Desk&lt;/b&gt;" in _rendered(page) and "<b>Desk</b>" not in page


def test_without_a_deal_the_source_is_open_and_a_deal_not_in_the_list_is_refused(client):
    page = client.get("/clauses/charges?deal=").text
    assert '<details id="clause-source" open>' in page and 'id="clause-rendered"' not in page
    assert client.get("/clauses/charges?deal=../../etc/passwd").status_code == 404


def test_a_clause_that_does_not_render_for_the_deal_says_why(client, web_repo: Path):
    path = web_repo / "clauses/commercial/charges/v1.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n{{ commercials.no_such_value }}\n", encoding="utf-8")
    page = client.get(f"/clauses/charges?v=1&deal={DEAL}").text
    assert "does not render with the values of" in page and "no_such_value" in page
