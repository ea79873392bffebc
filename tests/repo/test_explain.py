"""`contractgen explain`: the provenance record read back from a DOCX (and a PDF)."""

from __future__ import annotations

import json

from contractgen.repo.provenance import read_provenance

from .conftest import run_cli


def test_explain_docx(repo):
    lock = json.loads((repo / "contractgen.lock").read_text())["deals"]["deals/acme.yaml"]
    result = run_cli("explain", "--full", "out/acme.docx", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert lock["deal_sha256"] in result.stdout
    assert "deal file:       deals/acme.yaml" in result.stdout
    assert f"service-credits v{lock['clauses']['service-credits']['version']}" in result.stdout
    record = json.loads(run_cli("explain", "--json", "out/acme.docx", cwd=repo).stdout)
    props = record["properties"]
    assert props["template"] == "it-outsourcing" and props["contractgen_version"] == "0.1.0"
    assert sorted(props["clauses"].split()) == sorted(f"{k}@{v['version']}" for k, v in lock["clauses"].items())


def test_explain_refuses_other_files(repo):
    result = run_cli("explain", "deals/acme.yaml", cwd=repo)
    assert result.returncode == 2 and "explain reads .docx and .pdf" in result.stderr


def test_explain_pdf_with_attachments(repo):
    config = repo / "contractgen.toml"
    config.write_text(config.read_text().replace('formats = ["docx"]', 'formats = ["docx", "pdf"]'))
    (repo / "deals" / "beta.yaml").unlink()
    (repo / "deals" / "gamma.yaml").unlink()
    built = run_cli("build", cwd=repo)
    assert built.returncode == 0, built.stderr
    lock = json.loads((repo / "contractgen.lock").read_text())["deals"]["deals/acme.yaml"]
    record = read_provenance(repo / "out" / "acme.pdf")
    assert record["properties"]["deal_sha256"] == lock["deal_sha256"]
    assert record["attachments"]["acme.yaml"] == (repo / "deals" / "acme.yaml").read_text()
    entry = json.loads(record["attachments"]["contractgen-lock-entry.json"])["deals/acme.yaml"]
    assert entry["clauses"] == lock["clauses"]
    text = run_cli("explain", "--full", "out/acme.pdf", cwd=repo).stdout
    assert lock["deal_sha256"] in text and "attachment contractgen-lock-entry.json" in text
    assert run_cli("check", cwd=repo).returncode == 0


def test_explain_says_in_a_few_lines_what_a_reader_needs(repo):
    from .conftest import NEXT, SC, add_service_credits_v3

    deal = repo / "deals" / "beta.yaml"
    deal.write_text(
        deal.read_text(encoding="utf-8").replace("  pin: {}", f"  pin: {{service-credits: {SC}}}"), encoding="utf-8"
    )
    assert run_cli("build", "--jobs", "1", cwd=repo).returncode == 0
    add_service_credits_v3(repo)
    text = run_cli("explain", "out/acme.docx", cwd=repo).stdout
    lines = text.splitlines()
    assert len(lines) < 12 and len(text) < 1500  # a summary, not the record
    assert lines[1] == "  deal:      deals/acme.yaml, draft"
    assert lines[2].startswith("  made:      ") and " UTC (" in lines[2]
    assert lines[3] == "  by:        contractgen 0.1.0, template it-outsourcing"
    assert "1 not the newest the library offers" in text
    assert (
        f"    service-credits v{SC}, newest v{NEXT} (built before the newer version; "
        f"v{NEXT}: Credits are now paid within one Measurement Period.)" in text
    )
    assert "  overrides: none" in text
    pinned = run_cli("explain", "out/beta.docx", cwd=repo).stdout
    assert f"service-credits v{SC}, newest v{NEXT} (pinned by the deal" in pinned
    assert f"  overrides: pins service-credits v{SC}" in pinned
