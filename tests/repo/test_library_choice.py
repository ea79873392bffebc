"""Inside a contracts repository every command uses the repository's library."""

from __future__ import annotations

from pathlib import Path

from tests.repo.conftest import NEXT, add_service_credits_v3, run_cli

NEW_SENTENCE = "Service Credits are paid within one Measurement Period."


def _docx_text(path: Path) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def test_commands_inside_a_repository_see_its_own_clause_version(repo):
    add_service_credits_v3(repo)
    deals = repo / "deals"
    shown = run_cli("clauses", "show", "service-credits", cwd=deals)
    assert shown.returncode == 0, shown.stderr
    assert f"v{NEXT} approved" in shown.stdout and f"--- v{NEXT} " in shown.stdout
    assert "contracts repository" in shown.stderr
    valid = run_cli("validate", "acme.yaml", cwd=deals)  # found by walking up from deals/
    assert valid.returncode == 0, valid.stderr
    assert f"contracts repository {repo.resolve()}" in valid.stderr
    covered = run_cli("coverage", "deals/acme.yaml", cwd=repo)
    assert covered.returncode in (0, 1), covered.stderr
    assert "contracts repository" in covered.stderr
    rendered = run_cli("render", "deals/acme.yaml", "--format", "docx", cwd=repo)
    assert rendered.returncode == 0, rendered.stderr
    assert NEW_SENTENCE in _docx_text(repo / "preview" / "acme.docx")
    assert NEW_SENTENCE not in _docx_text(repo / "out" / "acme.docx")  # build's outputs untouched


def test_validate_and_lint_report_a_repository_clause_the_builtin_library_lacks(repo):
    v3 = add_service_credits_v3(repo)
    v3.write_text(v3.read_text(encoding="utf-8").rstrip("\n") + "\n\nPaid to {{ no_such_field }}.\n", encoding="utf-8")
    valid = run_cli("validate", "deals/acme.yaml", cwd=repo)
    assert valid.returncode == 2
    assert "no_such_field" in valid.stderr and "Traceback" not in valid.stderr
    builtin = run_cli("validate", str(repo / "deals" / "acme.yaml"), cwd=repo.parent)
    assert builtin.returncode == 0, builtin.stderr
    assert "built-in library" in builtin.stderr
    linted = run_cli("lint", cwd=repo)
    assert f"v{NEXT}.md" in linted.stdout + linted.stderr


def test_root_and_C_name_the_library(repo, tmp_path):
    add_service_credits_v3(repo)
    for flag in ("--root", "-C"):
        shown = run_cli("clauses", flag, str(repo), "show", "service-credits", cwd=tmp_path)
        assert shown.returncode == 0, shown.stderr
        assert f"v{NEXT} approved" in shown.stdout


def test_check_stays_clean_after_render(repo):
    add_service_credits_v3(repo)
    assert run_cli("build", "--jobs", "1", cwd=repo).returncode == 0
    rendered = run_cli("render", "deals/acme.yaml", "--format", "docx", cwd=repo)
    assert rendered.returncode == 0, rendered.stderr
    checked = run_cli("check", cwd=repo)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_render_refuses_to_write_into_the_build_output_folder(repo):
    before = (repo / "out" / "acme.docx").read_bytes()
    result = run_cli("render", "deals/acme.yaml", "-o", "out", "--format", "docx", cwd=repo)
    assert result.returncode == 2
    assert "contractgen build" in result.stderr
    assert (repo / "out" / "acme.docx").read_bytes() == before


def test_schema_lists_the_repository_templates(repo):
    (repo / "templates" / "it-outsourcing").rename(repo / "templates" / "ito-2027")
    result = run_cli("schema", cwd=repo)
    assert result.returncode == 0, result.stderr
    import json

    assert json.loads(result.stdout)["properties"]["template"]["enum"] == ["ito-2027"]


def test_lint_refuses_a_repository_whose_library_folders_it_cannot_read(repo):
    (repo / "clauses").rename(repo / "library")
    config = repo / "contractgen.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('clauses = "clauses"', 'clauses = "library"'), encoding="utf-8"
    )
    result = run_cli("lint", cwd=repo)
    assert result.returncode == 2 and "lint reads clauses/" in result.stderr
    shown = run_cli("clauses", "show", "service-credits", cwd=repo)  # the others follow the setting
    assert shown.returncode == 0 and "library/service-levels/service-credits" in shown.stdout
