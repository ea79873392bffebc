"""The default template carries its fonts: the PDF does not depend on the machine's fonts."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pypdf

from tests.helpers import REFERENCE, ROOT, TEMPLATE, run_contractgen

EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def _render_pdf(out: Path, env: dict | None = None, *extra: str):
    return run_contractgen(
        "render", str(REFERENCE), "--format", "pdf", "-o", str(out), *extra, env={**os.environ, **(env or {})}
    )


def _fonts_and_pages(pdf: Path) -> tuple[set[str], int]:
    reader = pypdf.PdfReader(pdf)
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+", 1)[-1]
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    return fonts, len(reader.pages)


def test_the_template_ships_open_licensed_fonts():
    fonts = sorted((TEMPLATE / "pdf" / "fonts").glob("*.ttf"))
    assert len(fonts) >= 4
    assert "SIL Open Font License" in (TEMPLATE / "pdf" / "fonts" / "LICENSE").read_text(encoding="utf-8")


def test_pdf_keeps_its_pages_and_bytes_without_any_system_font(tmp_path):
    normal = _render_pdf(tmp_path / "normal")
    assert normal.returncode == 0, normal.stderr
    config = tmp_path / "fonts.conf"
    config.write_text(EMPTY_FONTCONFIG.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    bare = _render_pdf(tmp_path / "bare", {"FONTCONFIG_FILE": str(config)})
    assert bare.returncode == 0, bare.stderr
    fonts, pages = _fonts_and_pages(tmp_path / "normal" / "deal-example.pdf")
    bare_fonts, bare_pages = _fonts_and_pages(tmp_path / "bare" / "deal-example.pdf")
    assert bare_pages == pages
    assert fonts == bare_fonts and all(name.startswith("Contract-") for name in fonts), fonts
    assert (tmp_path / "bare" / "deal-example.pdf").read_bytes() == (
        tmp_path / "normal" / "deal-example.pdf"
    ).read_bytes()


def test_a_missing_template_font_is_an_error_not_a_fallback(tmp_path):
    library = tmp_path / "library"
    shutil.copytree(ROOT / "clauses", library / "clauses")
    shutil.copytree(ROOT / "templates", library / "templates")
    (library / "templates" / "it-outsourcing" / "pdf" / "fonts" / "LiberationSerif-Italic.ttf").unlink()
    result = _render_pdf(tmp_path / "out", None, "--root", str(library))
    assert result.returncode == 2
    assert "fonts/LiberationSerif-Italic.ttf" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "deal-example.pdf").exists()
