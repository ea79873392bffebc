"""`contractgen impact`: the contracts a library change affects, with per-clause diffs."""

from __future__ import annotations

import subprocess

from .conftest import NEXT, SC, add_service_credits_v3, run_cli


def test_impact_against_the_lock(repo):
    assert run_cli("impact", cwd=repo).stdout.strip() == "impact: no contract changes"
    add_service_credits_v3(repo)
    result = run_cli("impact", cwd=repo)
    assert result.returncode == 0, result.stderr  # a report, not a check
    assert run_cli("impact", "--exit-code", cwd=repo).returncode == 1
    out = result.stdout
    assert f"deals/acme.yaml: clause service-credits v{SC} → v{NEXT}" in out
    assert f"deals/beta.yaml: clause service-credits v{SC} → v{NEXT}" in out
    assert "gamma" not in out
    assert f"--- clauses/service-levels/service-credits/v{SC}.md" in out
    assert f"+++ clauses/service-levels/service-credits/v{NEXT}.md" in out
    assert "+Service Credits are paid within one Measurement Period." in out
    assert "{{" not in out  # the clause text is rendered for the deal


def _git(root, *args):
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.com", "HOME": str(root), "PATH": "/usr/bin:/bin"})


def test_impact_since_a_git_ref(repo):
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "initial")
    v3 = add_service_credits_v3(repo)
    v3.write_text(v3.read_text().replace("Service Credits are paid", "Credits are paid"))
    result = run_cli("impact", "--since", "HEAD", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert f"deals/acme.yaml: clause service-credits v{SC} → v{NEXT}" in result.stdout
    assert f"--- HEAD:clauses/service-levels/service-credits/v{SC}.md" in result.stdout
    assert "+Credits are paid within one Measurement Period." in result.stdout
    assert "gamma" not in result.stdout
    bad = run_cli("impact", "--since", "no-such-ref", cwd=repo)
    assert bad.returncode == 2 and "unknown git revision" in bad.stderr
