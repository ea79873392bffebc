"""The Build button: `contractgen build` of the saved deal from the page, its progress polled, "out of date" cleared."""

from __future__ import annotations

import re
import time
from pathlib import Path

from tests.web.conftest import DEAL


def _csrf(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_building_from_the_page_makes_the_outputs_current(client, web_repo: Path):
    assert "never built" in client.get("/").text
    page = client.get(f"/edit/{DEAL}").text
    assert 'id="build" hx-post="/build/deals/deal-example.yaml"' in page
    started = client.post(f"/build/{DEAL}", headers={"x-csrf-token": _csrf(page)})
    assert started.status_code == 200 and f"Building {DEAL}" in started.text
    poll = re.search(r'hx-get="(/build-status/\d+)" hx-trigger="load delay:1s"', started.text).group(1)
    deadline = time.monotonic() + 300  # a bound on the wait, not a measurement
    status = started.text
    while "Building" in status and time.monotonic() < deadline:
        time.sleep(1)
        status = client.get(poll).text
    assert f"Built {DEAL}: outputs current." in status, status
    assert "hx-get" not in status  # done: the polling stops
    assert (web_repo / "out" / "deal-example.docx").is_file() and (web_repo / "out" / "deal-example.pdf").is_file()
    rows = client.get("/").text
    assert re.search(r'class="state state-current"', rows) and "never built" not in rows


def test_building_needs_the_csrf_token_and_a_signed_deal_is_not_built(client, web_repo: Path):
    assert client.post(f"/build/{DEAL}").status_code == 403
    path = web_repo / DEAL
    path.write_text("status: signed\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    page = client.get(f"/edit/{DEAL}").text
    assert 'id="build"' not in page
    refused = client.post(f"/build/{DEAL}", headers={"x-csrf-token": _csrf(page)})
    assert "is signed: it is never built again" in refused.text
