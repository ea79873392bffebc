"""A template's file digests are kept per file version: the build's children inherit the parent's."""

from __future__ import annotations

import os

from contractgen import safefs
from contractgen.repo import lockfile


def test_a_template_file_is_read_once_per_version(monkeypatch, tmp_path):
    folder = tmp_path / "templates" / "house"
    folder.mkdir(parents=True)
    (folder / "print.css").write_text("p { color: black }\n", encoding="utf-8")
    reads: list[str] = []
    real = safefs.read_bytes

    def spy(path, root, *args, **kwargs):
        reads.append(path.name)
        return real(path, root, *args, **kwargs)

    monkeypatch.setattr(safefs, "read_bytes", spy)
    first = lockfile.template_files(tmp_path / "templates", "house", tmp_path)
    assert lockfile.template_files(tmp_path / "templates", "house", tmp_path) == first
    assert reads == ["print.css"]  # the second listing took the kept digest
    css = folder / "print.css"
    css.write_text("p { color: navy }\n", encoding="utf-8")
    stat = css.stat()
    os.utime(css, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    changed = lockfile.template_files(tmp_path / "templates", "house", tmp_path)
    assert reads == ["print.css", "print.css"] and changed != first  # a new version is read again
