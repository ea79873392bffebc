"""How CI installs contractgen: `install` in contractgen.toml, set by `init --install-from`, run for real."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from contractgen import __version__
from contractgen.repo import install as install_module
from contractgen.repo.install import parse_install
from contractgen.errors import InstallError
from tests.helpers import copy_tracked_files

from .conftest import run_cli
from .test_workflow import _plan, _workflow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel of this checkout, built from its tracked files (`pip wheel --no-deps`)."""
    base = tmp_path_factory.mktemp("install-wheel")
    source = copy_tracked_files(base / "source")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-q", "-w", str(base / "dist")],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    return next((base / "dist").glob("contractgen-*.whl"))


def test_the_generated_workflow_installs_a_committed_wheel_for_real(wheel, tmp_path):
    root = tmp_path / "contracts"
    made = run_cli("init", str(root), "--install-from", str(wheel), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    committed = root / ".contractgen" / wheel.name
    assert committed.read_bytes() == wheel.read_bytes()
    assert f'install = ".contractgen/{wheel.name}"' in (root / "contractgen.toml").read_text(encoding="utf-8")
    plan = _plan(root)
    assert plan["install"] == f"./.contractgen/{wheel.name}"
    step = next(s for s in _workflow(root)["jobs"]["contracts"]["steps"] if s.get("name", "").startswith("Install"))
    venv = tmp_path / "ci-python"
    assert subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, timeout=300).returncode == 0
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")},
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "INSTALL": plan["install"],
        "PIP_NO_INDEX": "1",
        "PIP_NO_DEPS": "1",
    }  # offline: the wheel alone
    ran = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=root, env=env, capture_output=True, text=True, timeout=600
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    shown = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import importlib.metadata as m; d = m.distribution('contractgen'); "
            "print(d.version); print(any(str(f).endswith('contractgen/cli.py') for f in d.files))",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert shown.stdout.split() == [__version__, "True"], shown.stderr


def test_init_install_from_a_version_or_a_git_tag(tmp_path):
    pinned = run_cli("init", str(tmp_path / "a"), "--install-from", __version__, cwd=tmp_path)
    assert pinned.returncode == 0, pinned.stderr
    assert _plan(tmp_path / "a")["install"] == f"contractgen=={__version__}"
    url = "git+https://github.com/acme/contractgen@v0.1.0"
    tagged = run_cli("init", str(tmp_path / "b"), "--install-from", url, cwd=tmp_path)
    assert tagged.returncode == 0, tagged.stderr
    assert _plan(tmp_path / "b")["install"] == f"contractgen @ {url}"
    untagged = run_cli(
        "init", str(tmp_path / "c"), "--install-from", "git+https://github.com/acme/contractgen", cwd=tmp_path
    )
    assert untagged.returncode == 2 and "names no tag or commit" in untagged.stderr
    assert not (tmp_path / "c" / "contractgen.toml").exists()


def test_the_lock_records_how_ci_installs_contractgen(repo):
    config = (repo / "contractgen.toml").read_text(encoding="utf-8")
    setting = next(line for line in config.splitlines() if line.startswith("install = ")).split('"')[1]
    lock = json.loads((repo / "contractgen.lock").read_text(encoding="utf-8"))
    assert lock["tools"]["install"] == setting
    (repo / "contractgen.toml").write_text(
        config.replace(f'install = "{setting}"', 'install = "contractgen==9.9.9"'), encoding="utf-8"
    )
    checked = run_cli("check", cwd=repo)
    assert f"installed from {setting}; contractgen.toml now installs contractgen==9.9.9" in checked.stderr


@pytest.mark.parametrize(
    "value, kind",
    [
        ("contractgen==0.1.0", "index"),
        ("0.1.0", "index"),
        ("git+https://github.com/acme/contractgen@v0.1.0", "git"),
        (".contractgen/contractgen-0.1.0-py3-none-any.whl", "wheel"),
    ],
)
def test_pinned_install_settings(value, kind):
    assert parse_install(value).kind == kind


@pytest.mark.parametrize(
    "value",
    [
        "contractgen",
        "contractgen>=0.1",
        "git+https://github.com/acme/contractgen",
        "dist/contractgen-0.1.0-py3-none-any.whl",
        "../x.whl",
        "",
    ],
)
def test_unpinned_install_settings_are_refused(value):
    with pytest.raises(InstallError):
        parse_install(value)


class _Dist:
    def __init__(self, direct: dict | None):
        self.direct = direct

    def read_text(self, name: str):
        return json.dumps(self.direct) if self.direct is not None else None


def test_the_default_is_the_way_this_copy_was_installed(monkeypatch, tmp_path):
    wheel = tmp_path / "contractgen-0.1.0-py3-none-any.whl"
    wheel.write_bytes(b"PK")
    cases = [
        (None, f"contractgen=={__version__}"),
        (
            {
                "url": "https://github.com/acme/contractgen",
                "vcs_info": {"vcs": "git", "requested_revision": "v0.1.0", "commit_id": "abc"},
            },
            "git+https://github.com/acme/contractgen@v0.1.0",
        ),
        ({"url": wheel.as_uri(), "archive_info": {}}, f".contractgen/{wheel.name}"),
    ]
    for direct, expected in cases:
        # patched where this_install looks it up: install.py binds distribution at import
        monkeypatch.setattr(install_module, "distribution", lambda name, d=direct: _Dist(d))
        setting, to_copy, _note = install_module.this_install()
        assert setting == expected
        assert (to_copy == wheel) == expected.endswith(".whl")
