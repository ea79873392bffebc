"""The package around the body through python-docx's object model: the writer's reference path.

`write_docx` prints through `word.LxmlWord` (lxml alone). This class does the same through
python-docx, which the fast path follows byte for byte (tests/writers/test_docx_fast.py renders
every sample and practitioner deal both ways); it also serves the base documents the fast path
leaves to python-docx (writers/docx/word.py, `LxmlWord.can_print`).
"""

from __future__ import annotations

import io

import docx
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from contractgen.writers.docx.oxml import CT, RT, add_part, element_of, package_members, qn


class PythonDocxWord:
    """A base document opened with python-docx, with the operations the writer needs."""

    def __init__(self, data: bytes) -> None:
        self.word = docx.Document(io.BytesIO(data))
        self.styles = self.word.styles.element
        self.body = self.word.element.body

    def unlinked_headers_and_footers(self) -> list:
        """Return the elements of the first section's headers and footers that have their own part."""
        section = self.word.sections[0]
        kinds = [
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
            section.even_page_header,
            section.even_page_footer,
        ]
        return [element_of(part) for part in kinds if not part.is_linked_to_previous]

    def running_headers(self) -> list:
        """Return the elements of the running header and, on a different first page, the first page's."""
        section = self.word.sections[0]
        headers = [section.header]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
        return [element_of(header) for header in headers]  # python-docx gives a linked header a part first

    def add_comment(self, first_run, last_run, text: str, author: str, initials: str) -> None:
        """Add a comment of `author` on the runs from `first_run` to `last_run` (elements of one paragraph)."""
        paragraph = Paragraph(first_run.getparent(), self.word.part)
        comment = self.word.add_comment(
            [Run(first_run, paragraph), Run(last_run, paragraph)], text=text, author=author, initials=initials
        )
        comment._comment_elm.attrib.pop(qn("w:date"), None)  # the same deal gives the same bytes

    def set_core_properties(self, values: list) -> None:
        """Set the core properties, (python-docx name, value) in order."""
        props = self.word.core_properties
        for name, value in values:
            setattr(props, name, value)

    def add_custom_properties(self, blob: bytes) -> None:
        """Add docProps/custom.xml."""
        add_part(self.word.part.package, "/docProps/custom.xml", CT.OFC_CUSTOM_PROPERTIES, blob, RT.CUSTOM_PROPERTIES)

    def members(self) -> dict[str, bytes]:
        """Return the package's zip members as python-docx saves them."""
        return package_members(self.word.part.package)
