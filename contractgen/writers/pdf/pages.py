"""Where each anchor of a rendered contract lands in its PDF: the page numbers the contents print.

The DOCX has no layout of its own to take page numbers from (Word lays it out when it opens it), so
a render of both formats prints the PDF first and gives the DOCX the PDF's page of every anchor,
read back from the PDF's named destinations (pikepdf, which the join already loads: qpdf reads the
file's object streams in a tenth of pypdf's time): the same numbers the PDF's contents print.
"""

from __future__ import annotations

import io


def anchor_pages(pdf: bytes) -> dict[str, int]:
    """Return {anchor: page number, counted from 1} from a contract PDF's named destinations."""
    import pikepdf

    pages: dict[str, int] = {}
    with pikepdf.open(io.BytesIO(pdf)) as document:
        index = {page.obj.objgen: number for number, page in enumerate(document.pages)}
        found: dict[str, object] = {}
        old_style = document.Root.get("/Dests")  # PDF 1.1: a dictionary of names
        if isinstance(old_style, pikepdf.Dictionary):
            found.update((str(key)[1:], value) for key, value in old_style.items())
        names = document.Root.get("/Names")
        tree = names.get("/Dests") if isinstance(names, pikepdf.Dictionary) else None
        if tree is not None:
            found.update((str(key), value) for key, value in pikepdf.NameTree(tree).items())
        for name, destination in found.items():
            if isinstance(destination, pikepdf.Dictionary):
                destination = destination.get("/D")
            if not isinstance(destination, pikepdf.Array) or len(destination) == 0:
                continue
            target = destination[0]
            number = index.get(target.objgen) if isinstance(target, pikepdf.Dictionary) else None
            if number is not None:  # a destination on no page of this file names nothing to print
                pages[name] = number + 1
    return pages
