"""A deal's riders and overrides in a contracts repository: kept in the lock, seen by check and impact."""

from __future__ import annotations

import json

from contractgen.repo.staleness import compare_inputs

from .conftest import NEXT, SC, add_service_credits_v3, run_cli

OVERRIDE = (
    "\noverrides:\n  at-risk-amount: The At-Risk Amount is 10% of the Charges for the month.\n"
    "riders:\n  - {after: service-credits, id: earn-back, title: Earn-back, text: Credits may be earned back.}\n"
)


def test_check_names_the_deal_s_own_words_and_build_keeps_them_in_the_lock(repo):
    acme = repo / "deals" / "acme.yaml"
    acme.write_text(acme.read_text(encoding="utf-8") + OVERRIDE, encoding="utf-8")
    assert run_cli("check", cwd=repo).stdout.splitlines() == ["deals/acme.yaml: deal file changed"]
    built = run_cli("build", "deals/acme.yaml", cwd=repo)
    assert built.returncode == 0, built.stderr
    assert "deals/acme.yaml: rendered (deal file changed)" in built.stdout
    entry = json.loads((repo / "contractgen.lock").read_text())["deals"]["deals/acme.yaml"]
    assert entry["deal_text"]["overrides.at-risk-amount"]["paragraph"] == "at-risk-amount"
    assert entry["deal_text"]["riders[0]"]["kind"] == "rider" and "earn-back" not in entry["left_out"]
    assert run_cli("check", cwd=repo).returncode == 0
    acme.write_text(acme.read_text(encoding="utf-8").replace("10%", "15%"), encoding="utf-8")
    assert run_cli("check", cwd=repo).stdout.splitlines() == ["deals/acme.yaml: deal file changed"]
    before = entry
    assert run_cli("build", cwd=repo).returncode == 0
    after = json.loads((repo / "contractgen.lock").read_text())["deals"]["deals/acme.yaml"]
    assert compare_inputs(before, after) == [
        "deal file changed",
        "overrides.at-risk-amount (override of service-credits) changed",
    ]
    assert compare_inputs(before, {**after, "deal_text": {}})[1:] == [
        "overrides.at-risk-amount (override of service-credits) removed",
        "riders[0] (rider of service-credits) removed",
    ]
    beta = json.loads((repo / "contractgen.lock").read_text())["deals"]["deals/beta.yaml"]
    assert "deal_text" not in beta  # a deal in the library's words keeps the entry it always had


def test_impact_says_an_overridden_clause_is_reviewed_by_hand(repo):
    acme = repo / "deals" / "acme.yaml"
    acme.write_text(acme.read_text(encoding="utf-8") + OVERRIDE, encoding="utf-8")
    assert run_cli("build", "deals/acme.yaml", cwd=repo).returncode == 0
    add_service_credits_v3(repo)
    out = run_cli("impact", cwd=repo).stdout
    assert f"service-credits v{SC} → v{NEXT}: 2 contracts" in out
    assert "  deals/acme.yaml: overridden: review by hand (the deal's overrides.at-risk-amount)" in out
    assert "  deals/beta.yaml: no redline yet" in out
    markdown = run_cli("impact", "--markdown", cwd=repo).stdout
    assert "- `deals/acme.yaml`: overridden: review by hand (the deal's overrides.at-risk-amount)" in markdown
