"""No symbolic link leaves the repository, reading or writing, and no special file is read.

A pull request can replace any folder or file of a contracts repository by a link: `out/` or
`out/.models` pointing at another project (a build would overwrite its files), a deal, clause,
template file or stylesheet pointing at a secret, or the lock or an output pointing at /dev/zero
(read forever). Each test makes one such link and checks the command refuses it, quickly.
"""

from __future__ import annotations

import os
import shutil

import pytest

from tests.repo.conftest import make_repo, run_cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links and devices as on POSIX")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """A repository with three deals, not built (copied by `repo`)."""
    return make_repo(tmp_path_factory.mktemp("links") / "contracts")


@pytest.fixture
def repo(pristine, tmp_path):
    root = tmp_path / "contracts"
    shutil.copytree(pristine, root, symlinks=True)
    return root


@pytest.fixture
def elsewhere(tmp_path):
    """Another project beside the repository, with a file a build must never touch."""
    folder = tmp_path / "other-project"
    folder.mkdir()
    (folder / "package.json").write_text('{"name": "other"}\n')
    return folder


def untouched(folder) -> bool:
    return (
        sorted(p.name for p in folder.iterdir()) == ["package.json"]
        and (folder / "package.json").read_text() == '{"name": "other"}\n'
    )


@pytest.mark.parametrize("link", ["out", "out/.models"])
def test_build_refuses_an_output_folder_linking_out_of_the_repository(repo, elsewhere, link):
    (repo / link).parent.mkdir(parents=True, exist_ok=True)
    (repo / link).symlink_to(elsewhere, target_is_directory=True)
    result = run_cli("build", "--jobs", "1", cwd=repo)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "symbolic link leads outside the repository" in result.stdout + result.stderr
    assert untouched(elsewhere)
    assert not (repo / "contractgen.lock").exists()


def test_render_refuses_a_preview_folder_linking_out_of_the_repository(repo, elsewhere):
    (repo / "preview").symlink_to(elsewhere, target_is_directory=True)
    result = run_cli("render", "deals/acme.yaml", "--format", "docx", cwd=repo)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "outside the repository" in result.stderr
    assert untouched(elsewhere)


def test_a_deal_linking_out_of_the_repository_is_not_built(repo, tmp_path):
    secret = tmp_path / "secret.yaml"
    shutil.copy(repo / "deals" / "acme.yaml", secret)
    (repo / "deals" / "leak.yaml").symlink_to(secret)
    result = run_cli("build", "--jobs", "1", cwd=repo)  # the deals glob finds the link
    assert result.returncode == 2, result.stdout + result.stderr
    assert "deals/leak.yaml: a symbolic link leads outside" in result.stdout + result.stderr
    assert not (repo / "out" / "leak.docx").exists()


def test_a_clause_file_linking_out_of_the_repository_is_refused(repo, tmp_path):
    secret = tmp_path / "credentials.md"
    secret.write_text("---\ntitle: Stolen\nstatus: draft\n---\nAWS_SECRET=hunter2\n")
    folder = next((repo / "clauses").rglob("v1.md")).parent
    (folder / "v9.md").symlink_to(secret)
    result = run_cli("validate", "deals/acme.yaml", cwd=repo)
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "leads outside" in out, out
    assert "hunter2" not in out


def test_a_template_stylesheet_linking_out_of_the_repository_is_refused(repo, tmp_path):
    secret = tmp_path / "secret.css"
    secret.write_text("/* hunter2 */\n")
    css = repo / "templates" / "it-outsourcing" / "pdf" / "print.css"
    css.unlink()
    css.symlink_to(secret)
    result = run_cli("build", "--jobs", "1", "deals/acme.yaml", cwd=repo)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "leads outside" in result.stdout + result.stderr


def test_a_lock_linking_to_dev_zero_is_refused_not_read_forever(repo):
    (repo / "contractgen.lock").symlink_to("/dev/zero")
    result = run_cli("check", cwd=repo)  # bounded by run_cli's timeout: reading /dev/zero would never end
    assert result.returncode == 2, result.stdout + result.stderr
    assert "contractgen.lock" in result.stdout + result.stderr


def test_an_output_linking_to_dev_zero_does_not_hang_check_and_is_replaced_by_build(repo, tmp_path):
    assert run_cli("build", "--jobs", "1", "deals/acme.yaml", cwd=repo).returncode == 0
    output = repo / "out" / "acme.docx"
    output.unlink()
    output.symlink_to("/dev/zero")
    result = run_cli("check", cwd=repo)
    assert result.returncode == 1 and "out/acme.docx" in result.stdout, result.stdout + result.stderr
    result = run_cli("build", "--jobs", "1", "deals/acme.yaml", cwd=repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert output.is_file() and not output.is_symlink()


def test_a_fifo_as_a_deal_file_is_refused_not_waited_on(repo):
    os.mkfifo(repo / "deals" / "pipe.yaml")
    result = run_cli("validate", "deals/pipe.yaml", cwd=repo)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "not a regular file" in result.stdout + result.stderr


def test_the_web_inlines_only_regular_stylesheets_inside_the_template(repo):
    pytest.importorskip("starlette")
    from types import SimpleNamespace

    from contractgen.web.app import _stylesheet

    # the preview inlines the template's stylesheets (its sandboxed frame's requests carry no token)
    ws = SimpleNamespace(repo=SimpleNamespace(config=SimpleNamespace(templates_dir=repo / "templates")))
    css = repo / "templates" / "it-outsourcing" / "pdf" / "print.css"
    assert _stylesheet(ws, "it-outsourcing", "print.css") == css.read_bytes() != b""
    assert _stylesheet(ws, "../it-outsourcing", "print.css") == b"" == _stylesheet(ws, ".", "print.css")
    css.unlink()
    css.symlink_to("/etc/passwd")
    assert _stylesheet(ws, "it-outsourcing", "print.css") == b""
    css.unlink()
    css.symlink_to("/dev/zero")
    assert _stylesheet(ws, "it-outsourcing", "print.css") == b""


def test_lint_reports_a_clause_file_linking_out_of_the_repository_without_reading_it(repo, tmp_path):
    secret = tmp_path / "credentials.md"
    secret.write_text("---\ntitle: Stolen\nstatus: draft\n---\nAWS_SECRET=hunter2\n")
    folder = next((repo / "clauses").rglob("v1.md")).parent
    (folder / "v9.md").symlink_to(secret)
    result = run_cli("lint", cwd=repo)
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "v9.md" in out and "leads outside" in out, out
    assert "hunter2" not in out and "Stolen" not in out


def test_a_pdf_layout_linking_out_of_the_repository_is_refused(repo, tmp_path):
    layout = repo / "templates" / "it-outsourcing" / "pdf" / "layout.html.j2"
    outside = tmp_path / "layout.html.j2"
    shutil.copy(layout, outside)
    layout.unlink()
    layout.symlink_to(outside)
    result = run_cli("render", "deals/acme.yaml", "--format", "pdf", "-o", str(tmp_path / "out"), cwd=repo)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "leads outside" in result.stderr
    assert not (tmp_path / "out" / "acme.pdf").exists()
