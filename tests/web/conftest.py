"""Fixtures for the web workspace: a contracts repository in git, and an in-process client."""

from __future__ import annotations

import subprocess
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed: pip install -e '.[web,test]'")

from contractgen.repo.config import init_repo  # noqa: E402

DEAL = "deals/deal-example.yaml"


def git(root: Path, *args: str) -> str:
    """Run git in the repository and return its output."""
    done = subprocess.run(
        ["git", "-c", "user.name=Test Lawyer", "-c", "user.email=lawyer@example.test", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def web_repo(tmp_path: Path) -> Path:
    """A contracts repository made by `contractgen init`, committed once (round 1)."""
    root = tmp_path / "contracts"
    init_repo(root)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Round 1 sent to the supplier")
    return root


@pytest.fixture
def client(web_repo: Path):
    """A Starlette test client on the repository; renders run in the test process (no pool)."""
    TestClient = make_test_client_class()
    from contractgen.web.app import create_app

    app = create_app(web_repo, workers=0)
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


def make_test_client_class():
    """Return Starlette's TestClient (quietly: it asks for its own httpx fork, httpx works the same here)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    return TestClient
