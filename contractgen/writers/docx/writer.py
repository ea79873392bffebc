"""DOCX writer: print a finished document model as a Word file (lxml; python-docx only where it must).

`write_docx` builds the package: the template's base document (its reference.docx, or one built
from styles.yaml: writers/docx/reference.py) with its body replaced by the contract
(writers/docx/body.py), the header and footer fields filled in, the drafting notes as comments and
the properties (writers/docx/properties.py), zipped deterministically (writers/docx/package.py).
The package is opened with lxml alone (writers/docx/word.py); python-docx (writers/docx/legacy.py)
prints only what that path leaves to it, with the same bytes.
"""

from __future__ import annotations

import pathlib
import re
from typing import Any

from lxml import etree

from contractgen.document.model import Document
from contractgen.writers.docx import fields as f
from contractgen.writers.docx.body import BodyWriter
from contractgen.writers.docx.measure import Measure
from contractgen.writers.docx.package import deterministic_zip
from contractgen.writers.docx.properties import core_values, custom_properties_xml
from contractgen.writers.docx.base import load_base
from contractgen.writers.docx.basedoc import REFERENCE_FIELD, TITLE_FIELD
from contractgen.writers.docx.styles import load_style_sheet, set_language
from contractgen.writers.docx.wml import qn
from contractgen.writers.docx.word import LxmlWord

SubElement = etree.SubElement
W_R, W_T, W_VAL = qn("w:r"), qn("w:t"), qn("w:val")
STYLE_REFS = (qn("w:pStyle"), qn("w:tblStyle"))


def render_docx(
    document: Document, template_dir: pathlib.Path, pages: dict[str, int] | None = None, python_docx: bool = False
) -> bytes:
    """Return the complete .docx bytes for a finished document model.

    `pages` ({anchor: page number}, from the PDF of the same model: writers.pdf.pages) puts the page
    numbers into the contents' field result, so Word shows them before the field is updated.
    `python_docx` prints the package through python-docx (the reference the lxml path is checked against).
    """
    make = lambda sheet, base: BodyWriter(document, sheet, base, pages)  # noqa: E731
    return write_docx(document, template_dir, make, python_docx=python_docx)


def write_docx(
    document: Document,
    template_dir: pathlib.Path,
    make_writer,
    properties: Document | None = None,
    python_docx: bool = False,
) -> bytes:
    """Return .docx bytes: the body printed by `make_writer(style sheet, base document)` (a BodyWriter),
    then the header, footer and properties; the custom properties come from `properties` (default: document)."""
    sheet = load_style_sheet(template_dir)
    base = load_base(template_dir)
    core = core_values(document)
    word: Any = None if python_docx else LxmlWord(base.data)
    if word is None or not word.can_print(document.draft, bool(document.notes), core):
        from contractgen.writers.docx.legacy import PythonDocxWord

        word = PythonDocxWord(base.data)
    set_language(word.styles, document.locale)

    body = word.body
    sect_pr = body.find(qn("w:sectPr"))
    for child in list(body):
        body.remove(child)
    writer = make_writer(sheet, base)
    writer.measure = Measure(template_dir)
    writer.cover(body)
    writer.contents(body)
    writer.page_break_pending = True
    for part in document.parts:
        writer.part(body, part)
    if sect_pr is not None:
        body.append(sect_pr)
    writer.finish(body)
    _restyle(body, base.ids)
    _comments(word, body, document, getattr(writer, "names", {}))

    _headers_and_footers(word, document, sheet)
    word.set_core_properties(core)
    word.add_custom_properties(custom_properties_xml(document if properties is None else properties))
    return deterministic_zip(word.members())


def _restyle(body, ids: dict) -> None:
    """Point style references at the base document's own style ids (found by style name)."""
    if all(key == value for key, value in ids.items()):
        return
    for el in body.iter(*STYLE_REFS):
        value = el.get(W_VAL)
        if value in ids:
            el.set(W_VAL, ids[value])


# ---------------------------------------------------------------- drafting notes


