"""Where each anchor of a rendered contract lands in its PDF: the page numbers the contents print.

The DOCX has no layout of its own to take page numbers from (Word lays it out when it opens it), so
a render of both formats prints the PDF first and gives the DOCX the PDF's page of every anchor,
read back from the PDF's named destinations (pypdf): the same numbers the PDF's contents print.
"""

from __future__ import annotations

import io


def anchor_pages(pdf: bytes) -> dict[str, int]:
    """Return {anchor: page number, counted from 1} from a contract PDF's named destinations."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    pages: dict[str, int] = {}
    for name, destination in reader.named_destinations.items():
        index = reader.get_destination_page_number(destination)
        if index is not None:  # a destination on no page of this file names nothing to print
            pages[str(name)] = index + 1
    return pages
