"""Clause versions may record who approved them and when; explain, clauses show and redlines say it."""

from __future__ import annotations

import pypdf

from tests.repo.conftest import NEXT, add_service_credits_v3, run_cli

APPROVAL = "approved by Dana Whitfield (General Counsel) on 2026-10-01"


def _approve(repo):
    v3 = add_service_credits_v3(repo)
    text = v3.read_text(encoding="utf-8")
    v3.write_text(
        text.replace("\n---\n", "\napproved_by: Dana Whitfield (General Counsel)\napproved_on: 2026-10-01\n---\n", 1),
        encoding="utf-8",
    )
    return v3


def test_explain_and_clauses_show_name_the_approval(repo):
    _approve(repo)
    shown = run_cli("clauses", "show", "service-credits", cwd=repo)
    assert shown.returncode == 0, shown.stderr
    assert f"v{NEXT} approved: Credits are now paid within one Measurement Period. ({APPROVAL})" in shown.stdout
    assert run_cli("build", "--jobs", "1", cwd=repo).returncode == 0
    explained = run_cli("explain", "--full", "out/acme.docx", cwd=repo)
    assert explained.returncode == 0, explained.stderr
    assert f"service-credits v{NEXT} ({APPROVAL})" in explained.stdout


def test_the_redline_summary_names_the_approval(repo, tmp_path):
    _approve(repo)
    result = run_cli("redline", "deals/gamma.yaml", "deals/acme.yaml", "--format", "pdf", "-o", str(tmp_path), cwd=repo)
    assert result.returncode == 0, result.stderr
    first = pypdf.PdfReader(tmp_path / "acme.redline.pdf").pages[0].extract_text()
    assert "Summary of changes" in first
    assert "Dana Whitfield" in first and "2026-10-01" in first


def test_a_bad_approval_date_is_a_library_problem(repo):
    v3 = _approve(repo)
    v3.write_text(
        v3.read_text(encoding="utf-8").replace("approved_on: 2026-10-01", "approved_on: last Tuesday"), encoding="utf-8"
    )
    result = run_cli("validate", "deals/acme.yaml", cwd=repo)
    assert result.returncode == 2 and "approved_on" in result.stderr
