"""Builds users can steer: --keep-going, --rebuild, line-ending-blind hashes."""

from __future__ import annotations

from pathlib import Path

from tests.repo.conftest import run_cli


def _retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index("  title: ")
    end = text.index("\n", start)
    path.write_text(text[:start] + f"  title: {title}" + text[end:], encoding="utf-8")


def _break(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("  currency: GBP", "  currency: GBX"), encoding="utf-8")


def test_keep_going_builds_the_good_deals_beside_a_bad_one(repo):
    _retitle(repo / "deals" / "acme.yaml", "Acme Outsourcing Agreement")
    _break(repo / "deals" / "beta.yaml")
    before = {p: p.read_bytes() for p in (repo / "out").glob("*.docx")}
    lock = (repo / "contractgen.lock").read_bytes()

    stopped = run_cli("build", "--jobs", "1", cwd=repo)
    assert stopped.returncode == 2
    assert {p: p.read_bytes() for p in (repo / "out").glob("*.docx")} == before
    assert (repo / "contractgen.lock").read_bytes() == lock

    going = run_cli("build", "--jobs", "1", "--keep-going", cwd=repo)
    assert going.returncode == 1, going.stdout + going.stderr
    assert "deals/acme.yaml: rendered" in going.stdout
    assert "deals/beta.yaml" in going.stderr and "currency" in going.stderr
    assert (repo / "out" / "acme.docx").read_bytes() != before[repo / "out" / "acme.docx"]
    assert (repo / "out" / "beta.docx").read_bytes() == before[repo / "out" / "beta.docx"]
    checked = run_cli("check", cwd=repo)
    assert checked.returncode == 1
    assert "deals/beta.yaml: deal file changed" in checked.stdout
    assert "deals/acme.yaml" not in checked.stdout


def test_rebuild_renders_every_deal_even_when_current(repo):
    current = run_cli("build", "--jobs", "1", cwd=repo)
    assert current.returncode == 0 and "rendered" not in current.stdout.replace("0 rendered", "")
    result = run_cli("build", "--jobs", "1", "--rebuild", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert all(f"deals/{name}.yaml: rendered" in result.stdout for name in ("acme", "beta", "gamma"))
    assert run_cli("check", cwd=repo).returncode == 0


def test_rebuild_is_not_force_hand_edits_are_still_protected(repo):
    edited = repo / "out" / "gamma.docx"
    edited.write_bytes(edited.read_bytes() + b"\0")
    result = run_cli("build", "--jobs", "1", "--rebuild", cwd=repo)
    assert result.returncode == 1
    assert "edited by hand" in result.stderr


def test_a_crlf_checkout_is_not_stale(repo):
    for path in [
        repo / "deals" / "acme.yaml",
        *(repo / "clauses").rglob("v*.md"),
        *(p for p in (repo / "templates").rglob("*") if p.suffix in (".yaml", ".css", ".j2")),
    ]:
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    checked = run_cli("check", cwd=repo)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = run_cli("build", "--jobs", "1", cwd=repo)
    assert built.returncode == 0 and "deals/acme.yaml: rendered" not in built.stdout
