"""`contractgen build --redline`: a library change redlined for exactly the contracts that use the clause.

The build keeps each contract's document model in out/.models/; the redline of the next build is made
against that stored model, so no old contract is rendered again. Accept All / Reject All are applied
to the redline DOCX and must give the new and the old contract.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from datetime import datetime, timezone

from tests.fixtures.redline.docx_changes import (
    W,
    apply_all,
    document_xml,
    paragraph_texts,
)

from .conftest import NEXT, SC, run_cli
from tests.helpers import git, output_snapshot

OLD_SENTENCE = "will show each Service Credit as a deduction in the next invoice after the Measurement Period"
NEW_SENTENCE = "will deduct each Service Credit from the first invoice after the Measurement Period"


def _v3_changing_a_sentence(root):
    """Add the next approved version of service-credits: the current one with one sentence reworded and a `changes:` note."""
    folder = root / "clauses" / "service-levels" / "service-credits"
    text = (folder / f"v{SC}.md").read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    head = "\n".join(line for line in head.splitlines() if not line.startswith(("changes:", "approved_sha256:")))
    head += "\nchanges: Service Credits are deducted from the first invoice after the Measurement Period."
    assert OLD_SENTENCE in body
    (folder / f"v{NEXT}.md").write_text(head + sep + body.replace(OLD_SENTENCE, NEW_SENTENCE), encoding="utf-8")


def _text(paragraphs) -> str:
    return " ".join(paragraphs)


def test_build_keeps_each_contract_model_and_check_ignores_it(repo):
    lock = json.loads((repo / "contractgen.lock").read_text())
    for stem in ("acme", "beta", "gamma"):
        model = repo / "out" / ".models" / f"{stem}.json"
        assert json.loads(model.read_text())["format"] == "contractgen-model"
        assert lock["deals"][f"deals/{stem}.yaml"]["model_sha256"] == hashlib.sha256(model.read_bytes()).hexdigest()
    assert run_cli("check", cwd=repo).returncode == 0
    again = run_cli("build", "--redline", cwd=repo)  # nothing changed: nothing rendered, nothing redlined
    assert again.returncode == 0 and "0 rendered" in again.stdout
    assert not list((repo / "out").glob("*.redline.*"))


def test_library_change_redlines_exactly_the_contracts_using_the_clause(repo):
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "built")
    before = output_snapshot(repo)
    _v3_changing_a_sentence(repo)

    impact = run_cli("impact", cwd=repo)  # not built yet: it says how to get the redlines
    assert (
        "deals/acme.yaml: no redline yet: run `contractgen build --redline` to write out/acme.redline.docx"
        in impact.stdout
    )

    result = run_cli("build", "--redline", "--jobs", "2", "--author", "Dana Whitfield", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert f"deals/acme.yaml: rendered (clause service-credits v{SC} → v{NEXT})" in result.stdout
    assert f"deals/beta.yaml: rendered (clause service-credits v{SC} → v{NEXT})" in result.stdout
    assert "deals/acme.yaml: redline out/acme.redline.docx" in result.stdout
    assert "deals/beta.yaml: redline out/beta.redline.docx" in result.stdout
    assert "gamma" not in result.stdout
    out = repo / "out"
    assert sorted(p.name for p in out.glob("*.redline.*")) == ["acme.redline.docx", "beta.redline.docx"]

    after = output_snapshot(repo)  # the unaffected deal: no redline, its files keep their bytes and times
    assert after["gamma.docx"] == before["gamma.docx"]
    assert after[".models/gamma.json"] == before[".models/gamma.json"]
    assert after[".models/acme.json"][0] != before[".models/acme.json"][0]

    redline_data = (out / "acme.redline.docx").read_bytes()
    redline = document_xml(redline_data)
    inserted = [el for el in redline.iter(W + "ins") if el.find(f"{W}r") is not None]
    deleted = [el for el in redline.iter(W + "del") if el.find(f"{W}r") is not None]
    assert inserted and deleted
    assert {el.get(W + "author") for el in [*inserted, *deleted]} == {"Dana Whitfield"}
    committed = subprocess.run(
        ["git", "-C", str(repo), "log", "-1", "--format=%cI"], capture_output=True, text=True, check=True
    ).stdout.strip()
    moment = datetime.fromisoformat(committed).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert {el.get(W + "date") for el in [*inserted, *deleted]} == {moment}  # the time of the commit built
    ins_text = " ".join("".join(t.text or "" for t in el.iter(W + "t")) for el in inserted)
    del_text = " ".join("".join(t.text or "" for t in el.iter(W + "delText")) for el in deleted)
    assert "deduct" in ins_text and "first" in ins_text
    assert "show" in del_text and "next" in del_text

    accepted = paragraph_texts(apply_all(redline, accept=True), redline_data)
    rejected = paragraph_texts(apply_all(redline, accept=False), redline_data)
    new_data, old_data = (out / "acme.docx").read_bytes(), before["acme.docx"][0]
    assert accepted == paragraph_texts(document_xml(new_data), new_data)  # the new contract, numbers included
    assert rejected == paragraph_texts(document_xml(old_data), old_data)  # the old one, not re-rendered
    assert NEW_SENTENCE in _text(accepted) and OLD_SENTENCE in _text(rejected)

    lock = json.loads((repo / "contractgen.lock").read_text())
    entry = lock["deals"]["deals/acme.yaml"]
    assert entry["redlines"]["against"]["service-credits"]["version"] == SC
    assert "redlines" not in lock["deals"]["deals/gamma.yaml"]
    check = run_cli("check", cwd=repo)
    assert check.returncode == 0, check.stdout + check.stderr

    since = run_cli("impact", "--since", "HEAD", cwd=repo)  # CI: the change since the last commit
    assert "deals/acme.yaml: redline out/acme.redline.docx" in since.stdout
    assert "deals/beta.yaml: redline out/beta.redline.docx" in since.stdout
    assert "gamma" not in since.stdout


def test_rerender_without_redline_removes_the_outdated_redline(repo):
    _v3_changing_a_sentence(repo)
    assert run_cli("build", "--redline", cwd=repo).returncode == 0
    deal = repo / "deals" / "acme.yaml"
    deal.write_text(deal.read_text() + "\n# touched\n")
    result = run_cli("build", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert not (repo / "out" / "acme.redline.docx").exists()  # it described the previous change
    assert (repo / "out" / "beta.redline.docx").exists()  # beta was not rendered again
    assert run_cli("check", cwd=repo).returncode == 0


def test_failed_redline_build_changes_no_output_model_or_lock(repo):
    _v3_changing_a_sentence(repo)
    (repo / "deals" / "beta.yaml").write_text("template: it-outsourcing\ncontract: {title: Broken}\n")
    before, lock = output_snapshot(repo), (repo / "contractgen.lock").read_bytes()
    result = run_cli("build", "--redline", "--jobs", "2", cwd=repo)
    assert result.returncode == 2
    assert "no output and no lock entry was changed" in result.stderr
    assert output_snapshot(repo) == before  # no redline, no new model for acme either
    assert (repo / "contractgen.lock").read_bytes() == lock