NOTE_AUTHOR, NOTE_INITIALS = "contractgen", "CG"


def _comments(word, body, document: Document, bookmarks: dict[str, str]) -> None:
    """Attach each drafting note of a draft as a Word comment on the heading of the clause it affects.

    A note on the document as a whole (or on a clause the contract does not include) goes on the title.
    """
    if not document.notes:
        return
    starts = {el.get(qn("w:name")): el for el in body.iter(qn("w:bookmarkStart"))}
    title = next((p for p in body.iter(qn("w:p")) if p.find(W_R) is not None), None)
    for note in document.notes:
        start = starts.get(bookmarks.get(note.anchor, ""))
        target = start.getparent() if start is not None else title
        while target is not None and target.tag != qn("w:p"):
            target = target.getparent()
        if target is None:
            continue
        runs = [r for r in target.iter(W_R) if r.find(W_T) is not None]
        if not runs:
            continue
        word.add_comment(runs[0], runs[-1], note.text, NOTE_AUTHOR, NOTE_INITIALS)


# ---------------------------------------------------------------- header and footer


def _headers_and_footers(word, document: Document, sheet: dict) -> None:
    """Fill the TITLE and Reference fields of the base document's headers and footers; for a draft
    add "DRAFT" to the running header and a diagonal watermark behind every page."""
    values = {TITLE_FIELD: document.title, REFERENCE_FIELD: document.reference}
    for el in word.unlinked_headers_and_footers():
        _fill_fields(el, values)
    if not document.draft:
        return
    colours, font = sheet["colours"], sheet["fonts"]["body"]

    def draft_colour(rpr):
        SubElement(rpr, qn("w:color")).set(W_VAL, colours["draft"])

    for index, el in enumerate(word.running_headers(), start=1):
        p = el.find(qn("w:p"))
        if p is None:
            p = f.paragraph(el)
        if index == 1:
            f.add_tab(f.run(p))
            f.run(p, "DRAFT", bold=True, rpr_extra=draft_colour)
        p.append(f.watermark_run("DRAFT", font, colours["watermark"], index))


def _field_key(code: str) -> str:
    """Return a field code without switches and case: 'DOCPROPERTY "Reference"'."""
    code = re.split(r"\s\\", " " + code.strip() + " ", maxsplit=1)[0].strip()
    name, _, rest = code.partition(" ")
    rest = rest.strip().strip('"')
    return f'{name.upper()} "{rest.lower()}"' if rest else name.upper()


def _fill_fields(root, values: dict) -> None:
    """Set the result of every field under root whose code is a key of `values`."""
    wanted = {_field_key(code): value for code, value in values.items()}
    for simple in root.iter(qn("w:fldSimple")):
        value = wanted.get(_field_key(simple.get(qn("w:instr"), "")))
        if value is not None:
            _set_result([r for r in simple if r.tag == W_R], simple, value)
    for p in root.iter(qn("w:p")):
        code, state = "", ""
        result: list[Any] = []  # the runs of the field's current result
        for r in list(p.iter(W_R)):
            char = r.find(qn("w:fldChar"))
            kind = char.get(qn("w:fldCharType")) if char is not None else ""
            if kind == "begin":
                code, result, state = "", [], "code"
            elif kind == "separate":
                state = "result"
            elif kind == "end":
                value = wanted.get(_field_key(code))
                if value is not None and state:
                    _set_result(result, r, value)
                state = ""
            elif state == "code":
                code += "".join(t.text or "" for t in r.iter(qn("w:instrText")))
            elif state == "result":
                result.append(r)


def _set_result(runs: list, before, value: str) -> None:
    """Make `runs` (a field's result) show `value`: the first run keeps its formatting, the rest go."""
    if runs:
        first = runs[0]
        for r in runs[1:]:
            r.getparent().remove(r)
        for child in [c for c in first if c.tag != qn("w:rPr")]:
            first.remove(child)
    else:
        first = etree.Element(W_R)
        before.addprevious(first)
    f.add_text(first, value)
