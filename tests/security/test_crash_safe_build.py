"""A build killed mid-way (SIGKILL, a full disk) is finished by the next `build`, without --force.

The build below is killed by a real SIGKILL at a chosen file write (the process kills itself when
the build is about to replace that file, so the moment is exact, not timed). The next `build` must
exit 0, leave every file exactly as an uninterrupted build does, and `check` must be green.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys

import pytest

from contractgen.errors import OutputError
from tests.repo.conftest import make_repo, run_cli, tree

KILLER = """
import os, signal, sys
import contractgen.outputs as outputs

real, victim = outputs.write_atomically, sys.argv[1]

def write_then_die(target, data, *args, **kwargs):
    if str(target).endswith(victim):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(target, data, *args, **kwargs)

outputs.write_atomically = write_then_die
sys.argv = ["contractgen", "build", "--jobs", "1"]
from contractgen.cli import main
main()
"""


def change_every_deal(root):
    for deal in (root / "deals").glob("*.yaml"):
        text = deal.read_text(encoding="utf-8")
        deal.write_text(text.replace("reference: NWB-ITO-2027-", "reference: NWB-ITO-2028-"), encoding="utf-8")


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """A built repository whose three deals all changed since, and the files an uninterrupted build makes."""
    root = make_repo(tmp_path_factory.mktemp("crash") / "contracts")
    assert run_cli("build", "--jobs", "1", cwd=root).returncode == 0
    change_every_deal(root)
    expected_root = tmp_path_factory.mktemp("expected") / "contracts"
    shutil.copytree(root, expected_root)
    result = run_cli("build", "--jobs", "1", cwd=expected_root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root, tree(expected_root)


@pytest.fixture
def repo(changed, tmp_path):
    root = tmp_path / "contracts"
    shutil.copytree(changed[0], root)
    return root


def test_a_build_killed_mid_way_is_finished_by_the_next_build(changed, repo):
    """Killed with acme written completely and beta half written (its DOCX replaced, its model not)."""
    before = (repo / "out" / "acme.docx").read_bytes()
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, "out/.models/beta.json"], cwd=repo, capture_output=True, text=True, timeout=600
    )
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    assert (repo / "out" / "acme.docx").read_bytes() != before  # the first deal's outputs were replaced
    assert (repo / "contractgen.lock.journal").exists()
    check = run_cli("check", cwd=repo)
    assert check.returncode == 1 and "interrupted" in check.stdout + check.stderr
    assert "edited by hand" not in check.stdout

    result = run_cli("build", "--jobs", "1", cwd=repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "edited by hand" not in result.stdout + result.stderr
    assert tree(repo) == changed[1]
    assert not (repo / "contractgen.lock.journal").exists()
    check = run_cli("check", cwd=repo)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_build_stopped_by_a_full_disk_is_finished_by_the_next_build(changed, repo, monkeypatch):
    import contractgen.outputs as outputs
    from contractgen.repo.build import run_build
    from contractgen.repo.config import load_config

    real = outputs.write_atomically

    def disk_full(target, data, *args, **kwargs):
        if str(target).endswith("out/.models/beta.json"):
            raise OutputError(f"{target}: cannot write: {os.strerror(errno.ENOSPC)}")
        return real(target, data, *args, **kwargs)

    monkeypatch.setattr(outputs, "write_atomically", disk_full)
    with pytest.raises(OutputError):
        run_build(load_config(repo), jobs=1, progress=False)
    monkeypatch.setattr(outputs, "write_atomically", real)
    report = run_build(load_config(repo), jobs=1, progress=False)
    assert report.exit_code == 0, report.messages
    assert tree(repo) == changed[1]
    assert run_cli("check", cwd=repo).returncode == 0
