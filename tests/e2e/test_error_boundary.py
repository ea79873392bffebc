"""Every error is a message and exit 2, never a traceback."""

from __future__ import annotations

from click.testing import CliRunner

from contractgen.cli import main
from tests.helpers import REFERENCE


def _boom(*_args, **_kwargs):
    raise RuntimeError("something unexpected")


def test_an_unexpected_error_is_one_line_and_exit_2(monkeypatch):
    import contractgen.repo.config as config

    monkeypatch.setattr(config, "find_repo", _boom)
    monkeypatch.delenv("CONTRACTGEN_DEBUG", raising=False)
    result = CliRunner().invoke(main, ["validate", str(REFERENCE)])
    assert result.exit_code == 2
    assert "internal error: RuntimeError: something unexpected" in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not an exception escaping the command


def test_an_unreadable_file_is_a_message_and_exit_2(monkeypatch, tmp_path):
    import contractgen.repo.config as config

    def unreadable(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "contractgen.toml"))

    monkeypatch.setattr(config, "find_repo", unreadable)
    result = CliRunner().invoke(main, ["validate", str(REFERENCE)])
    assert result.exit_code == 2
    assert f"{tmp_path / 'contractgen.toml'}: Permission denied" in result.output
