"""Safe by default: no path outside the repository, CSRF on every POST, hostile text shown as text,
stale saves refused, a token for any non-local bind, renders stopped at their time limit."""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

import pytest
from starlette.routing import Route

from tests.helpers import run_contractgen
from tests.web.conftest import DEAL
from tests.web.forms import form_values


def test_paths_outside_the_repository_are_not_served(client, web_repo: Path, tmp_path: Path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("template: it-outsourcing\n# secret-marker\n", encoding="utf-8")
    attempts = [
        "/edit/../secret.yaml",
        "/edit/..%2Fsecret.yaml",
        "/edit/%2e%2e/%2e%2e/etc/passwd",
        "/edit/deals/..%2F..%2Fsecret.yaml",
        f"/edit/{secret}",
        "/download/pdf/..%2Fsecret.yaml",
        "/coverage/..%2F..%2Fetc%2Fpasswd",
        "/compare/%2Fetc%2Fpasswd",
        "/static/..%2F..%2F..%2Fcontractgen.toml",
        "/template-css/..%2F..%2F/print.css",
        "/template-css/it-outsourcing/..%2Foutline.yaml",
        "/clauses/..%2F..%2Fetc",
        f"/compare/{DEAL}?old=..%2F..%2Fsecret.yaml",
        f"/compare/{DEAL}?old=HEAD:../secret.yaml",
    ]
    for url in attempts:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "secret-marker" not in response.text and "root:" not in response.text, url
    page = client.get("/")
    response = client.post(
        "/new", data={"csrf_token": form_values(page.text)["csrf_token"], "name": "../../escaped", "sample": DEAL}
    )
    assert response.status_code == 400
    assert not list(tmp_path.rglob("escaped*"))


def _post_routes(client) -> list[str]:
    routes = [r for r in client.app.routes if isinstance(r, Route) and "POST" in (r.methods or set())]
    return [r.path.replace("{rel:path}", DEAL) for r in routes]


def test_every_post_needs_the_csrf_token(client, web_repo: Path):
    before = (web_repo / DEAL).read_bytes()
    page = client.get(f"/edit/{DEAL}")
    values = form_values(page.text)
    values["commercials.monthly_charges"] = "1"
    posts = _post_routes(client)
    assert {"/new", f"/check/{DEAL}", f"/save/{DEAL}", f"/form/{DEAL}"} <= set(posts)
    for url in posts:
        without = {k: v for k, v in values.items() if k != "csrf_token"}
        assert client.post(url, data=without).status_code == 403, url
        assert client.post(url, data={**without, "csrf_token": "forged" * 8}).status_code == 403, url
    assert (web_repo / DEAL).read_bytes() == before
    # the right token from another site's page is still refused
    response = client.post(f"/save/{DEAL}", data=values, headers={"origin": "http://evil.example"})
    assert response.status_code == 403
    assert (web_repo / DEAL).read_bytes() == before


HOSTILE = "{{ 6*7777 }}{% raw %}<script>alert('x')</script><b>Bold</b> & Co"


def test_hostile_deal_text_is_shown_as_text(client, web_repo: Path):
    path = web_repo / DEAL
    text = path.read_text(encoding="utf-8")
    text = text.replace("name: Northwind Bank plc", f'name: "{HOSTILE}"', 1)
    text = text.replace("title: IT Outsourcing Services Agreement", f'title: "{HOSTILE}"', 1)
    path.write_text(text, encoding="utf-8")
    for page in (client.get("/"), client.get(f"/edit/{DEAL}")):
        assert page.status_code == 200
        assert "<script>alert" not in page.text and "<b>Bold</b>" not in page.text
        assert HOSTILE in html.unescape(page.text)
    edit = client.get(f"/edit/{DEAL}").text
    assert form_values(edit)["parties.client.name"] == HOSTILE
    key = re.search(r'src="/preview/(\w+)"', edit).group(1)
    preview = client.get(f"/preview/{key}")
    assert "<script>alert" not in preview.text and "<b>Bold</b>" not in preview.text
    assert "{{ 6*7777 }}{% raw %}" in html.unescape(preview.text)
    assert "46662" not in preview.text  # the deal text was not run as a template
    assert "sandbox" in preview.headers["content-security-policy"]
    assert "script-src" not in preview.headers["content-security-policy"]  # default-src 'none' covers scripts


def test_a_stale_save_is_refused_and_nothing_is_lost(client, web_repo: Path):
    path = web_repo / DEAL
    values = form_values(client.get(f"/edit/{DEAL}").text)
    theirs = path.read_text(encoding="utf-8").replace("monthly_charges: 185000", "monthly_charges: 170000")
    path.write_text(theirs, encoding="utf-8")  # a colleague saves first
    values["commercials.monthly_charges"] = "90000"
    response = client.post(f"/save/{DEAL}", data=values, headers={"hx-request": "true"})
    assert response.status_code == 409
    assert "saved by someone else" in response.text
    assert path.read_text(encoding="utf-8") == theirs
    assert form_values(response.text)["commercials.monthly_charges"] == "90000"  # our edit is still in the form


def test_a_non_local_bind_needs_a_token(web_repo: Path):
    done = run_contractgen("serve", "--host", "0.0.0.0", "--port", "0", str(web_repo), timeout=60)
    assert done.returncode == 2
    assert "without a token" in done.stderr
    assert "Traceback" not in done.stderr
    from contractgen.web.security import check_bind
    from contractgen.errors import BindRefused

    with pytest.raises(BindRefused, match="too short"):
        check_bind("0.0.0.0", "short")
    check_bind("127.0.0.1", None)
    check_bind("::1", None)
    check_bind("192.0.2.10", "a-long-enough-secret-token")


def test_the_token_is_required_when_configured(web_repo: Path):
    from contractgen.web.app import create_app
    from tests.web.conftest import make_test_client_class

    TestClient = make_test_client_class()
    token = "a-long-enough-secret-token"
    app = create_app(web_repo, token=token, host="0.0.0.0", workers=0)
    with TestClient(app, base_url="http://192.0.2.10:8000") as client:
        assert client.get("/").status_code == 401
        assert client.get("/", headers={"authorization": "Bearer wrong-token-wrong-token"}).status_code == 401
        response = client.get(f"/?token={token}", follow_redirects=False)
        assert response.status_code == 303 and "token" not in response.headers["location"]
        assert client.get("/").status_code == 200  # the cookie now carries it


def test_a_local_server_answers_only_to_local_names(client):
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200


def _sleep(workspace, seconds: float) -> str:
    time.sleep(seconds)
    return "finished"


def test_a_render_past_its_time_limit_is_stopped(web_repo: Path):
    from contractgen.web.repository import WebRepository, open_repository
    from contractgen.web.workers import RenderPool
    from contractgen.errors import RenderTimeout

    pool = RenderPool(WebRepository(open_repository(web_repo)).settings, processes=1, time_limit=30)
    try:
        with pytest.raises(RenderTimeout):
            pool.run(_sleep, 60, time_limit=0.5)
        assert pool.run(_sleep, 0) == "finished"  # a fresh worker takes the next job
    finally:
        pool.close()


def test_an_upload_goes_through_the_safe_loader(client, web_repo: Path):
    token = form_values(client.get("/").text)["csrf_token"]
    bombs = {
        "anchors": b"a: &x [1, 2]\nb: *x\n",
        "tag": b"template: !!python/object/apply:os.system ['true']\n",
        "binary": b"template: it\x00\n",
        "huge": b"a: " + b"x" * (1024 * 1024 + 10) + b"\n",
    }
    for name, data in bombs.items():
        response = client.post(
            "/upload",
            data={"csrf_token": token, "name": f"up-{name}"},
            files={"file": (f"{name}.yaml", data, "application/yaml")},
        )
        assert response.status_code in (400, 413), name
        assert not (web_repo / f"deals/up-{name}.yaml").exists(), name
    response = client.post(
        "/upload", data={"name": "up-ok"}, files={"file": ("ok.yaml", b"a: 1\n", "application/yaml")}
    )
    assert response.status_code == 403  # no CSRF token
    good = (web_repo / DEAL).read_bytes()
    response = client.post(
        "/upload",
        data={"csrf_token": token, "name": "up-ok"},
        files={"file": ("ok.yaml", good, "application/yaml")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert (web_repo / "deals/up-ok.yaml").read_bytes() == good


def test_an_oversized_body_is_refused_even_in_chunks(client, web_repo: Path):
    token = form_values(client.get("/").text)["csrf_token"]

    def chunks():
        yield f"csrf_token={token}&name=big&sample=".encode()
        for _ in range(6):
            yield b"x" * (1024 * 1024)

    response = client.post("/new", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413
    assert not (web_repo / "deals/big.yaml").exists()


def test_the_preview_carries_its_stylesheets_inline_allowed_by_their_hash(web_repo):
    """With a token, the sandboxed preview's own requests carry no cookie: its styles must not be fetched by URL."""
    import base64
    import hashlib
    import re

    from tests.web.conftest import make_test_client_class
    from contractgen.web.app import create_app

    with make_test_client_class()(
        create_app(web_repo, workers=0, token="a-token-of-sixteen-chars"), base_url="http://127.0.0.1"
    ) as c:
        page = c.get(f"/edit/{DEAL}?token=a-token-of-sixteen-chars", follow_redirects=True)
        key = re.search(r'src="/preview/([^"#]+)', page.text).group(1)
        shown = c.get(f"/preview/{key}")
        assert shown.status_code == 200 and '<link rel="stylesheet"' not in shown.text
        css = re.search(r"<style>(.*?)</style>", shown.text, re.S).group(1)
        assert "@font-face" in css and ".watermark { display: none; }" in css  # the template's and the preview's
        digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
        assert f"style-src 'self' 'sha256-{digest}'" in shown.headers["content-security-policy"]
        assert "sandbox" in shown.headers["content-security-policy"]
