"""`contractgen impact`: the contracts a library change affects, with per-clause diffs."""

from __future__ import annotations


from .conftest import NEXT, SC, add_service_credits_v3, run_cli
from tests.helpers import git


def test_impact_against_the_lock(repo):
    assert run_cli("impact", cwd=repo).stdout.strip() == "impact: no contract changes"
    add_service_credits_v3(repo)
    result = run_cli("impact", cwd=repo)
    assert result.returncode == 0, result.stderr  # a report, not a check
    assert run_cli("impact", "--exit-code", cwd=repo).returncode == 1
    out = result.stdout
    assert out.startswith(f"service-credits v{SC} → v{NEXT}: 2 contracts\n")  # one section per library change
    assert "  what changed: Credits are now paid within one Measurement Period.\n" in out
    assert "  deals/acme.yaml: no redline yet" in out and "  deals/beta.yaml: no redline yet" in out
    assert "gamma" not in out
    assert out.count(f"--- clauses/service-levels/service-credits/v{SC}.md") == 1  # one diff per change
    assert f"+++ clauses/service-levels/service-credits/v{NEXT}.md" in out
    assert "+Service Credits are paid within one Measurement Period." in out
    assert "(the text as it reads in deals/acme.yaml)" in out
    assert "{{" not in out  # the clause text is rendered for the deal
    assert "](#" not in out and "{#" not in out  # cross-references read as titles
    assert "[Limitation of Liability]" in out


def test_impact_as_markdown_for_a_job_summary(repo):
    v3 = add_service_credits_v3(repo)
    v3.write_text(v3.read_text().replace("changes: ", "approved_by: Jane Smith\napproved_on: 2026-11-30\nchanges: "))
    result = run_cli("impact", "--markdown", cwd=repo)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"### service-credits v{SC} → v{NEXT}: 2 contracts\n")
    assert (
        "**What changed:** Credits are now paid within one Measurement Period. "
        "(approved by Jane Smith on 2026-11-30)" in out
    )
    assert "- `deals/acme.yaml`" in out and "- `deals/beta.yaml`" in out
    assert out.count("```diff") == 1 and "](#" not in out


def test_impact_since_a_git_ref(repo):
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "initial")
    v3 = add_service_credits_v3(repo)
    v3.write_text(v3.read_text().replace("Service Credits are paid", "Credits are paid"))
    result = run_cli("impact", "--since", "HEAD", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert f"service-credits v{SC} → v{NEXT}: 2 contracts" in result.stdout
    assert f"--- HEAD:clauses/service-levels/service-credits/v{SC}.md" in result.stdout
    assert "+Credits are paid within one Measurement Period." in result.stdout
    assert "gamma" not in result.stdout
    bad = run_cli("impact", "--since", "no-such-ref", cwd=repo)
    assert bad.returncode == 2 and "unknown git revision" in bad.stderr
