"""A contracts repository's own law/: written by init, read over the built-in records, and an input of the
lock (check, impact and explain see a changed record); `law list` and `law show`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from contractgen.repo.config import init_repo
from tests.helpers import FIXTURES, ROOT
from tests.repo.conftest import run_cli

USED = [
    "law/families/english.yaml",
    "law/jurisdictions/england-and-wales.yaml",
    "law/mechanisms/idta.yaml",
    "law/privacy/uk-gdpr.yaml",
    "law/sector/fca-sysc-8.yaml",
    "law/sector/pra-ss2-21.yaml",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A repository with the sample deal, DOCX only, built once."""
    root = tmp_path_factory.mktemp("law") / "contracts"
    init_repo(root)
    config = root / "contractgen.toml"
    config.write_text(config.read_text().replace('formats = ["docx", "pdf"]', 'formats = ["docx"]'))
    result = run_cli("build", "--jobs", "1", cwd=root)
    assert result.returncode == 0, result.stderr + result.stdout
    return root


@pytest.fixture
def repo(built, tmp_path) -> Path:
    target = tmp_path / "contracts"
    shutil.copytree(built, target, copy_function=shutil.copy2)
    return target


def test_init_writes_the_law_folder_its_schemas_and_the_editor_mapping(built):
    assert (built / "law" / "README.md").is_file()
    for kind in ("jurisdictions", "privacy", "sector", "forums"):
        assert (built / "law" / kind / "schema.json").read_text() == (ROOT / "law" / kind / "schema.json").read_text()
    settings = json.loads((built / ".vscode" / "settings.json").read_text())
    assert settings["yaml.schemas"]["./law/privacy/schema.json"] == ["law/privacy/*.yaml"]
    assert 'law = "law"' in (built / "contractgen.toml").read_text()


def test_the_lock_records_each_law_record_the_deal_read(built):
    entry = json.loads((built / "contractgen.lock").read_text())["deals"]["deals/deal-example.yaml"]
    assert sorted(entry["law"]) == USED
    assert (
        entry["law"]["law/privacy/uk-gdpr.yaml"]
        == __import__("hashlib").sha256((ROOT / "law" / "privacy" / "uk-gdpr.yaml").read_bytes()).hexdigest()
    )
    assert run_cli("check", cwd=built).returncode == 0


def test_a_changed_law_record_makes_its_contracts_stale_and_impact_and_explain_say_so(repo):
    record = repo / "law" / "privacy" / "uk-gdpr.yaml"
    record.write_text(
        (ROOT / "law" / "privacy" / "uk-gdpr.yaml").read_text()
        + "reviewed_by: A. Reviewer (Legal)\nreviewed_on: 2026-12-02\n"
    )
    check = run_cli("check", cwd=repo)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "law/privacy/uk-gdpr.yaml changed" in check.stdout + check.stderr
    impact = run_cli("impact", cwd=repo)
    assert impact.returncode == 0, impact.stderr
    assert impact.stdout.startswith("law/privacy/uk-gdpr.yaml changed: 1 contract\n  deals/deal-example.yaml\n")
    explained = run_cli("explain", "out/deal-example.docx", cwd=repo)
    assert explained.returncode == 0, explained.stderr
    assert (
        "  law:       families/english, jurisdictions/england-and-wales, mechanisms/idta, privacy/uk-gdpr, "
        "sector/fca-sysc-8, sector/pra-ss2-21\n"
    ) in explained.stdout
    assert "    law/privacy/uk-gdpr.yaml changed since the build: rebuild to read it" in explained.stdout
    shown = run_cli("law", "show", "privacy/uk-gdpr", cwd=repo)
    assert shown.returncode == 0, shown.stderr
    assert "law/privacy/uk-gdpr.yaml (repository, replacing the built-in record)" in shown.stdout
    assert "reviewed:  A. Reviewer (Legal) on 2026-12-02" in shown.stdout
    assert "deals:     deals/deal-example.yaml" in shown.stdout
    assert "data-protection v" in shown.stdout  # a clause the law brings
    rebuilt = run_cli("build", "--jobs", "1", cwd=repo)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert run_cli("check", cwd=repo).returncode == 0


def test_a_record_the_repository_adds_is_a_law_its_deals_may_name(repo):
    shutil.copy(FIXTURES / "law" / "repo" / "jurisdictions" / "queensland.yaml", repo / "law" / "jurisdictions")
    deal = repo / "deals" / "deal-example.yaml"
    deal.write_text(deal.read_text().replace("governing_law: England and Wales", "governing_law: Queensland law"))
    inside = run_cli("validate", "deals/deal-example.yaml", cwd=repo)
    assert inside.returncode == 0 and "governing-law:" not in inside.stderr
    outside = run_cli("validate", str(deal), cwd=repo.parent)  # no record there: drafted with a note
    assert outside.returncode == 0 and "[note governing-law:queensland-law]" in outside.stderr
    listed = json.loads(run_cli("law", "list", "--kind", "jurisdictions", "--json", cwd=repo).stdout)
    origins = {row["id"]: row["origin"] for row in listed}
    assert origins["jurisdictions/queensland"] == "repository" and origins["jurisdictions/ireland"] == "built-in"


def test_lint_checks_the_repository_law_records(repo):
    shutil.copy(FIXTURES / "law" / "broken" / "jurisdictions" / "queensland.yaml", repo / "law" / "jurisdictions")
    result = run_cli("lint", cwd=repo)
    assert result.returncode == 2
    assert "law/jurisdictions/queensland.yaml:1: sources: Field required" in result.stdout
    assert "family 'queensland_law' is not a law/families record" in result.stdout
