"""What the writer knows of a base document (writers/docx/base.py loads it, reference.py makes it)."""

from __future__ import annotations

import pathlib
from dataclasses import dataclass

from contractgen.writers.docx.numbering import ListLinks

REFERENCE_DOCX = pathlib.Path("docx") / "reference.docx"
MAX_REFERENCE_BYTES = 16 * 1024 * 1024  # the file as stored (compressed); what it unpacks to is capped in clean.py
TITLE_FIELD, REFERENCE_FIELD = "TITLE", 'DOCPROPERTY "Reference"'  # filled in by the writer


@dataclass(frozen=True)
class Base:
    """A base document and what the writer needs to know about it."""

    data: bytes  # the .docx the writer starts from
    ids: dict  # style key (styles.yaml) -> style id in the base document
    lists: ListLinks  # style key -> (numId, level)
    text_width: int  # twips between the margins


def reference_path(template_dir: pathlib.Path) -> pathlib.Path:
    """Return where a template's reference document would be."""
    return pathlib.Path(template_dir) / REFERENCE_DOCX
