"""Each save from the workspace is a git commit under the person's name: a users file, a trusted proxy's header,
else the workspace's own identity."""

from __future__ import annotations

from pathlib import Path

import pytest

from contractgen.errors import ContractgenError
from contractgen.web.people import check_header_name, load_users
from tests.helpers import run_contractgen
from tests.web.conftest import DEAL, git, make_test_client_class
from tests.web.forms import form_values

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "web"
ADA = "ada-token-0123456789abcdef"
BEN = "ben-token-0123456789abcdef"


def _client(web_repo: Path, **options):
    from contractgen.web.app import create_app

    app = create_app(web_repo, workers=0, **options)
    return make_test_client_class()(app, base_url="http://127.0.0.1")


def _save(client, monthly: str, headers: dict | None = None):
    values = form_values(client.get(f"/edit/{DEAL}", headers=headers or {}).text)
    values["commercials.monthly_charges"] = monthly
    return client.post(f"/save/{DEAL}", data=values, headers={"hx-request": "true", **(headers or {})})


def _last_commit(web_repo: Path) -> tuple[str, str, list[str]]:
    author, subject = git(web_repo, "log", "-1", "--format=%an <%ae>%n%s").splitlines()
    return author, subject, git(web_repo, "show", "--name-only", "--format=", "HEAD").split()


def test_a_save_is_committed_under_the_name_of_the_token_owner(web_repo: Path):
    users = load_users(FIXTURES / "users.yaml")
    with _client(web_repo, users=users) as client:
        assert client.get("/").status_code == 401  # a users file makes a token necessary
        saved = _save(client, "90000", {"authorization": f"Bearer {ADA}"})
        assert saved.status_code == 200 and "(commit " in saved.text and "Ada Counsel" in saved.text
        assert _last_commit(web_repo) == (
            "Ada Counsel <ada@lawfirm.example>",
            f"Saved in the web workspace: {DEAL}",
            [DEAL],
        )
        response = client.get(f"/edit/{DEAL}?token={BEN}", follow_redirects=False)
        assert response.status_code == 303  # Ben's browser now carries his token in its cookie
        assert _save(client, "95000").status_code == 200
        assert _last_commit(web_repo)[0] == "Ben Procurement <ben@customer.example>"
    assert git(web_repo, "status", "--porcelain") == ""


def _owner(web_repo: Path) -> str:
    git(web_repo, "config", "user.name", "Dana Owner")
    git(web_repo, "config", "user.email", "dana@example.test")
    return "Dana Owner <dana@example.test>"


def test_the_proxy_header_is_trusted_only_when_named(web_repo: Path):
    owner = _owner(web_repo)
    header = {"x-forwarded-user": "Carla Partner <carla@lawfirm.example>"}
    with _client(web_repo) as client:
        _save(client, "90000", header)
        assert _last_commit(web_repo)[0] == owner  # not trusted by default
    with _client(web_repo, user_header=check_header_name("X-Forwarded-User")) as client:
        _save(client, "95000", header)
        assert _last_commit(web_repo)[0] == "Carla Partner <carla@lawfirm.example>"
        _save(client, "96000", {"x-forwarded-user": "not a person <>"})  # unusable: the workspace's identity
        assert _last_commit(web_repo)[0] == owner


def test_without_users_a_save_is_committed_by_the_workspace_owner(client, web_repo: Path):
    owner = _owner(web_repo)
    assert _save(client, "90000").status_code == 200
    assert _last_commit(web_repo) == (owner, f"Saved in the web workspace: {DEAL}", [DEAL])


def test_a_round_after_a_save_names_that_save(client, web_repo: Path):
    _save(client, "90000")
    saves = git(web_repo, "rev-list", "--count", "HEAD")
    token = form_values(client.get(f"/compare/{DEAL}").text)["csrf_token"]
    client.post(f"/round/{DEAL}", data={"csrf_token": token, "message": "Round 2 sent to the supplier"})
    assert git(web_repo, "rev-list", "--count", "HEAD") == saves
    assert git(web_repo, "log", "-1", "--format=%s").strip() == "Round 2 sent to the supplier"
    assert "monthly_charges: 90000" in git(web_repo, "show", f"HEAD:{DEAL}")


def test_bad_users_files_are_refused_in_plain_words(web_repo: Path, tmp_path: Path):
    with pytest.raises(ContractgenError, match="same token as Ada Counsel"):
        load_users(FIXTURES / "users-shared-token.yaml")
    with pytest.raises(ContractgenError, match="not a header name"):
        check_header_name("X-User: evil")
    done = run_contractgen(
        "serve", "--users", str(FIXTURES / "users-shared-token.yaml"), "--port", "0", str(web_repo), timeout=60
    )
    assert done.returncode != 0 and "give each person their own" in done.stderr and "Traceback" not in done.stderr
