"""The alternatives contractgen is measured against, each printing the same contract text.

- plain Jinja2 -> WeasyPrint: a ~30-line Jinja2 template turns the flat content (bench/content.py)
  into simple HTML with a minimal inline stylesheet (A4, Liberation Serif 11pt, ruled tables,
  page breaks before parts), then ``weasyprint.HTML(string=...).write_pdf()`` with default
  settings: no shared FontConfiguration, no pre-parsed CSS, nothing kept between documents.
- python-docx: ``docx.Document()`` with the default template; one ``add_paragraph(text, style)``
  per paragraph and ``add_table`` per table, saved to memory.
- docxtpl: the way docxtpl is used in practice, a Word file holding the whole contract with
  ``{{ placeholders }}`` for the deal values. The template is made once (untimed) from
  contractgen's own DOCX of the reference deal by replacing the deal values in its text with
  placeholders; each timed run loads it, renders it with the deal's values and saves to memory.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

PLAIN_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
<style>
@page { size: A4; margin: 25mm 22mm; @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 8.5pt; } }
body { font-family: "Liberation Serif", serif; font-size: 11pt; line-height: 1.38; }
h1 { font-size: 14pt; text-align: center; }
h1.break { break-before: page; }
h2 { font-size: 11pt; margin: 12pt 0 6pt; }
h3 { font-size: 11pt; font-style: italic; font-weight: normal; }
p { margin: 0 0 6pt; text-align: justify; }
p.li { margin-left: 11mm; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; margin: 4pt 0 10pt; }
th, td { border-bottom: .5pt solid #999; padding: 3pt 6pt; text-align: left; vertical-align: top; }
th { background: #e8ebf0; }
</style>
</head>
<body>
{% for b in blocks %}
{% if b.kind == "title" %}<h1 class="title">{{ b.text }}</h1>
{% elif b.kind == "h1" %}<h1{% if b.break %} class="break"{% endif %}>{{ b.text }}</h1>
{% elif b.kind == "h2" %}<h2>{{ b.text }}</h2>
{% elif b.kind == "h3" %}<h3>{{ b.text }}</h3>
{% elif b.kind == "li" %}<p class="li">{{ b.text }}</p>
{% elif b.kind == "table" %}<table><thead><tr>{% for c in b.header %}<th>{{ c }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in b.rows %}<tr>{% for c in row %}<td>{{ c }}</td>{% endfor %}</tr>{% endfor %}</tbody></table>
{% else %}<p>{{ b.text }}</p>
{% endif %}
{% endfor %}
</body>
</html>
"""

_PLAIN = []


def plain_html(content: list[dict], title: str = "Contract") -> str:
    """Return the simple HTML of the plain Jinja2 template (compiled once per process)."""
    if not _PLAIN:
        import jinja2

        _PLAIN.append(jinja2.Environment(autoescape=True).from_string(PLAIN_TEMPLATE))
    return _PLAIN[0].render(blocks=content, title=title)


def plain_weasyprint(content: list[dict], title: str = "Contract") -> bytes:
    """Plain Jinja2 -> WeasyPrint with default settings (the PDF baseline)."""
    import weasyprint

    return weasyprint.HTML(string=plain_html(content, title)).write_pdf()


STYLES = {"title": "Title", "h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3", "li": "List Paragraph", "p": None}


def python_docx(content: list[dict]) -> bytes:
    """python-docx: the same paragraphs and tables with the default template's styles."""
    import docx
    from docx.enum.text import WD_BREAK

    word = docx.Document()
    for block in content:
        kind = block["kind"]
        if kind == "table":
            rows = [block["header"], *block["rows"]]
            ncols = max(len(r) for r in rows)
            table = word.add_table(rows=len(rows), cols=ncols)
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                cells = table.rows[r].cells
                for c, text in enumerate(row):
                    cells[c].text = text
            continue
        if block.get("break"):
            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        word.add_paragraph(block["text"], STYLES[kind])
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- docxtpl


def deal_values(deal_path: Path) -> dict[str, str]:
    """Return {placeholder: text} for the deal values a Word template would carry as placeholders."""
    from contractgen.pipeline import Workspace, build_document, load_deal

    source = load_deal(deal_path)
    document = build_document(source, Workspace()).document
    values = {"title": document.title, "reference": document.reference, "date": document.date_text}
    for party in document.parties:
        values[f"{party.role}_name"] = party.name
        values[f"{party.role}_address"] = party.address
        if party.signatory_name:
            values[f"{party.role}_signatory"] = party.signatory_name
    return {k: v for k, v in values.items() if v and len(v) >= 4}


def make_docxtpl_template(our_docx: bytes, values: dict[str, str]) -> tuple[bytes, int]:
    """Return (template .docx bytes, number of placeholders) made from contractgen's DOCX."""
    import docx
    from docx.oxml.ns import qn

    word = docx.Document(io.BytesIO(our_docx))
    order = sorted(values.items(), key=lambda kv: -len(kv[1]))
    pattern = re.compile("|".join(re.escape(v) for _, v in order))
    by_text = {v: k for k, v in order}
    count = 0
    parts = [word.part] + [
        rel.target_part for rel in word.part.rels.values() if rel.reltype.endswith(("/header", "/footer"))
    ]
    for part in parts:
        for t in part.element.iter(qn("w:t")):
            if t.text and pattern.search(t.text):
                t.text, n = pattern.subn(lambda m: "{{ " + by_text[m.group(0)] + " }}", t.text)
                count += n
    out = io.BytesIO()
    word.save(out)
    return out.getvalue(), count


def docxtpl_render(template: bytes, values: dict[str, str]) -> bytes:
    """docxtpl: load the Word template, render the placeholders, save to memory."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(io.BytesIO(template))
    tpl.render(values, autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def docx_text(data: bytes) -> str:
    """Return the text of a .docx body (paragraphs and table cells in order), for equivalence checks."""
    import docx
    from docx.oxml.ns import qn

    word = docx.Document(io.BytesIO(data))
    lines = []
    for p in word.element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if text:
            lines.append(text)
    return "\n".join(lines)
