"""Signed contracts are frozen: what was signed is never rendered again with later library versions."""

from __future__ import annotations

import json
from pathlib import Path

from tests.repo.conftest import NEXT, SC, add_service_credits_v3, run_cli


def _sign(deal: Path) -> None:
    text = deal.read_text(encoding="utf-8")
    assert "\nstatus:" not in text
    deal.write_text(text.replace("\ntemplate: ", "\nstatus: signed\ntemplate: ", 1), encoding="utf-8")


def _entry(root: Path, name: str) -> dict:
    return json.loads((root / "contractgen.lock").read_text(encoding="utf-8"))["deals"][f"deals/{name}.yaml"]


def test_a_signed_deal_is_not_rebuilt_after_a_clause_change_and_impact_lists_it_apart(repo):
    _sign(repo / "deals" / "acme.yaml")
    signed = run_cli("build", "--jobs", "1", cwd=repo)
    assert signed.returncode == 0, signed.stderr
    assert _entry(repo, "acme")["status"] == "signed"
    frozen = (repo / "out" / "acme.docx").read_bytes()

    add_service_credits_v3(repo)
    impact = run_cli("impact", cwd=repo)
    assert impact.returncode == 0, impact.stderr
    out = impact.stdout
    assert f"service-credits v{SC} → v{NEXT}: 1 contract\n" in out and "  deals/beta.yaml" in out
    assert f"service-credits v{SC} → v{NEXT}: 1 signed contract\n" in out
    assert out.index("signed contracts (frozen: each needs an amendment, not a rebuild)") > out.index("deals/beta.yaml")
    assert out.index("deals/acme.yaml") > out.index("signed contracts")
    checked = run_cli("check", cwd=repo)
    assert "deals/beta.yaml" in checked.stdout and "deals/acme.yaml" not in checked.stdout

    built = run_cli("build", "--jobs", "1", "--rebuild", cwd=repo)
    assert built.returncode == 0, built.stderr
    assert "deals/beta.yaml: rendered" in built.stdout and "deals/acme.yaml" not in built.stdout
    assert (repo / "out" / "acme.docx").read_bytes() == frozen
    assert _entry(repo, "acme")["clauses"]["service-credits"]["version"] == SC
    assert _entry(repo, "beta")["clauses"]["service-credits"]["version"] == NEXT
    assert run_cli("check", cwd=repo).returncode == 0


def test_signing_keeps_the_clause_versions_of_the_last_build(repo):
    add_service_credits_v3(repo)  # came after the negotiation
    _sign(repo / "deals" / "beta.yaml")
    built = run_cli("build", "--jobs", "1", cwd=repo)
    assert built.returncode == 0, built.stderr
    assert _entry(repo, "beta")["clauses"]["service-credits"]["version"] == SC
    assert _entry(repo, "acme")["clauses"]["service-credits"]["version"] == NEXT


def test_editing_a_signed_deal_is_refused(repo):
    deal = repo / "deals" / "gamma.yaml"
    _sign(deal)
    assert run_cli("build", "--jobs", "1", cwd=repo).returncode == 0
    before = (repo / "out" / "gamma.docx").read_bytes()
    deal.write_text(
        deal.read_text(encoding="utf-8").replace("reference: NWB-ITO-2027-014", "reference: NWB-X"), encoding="utf-8"
    )
    checked = run_cli("check", cwd=repo)
    assert checked.returncode == 1
    assert "deals/gamma.yaml: signed contract, frozen: its deal file changed" in checked.stdout
    built = run_cli("build", "--jobs", "1", "--force", cwd=repo)
    assert built.returncode == 1 and "signed contract, frozen" in built.stderr
    assert (repo / "out" / "gamma.docx").read_bytes() == before
