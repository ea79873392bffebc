"""`contractgen init` scaffolds a repository that builds and checks clean."""

from __future__ import annotations

import json
import tomllib

from contractgen.repo.config import load_config

from .conftest import SC, run_cli


def test_init_creates_the_repository_layout(tmp_path):
    result = run_cli("init", str(tmp_path / "contracts"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    root = tmp_path / "contracts"
    for rel in ("contractgen.toml", "deals/deal-example.yaml", ".gitignore", ".github/workflows/contracts.yml"):
        assert (root / rel).is_file(), rel
    assert (root / "clauses").is_dir() and (root / "templates" / "it-outsourcing" / "outline.yaml").is_file()
    settings = tomllib.loads((root / "contractgen.toml").read_text())
    assert settings == {
        "deals": "deals/*.yaml",
        "output": "out",
        "formats": ["docx", "pdf"],
        "clauses": "clauses",
        "templates": "templates",
        "law": "law",
        "install": settings["install"],
    }
    assert settings["install"].startswith(("contractgen==", "git+", ".contractgen/"))  # pinned: how CI installs it
    assert "contractgen check" in (root / ".github/workflows/contracts.yml").read_text()
    config = load_config(root / "deals")  # found from a subfolder
    assert config.deal_paths() == ["deals/deal-example.yaml"]
    assert config.output_paths("deals/deal-example.yaml") == {
        "docx": "out/deal-example.docx",
        "pdf": "out/deal-example.pdf",
    }


def test_init_refuses_an_existing_repository(tmp_path):
    assert run_cli("init", "c", cwd=tmp_path).returncode == 0
    again = run_cli("init", "c", cwd=tmp_path)
    assert again.returncode == 2 and "already" in again.stderr


def test_fresh_repository_builds_and_checks_clean(built_repo_template):
    root = built_repo_template
    lock = json.loads((root / "contractgen.lock").read_text())
    assert sorted(lock["deals"]) == ["deals/acme.yaml", "deals/beta.yaml", "deals/gamma.yaml"]
    entry = lock["deals"]["deals/acme.yaml"]
    assert set(entry) >= {"deal_sha256", "template", "template_files", "clauses", "contractgen", "outputs"}
    assert entry["clauses"]["service-credits"]["version"] == SC
    assert "service-credits" not in lock["deals"]["deals/gamma.yaml"]["clauses"]
    assert list(entry["outputs"]) == ["out/acme.docx"]
    text = (root / "contractgen.lock").read_text()
    assert text.endswith("}\n") and text == json.dumps(lock, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    check = run_cli("check", cwd=root)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout == ""
