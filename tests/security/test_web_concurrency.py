"""Twenty people editing at once: every check and save succeeds or is a proper 409, never a 500.

The editor once kept one ruamel YAML object for the whole server; two simultaneous checks corrupted
it and from then on every page of every user was a 500. Here twenty editors (real HTTP clients on
their own threads, against a real server on 127.0.0.1) each open a deal, change a value, check and
save, several rounds, five editors per deal, so saves collide. The renders are replaced by
validation alone (the editor's own state is under test, and twenty full renders at once would only
make the test slow): the form, the round-trip YAML, the check and the save all run for real.
"""

from __future__ import annotations

import shutil
import threading

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("uvicorn")

from contractgen.errors import DealError  # noqa: E402
from contractgen.repo.config import init_repo  # noqa: E402
from contractgen.web.app import create_app  # noqa: E402
from contractgen.deal import load_deal  # noqa: E402
from tests.security.webserver import running  # noqa: E402
from tests.web.forms import form_values  # noqa: E402

EDITORS, DEALS, ROUNDS = 20, 4, 3


def validate_only(job, name, text, *args, **kwargs):
    """The render pool's answer to a preview, from validation alone (a stand-in page when valid)."""
    try:
        deal = load_deal(name, text.encode("utf-8")).deal
    except DealError as exc:
        return {"problems": [(p.path, p.line, p.message) for p in exc.problems]}
    return {
        "html": f"<html><head></head><body><p id='c1'>{len(text)}</p></body></html>",
        "template": deal.template,
        "warnings": [],
        "problems": [],
    }


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "contracts"
    init_repo(root)
    for n in range(DEALS):
        shutil.copy(root / "deals" / "deal-example.yaml", root / "deals" / f"deal-{n}.yaml")
    app = create_app(root, workers=0)
    app.state.workspace.pool.run = validate_only
    with running(app) as port:
        yield root, f"http://127.0.0.1:{port}"


def editor(base: str, number: int, statuses: list, saved: dict, failures: list) -> None:
    rel = f"deals/deal-{number % DEALS}.yaml"
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            for round_ in range(ROUNDS):
                page = client.get(f"/edit/{rel}")
                statuses.append(page.status_code)
                values = form_values(page.text)
                charges = str(100000 + number * 100 + round_)
                values["commercials.monthly_charges"] = charges
                for action in ("check", "save"):
                    response = client.post(f"/{action}/{rel}", data=values, headers={"hx-request": "true"})
                    statuses.append(response.status_code)
                    if action == "check":
                        values = {
                            **values,
                            **{
                                k: v
                                for k, v in form_values(response.text).items()
                                if k in ("_yaml", "_base", "csrf_token")
                            },
                        }
                    elif response.status_code == 200:
                        saved.setdefault(rel, set()).add(charges)
    except Exception as exc:  # noqa: BLE001 - reported by the test
        failures.append(f"editor {number}: {type(exc).__name__}: {exc}")


def test_twenty_concurrent_editors_get_answers_never_a_server_error(server):
    root, base = server
    statuses: list[int] = []
    saved: dict[str, set[str]] = {}
    failures: list[str] = []
    threads = [threading.Thread(target=editor, args=(base, n, statuses, saved, failures)) for n in range(EDITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not failures, failures
    assert len(statuses) == EDITORS * ROUNDS * 3
    assert set(statuses) <= {200, 409}, sorted(set(statuses))
    assert sorted(saved) == [f"deals/deal-{n}.yaml" for n in range(DEALS)]  # every deal got saved at least once
    for rel, values in saved.items():
        text = (root / rel).read_text(encoding="utf-8")
        assert any(f"  monthly_charges: {v}\n" in text for v in values), rel  # the file holds one editor's save
        load_deal(rel, text.encode("utf-8"))  # and is a valid deal
    with httpx.Client(base_url=base, timeout=120) as client:
        assert client.get("/edit/deals/deal-0.yaml").status_code == 200  # the editor still works for everyone
