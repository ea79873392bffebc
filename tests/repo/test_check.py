"""`contractgen check`: exit 0 when current, 1 with reasons in words; never loads a writer."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import NEXT, SC, add_service_credits_v3, run_cli


def test_new_clause_version_names_exactly_the_affected_contracts(repo):
    add_service_credits_v3(repo)
    result = run_cli("check", cwd=repo)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"deals/acme.yaml: clause service-credits v{SC} → v{NEXT}",
        f"deals/beta.yaml: clause service-credits v{SC} → v{NEXT}",
    ]


def test_check_json_is_valid(repo):
    add_service_credits_v3(repo)
    (repo / "deals" / "beta.yaml").write_text((repo / "deals" / "beta.yaml").read_text() + "\n# edited\n")
    result = run_cli("check", "--json", cwd=repo)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["up_to_date"] is False
    assert data["deals"]["deals/acme.yaml"]["reasons"] == [f"clause service-credits v{SC} → v{NEXT}"]
    assert data["deals"]["deals/beta.yaml"]["reasons"] == ["deal file changed"]
    assert "deals/gamma.yaml" not in data["deals"]
    clean = run_cli("check", "--json", cwd=repo.parent / "contracts")
    assert json.loads(clean.stdout)["checked"] == 3


def test_check_reports_missing_edited_new_and_deleted(repo):
    (repo / "out" / "acme.docx").unlink()
    with open(repo / "out" / "beta.docx", "ab") as stream:
        stream.write(b"hand edit")
    (repo / "deals" / "delta.yaml").write_text((repo / "deals" / "acme.yaml").read_text())
    (repo / "deals" / "gamma.yaml").unlink()
    result = run_cli("check", cwd=repo)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "deals/acme.yaml: output out/acme.docx missing",
        "deals/beta.yaml: output out/beta.docx was edited by hand",
        "deals/delta.yaml: new deal, not in the lock",
        "deals/gamma.yaml: deal file deleted, but its lock entry remains (run `contractgen build`)",
    ]


def test_check_reports_template_and_version_changes(repo):
    outline = repo / "templates" / "it-outsourcing" / "outline.yaml"
    outline.write_text(outline.read_text() + "\n# comment\n")
    lock_path = repo / "contractgen.lock"
    lock = json.loads(lock_path.read_text())
    lock["deals"]["deals/gamma.yaml"]["contractgen"] = "0.0.1"
    lock_path.write_text(json.dumps(lock, indent=2, sort_keys=True) + "\n")
    lines = run_cli("check", cwd=repo).stdout.splitlines()
    assert "deals/acme.yaml: template file changed: templates/it-outsourcing/outline.yaml" in lines
    assert "deals/gamma.yaml: contractgen version changed (0.0.1 → 0.1.0)" in lines


def test_check_resolves_deals_when_a_condition_changes(repo):
    """A new version with a different `when` cannot be judged from hashes: check resolves the deals."""
    v3 = add_service_credits_v3(repo)
    v3.write_text(
        v3.read_text().replace("when: service_levels and service_levels.service_credits", "when: service_levels")
    )
    result = run_cli("check", cwd=repo)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"deals/acme.yaml: clause service-credits v{SC} → v{NEXT}" in lines
    assert not any(line.startswith("deals/gamma.yaml: ") for line in lines)  # the outline slot's own condition is false


def test_check_never_imports_the_writers(repo):
    add_service_credits_v3(repo)
    v3 = repo / "clauses" / "service-levels" / "service-credits" / f"v{NEXT}.md"
    v3.write_text(
        v3.read_text().replace("when: service_levels and service_levels.service_credits", "when: service_levels")
    )
    code = (
        "import sys\n"
        "from contractgen.cli import main\n"
        "try:\n    main(['check'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('weasyprint', 'docx', 'markdown_it') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, timeout=300)
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr
    assert "deals/acme.yaml" in result.stdout  # the slow path (deal loading) ran too


def test_released_version_edited_in_place_is_caught(repo):
    v2 = repo / "clauses" / "service-levels" / "service-credits" / f"v{SC}.md"
    v2.write_text(v2.read_text() + "\nA sentence added after release.\n")
    check = run_cli("check", cwd=repo)
    assert check.returncode == 1
    assert (
        f"clauses/service-levels/service-credits/v{SC}.md: released version (approved) was edited in place; "
        f"restore it and add a new version instead (v{NEXT}.md)"
    ) in check.stdout
    build = run_cli("build", cwd=repo)
    assert build.returncode == 2
    assert f"service-credits/v{SC}.md" in build.stderr and "add a new version instead" in build.stderr


def test_retiring_a_released_version_is_not_an_edit(repo):
    add_service_credits_v3(repo)
    v2 = repo / "clauses" / "service-levels" / "service-credits" / f"v{SC}.md"
    v2.write_text(v2.read_text().replace("status: approved", "status: deprecated"))
    check = run_cli("check", cwd=repo)
    assert "edited in place" not in check.stdout
    assert check.stdout.splitlines() == [
        f"deals/acme.yaml: clause service-credits v{SC} → v{NEXT}",
        f"deals/beta.yaml: clause service-credits v{SC} → v{NEXT}",
    ]


def test_the_lock_records_the_tools_and_check_says_when_they_differ(repo):
    import json

    from contractgen import __version__

    lock_path = repo / "contractgen.lock"
    lock = json.loads(lock_path.read_text())
    tools = lock["tools"]
    assert tools["contractgen"] == __version__ and tools["weasyprint"]
    assert tools["fonts"]["templates/it-outsourcing/pdf/fonts/LiberationSerif-Regular.ttf"].startswith("Version ")
    lock["tools"] = {**tools, "weasyprint": "1.0", "fonts": {**tools["fonts"], "templates/x.ttf": "Version 9"}}
    lock_path.write_text(json.dumps(lock, indent=2, sort_keys=True) + "\n")
    result = run_cli("check", cwd=repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "built with WeasyPrint 1.0" in result.stderr
    assert "templates/x.ttf" in result.stderr
