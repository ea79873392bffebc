"""`contractgen build`: renders only what changed, refuses to clobber, fails without losing anything."""

from __future__ import annotations

import json

from .conftest import NEXT, SC, add_service_credits_v3, run_cli
from tests.helpers import output_snapshot


def test_unchanged_repository_builds_nothing(repo):
    before, lock = output_snapshot(repo), (repo / "contractgen.lock").stat().st_mtime_ns
    result = run_cli("build", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "0 rendered" in result.stdout
    assert output_snapshot(repo) == before
    assert (repo / "contractgen.lock").stat().st_mtime_ns == lock


def test_new_clause_version_rerenders_only_the_contracts_using_it(repo):
    before = output_snapshot(repo)
    add_service_credits_v3(repo)
    result = run_cli("build", "--jobs", "2", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert f"deals/acme.yaml: rendered (clause service-credits v{SC} → v{NEXT})" in result.stdout
    assert f"deals/beta.yaml: rendered (clause service-credits v{SC} → v{NEXT})" in result.stdout
    assert "gamma" not in result.stdout
    after = output_snapshot(repo)
    assert after["gamma.docx"] == before["gamma.docx"]  # same bytes, same modification time
    assert after["acme.docx"][0] != before["acme.docx"][0]
    lock = json.loads((repo / "contractgen.lock").read_text())
    assert lock["deals"]["deals/acme.yaml"]["clauses"]["service-credits"]["version"] == NEXT
    assert run_cli("check", cwd=repo).returncode == 0


def test_hand_edited_output_survives_build_and_force_restores_it(repo):
    target = repo / "out" / "beta.docx"
    original = target.read_bytes()
    target.write_bytes(original + b"edited by hand")
    refused = run_cli("build", cwd=repo)
    assert refused.returncode == 1
    assert "out/beta.docx was edited by hand" in refused.stderr
    assert target.read_bytes() == original + b"edited by hand"
    forced = run_cli("build", "--force", cwd=repo)
    assert forced.returncode == 0, forced.stderr
    assert target.read_bytes() == original
    assert run_cli("check", cwd=repo).returncode == 0


def test_failed_build_changes_no_output_and_no_lock(repo):
    add_service_credits_v3(repo)
    (repo / "deals" / "beta.yaml").write_text("template: it-outsourcing\ncontract: {title: Broken}\n")
    before, lock = output_snapshot(repo), (repo / "contractgen.lock").read_bytes()
    result = run_cli("build", "--jobs", "2", cwd=repo)
    assert result.returncode == 2
    assert "deals/beta.yaml" in result.stderr and "no output and no lock entry was changed" in result.stderr
    assert output_snapshot(repo) == before  # acme rendered fine but was not written either
    assert (repo / "contractgen.lock").read_bytes() == lock


def test_build_selected_deal_and_deleted_deal(repo):
    (repo / "deals" / "beta.yaml").write_text((repo / "deals" / "beta.yaml").read_text() + "\n# touched\n")
    (repo / "deals" / "gamma.yaml").unlink()
    only = run_cli("build", "deals/beta.yaml", cwd=repo)
    assert only.returncode == 0, only.stderr
    lock = json.loads((repo / "contractgen.lock").read_text())
    assert "deals/gamma.yaml" in lock["deals"]  # a selective build leaves other entries alone
    full = run_cli("build", cwd=repo)
    assert full.returncode == 0
    lock = json.loads((repo / "contractgen.lock").read_text())
    assert sorted(lock["deals"]) == ["deals/acme.yaml", "deals/beta.yaml"]
    assert run_cli("check", cwd=repo).returncode == 0


def test_build_outside_a_repository_is_bad_input(tmp_path):
    result = run_cli("build", cwd=tmp_path)
    assert result.returncode == 2 and "contractgen init" in result.stderr


def test_a_built_docx_shows_the_page_numbers_of_its_pdf_in_the_contents(repo):
    import io
    import zipfile

    from lxml import etree

    from contractgen.writers.docx.fields import bookmark_name
    from contractgen.writers.pdf.pages import anchor_pages
    from tests.writers.docx_lists import complex_fields

    config = repo / "contractgen.toml"
    config.write_text(config.read_text().replace('formats = ["docx"]', 'formats = ["docx", "pdf"]'))
    (repo / "deals" / "beta.yaml").unlink()
    (repo / "deals" / "gamma.yaml").unlink()
    built = run_cli("build", cwd=repo)
    assert built.returncode == 0, built.stderr
    pages = anchor_pages((repo / "out" / "acme.pdf").read_bytes())  # the PDF of the same build, its attachments on
    with zipfile.ZipFile(io.BytesIO((repo / "out" / "acme.docx").read_bytes())) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    w = root.nsmap["w"]
    refs = [(code.split()[1], int(result)) for code, result in complex_fields(root) if code.startswith("PAGEREF ")]
    assert len(refs) > 10
    bookmarks = {b.get(f"{{{w}}}name") for b in root.iter(f"{{{w}}}bookmarkStart")}
    assert {bookmark for bookmark, _ in refs} <= bookmarks
    page_of_bookmark = {bookmark_name(anchor): page for anchor, page in pages.items()}
    assert refs == [(bookmark, page_of_bookmark[bookmark]) for bookmark, _ in refs]
    numbers = [number for _, number in refs]
    assert numbers == sorted(numbers) and numbers[0] > 1
