"""Join the contract's parts into one PDF with pikepdf: the frame's and each part's page drawn over a blank
page that carries the contract's identity, one font program per font.

The blank pages (``writers.pdf.furniture``) carry the contract's identity (PDF/A-3b metadata,
output intent, attachments, document information), its links, named destinations and outline; the
frame's page (cover, contents, page furniture) and then a part's page become form XObjects drawn
over the blank page of the same number.
Every part embedded its own subset of the template's fonts, and WeasyPrint keeps each glyph's id in
a subset, so one subset of the template's font file holding every part's glyphs replaces them all
and the parts' text keeps pointing at the right glyphs.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

from contractgen.errors import OutputError

# The tables WeasyPrint drops when it subsets a font (HarfBuzz), dropped here alike.
DROP_TABLES = ["BASE", "DSIG", "EBDT", "EBLC", "EBSC", "GPOS", "GSUB", "JSTF", "LTSH", "PCLT", "SVG "]

_FONT_FILES: dict[tuple, str] = {}
_LOCK = threading.Lock()


def join(base_pdf: bytes, layers: list[list[bytes]], font_files: list[Path]) -> bytes:
    """Return the base PDF with each layer's pages drawn over its last pages, layer after layer, fonts merged.

    A layer is a list of PDFs whose pages, in order, cover the base's last pages (the frame's pages
    cover all of them, the parts' pages those after the cover and contents).
    """
    import pikepdf

    with pikepdf.open(io.BytesIO(base_pdf)) as out:
        sources = [[pikepdf.open(io.BytesIO(data)) for data in layer] for layer in layers]
        try:
            over: list[list] = [[] for _ in out.pages]
            for layer in sources:
                placed = [page for source in layer for page in source.pages]
                first = len(out.pages) - len(placed)
                if first < 0 or (first < 1 and layer is not sources[0]):
                    raise OutputError("the PDF's frame has fewer pages than the parts it carries")
                for number, page in enumerate(placed):
                    over[first + number].append(page)
            for page, forms in zip(out.pages, over):
                if forms:
                    draw_over(out, page, forms)
        finally:
            for layer in sources:
                for source in layer:
                    source.close()
        merge_font_programs(out, font_files)
        buffer = io.BytesIO()
        out.save(
            buffer, deterministic_id=True, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate
        )
        return buffer.getvalue()


def draw_over(owner, page, pages) -> None:
    """Draw other PDFs' pages over a page, in order, each as a form XObject of the page's own resources."""
    import pikepdf

    # WeasyPrint's pages share one resource dictionary: the page gets its own, with its own XObjects
    resources = pikepdf.Dictionary({key: value for key, value in page.obj.Resources.items()})
    objects = resources.get("/XObject")
    resources.XObject = pikepdf.Dictionary({key: value for key, value in objects.items()} if objects else {})
    placements = b""
    for number, other in enumerate(pages):
        form = owner.copy_foreign(other.as_form_xobject())
        name = pikepdf.Name("/ContractgenPart" + (str(number) if number else ""))
        resources.XObject[name] = form
        placements += page.calc_form_xobject_placement(form, name, pikepdf.Rectangle(page.trimbox))
    page.obj.Resources = owner.make_indirect(resources)
    page.contents_add(b"q\n", prepend=True)
    page.contents_add(b"Q\n" + placements, prepend=False)
    page.contents_coalesce()


def _postscript_name(data: bytes) -> str:
    """Return a font program's PostScript name (name id 6), or "" when it has none."""
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(io.BytesIO(data), lazy=True)
        name = font["name"].getDebugName(6) if "name" in font else None
    except Exception:  # a program fontTools cannot read is left as it is
        return ""
    return name or ""


def template_font_files(font_files: list[Path]) -> dict[str, Path]:
    """Return {PostScript name: file} of the template's font files (read once per file version)."""
    found: dict[str, Path] = {}
    for path in font_files:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        with _LOCK:
            if key not in _FONT_FILES:
                _FONT_FILES[key] = _postscript_name(path.read_bytes())
            name = _FONT_FILES[key]
        if name:
            found.setdefault(name, path)
    return found


def _glyph_ids(widths) -> set[int]:
    """Return the glyph ids a CIDFont's /W array gives widths for ([first [w ...]] and [first last w])."""
    ids: set[int] = set()
    items = list(widths)
    i = 0
    while i < len(items):
        first = int(items[i])
        following = items[i + 1]
        if isinstance(following, (list,)) or hasattr(following, "as_list"):
            ids.update(range(first, first + len(following)))
            i += 2
        else:
            ids.update(range(first, int(following) + 1))
            i += 3
    return ids


def subset_font(path: Path, glyphs: set[int]) -> bytes:
    """Return a subset of a font file with `glyphs` at their own ids (as WeasyPrint subsets them)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options(
        retain_gids=True,
        passthrough_tables=True,
        ignore_missing_glyphs=True,
        hinting=False,
        desubroutinize=True,
        notdef_outline=True,
    )
    options.drop_tables += [tag.strip() for tag in DROP_TABLES]
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=sorted(glyphs | {0}))
    font = TTFont(str(path), recalcTimestamp=False)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def merged_subset(path: Path, glyphs: set[int]) -> bytes:
    """Return subset_font(path, glyphs), from the signed cache when the same file and glyphs were subset before."""
    from contractgen.writers.pdf.cache import cached_blob, content_key
    from contractgen.writers.reuse import code_identity, file_digest

    key = content_key(
        "contractgen font subset",
        code_identity(),
        file_digest(path),
        " ".join(DROP_TABLES),
        ",".join(str(glyph) for glyph in sorted(glyphs)),
    )
    return cached_blob(key, lambda: subset_font(path, glyphs))


def merge_font_programs(pdf, font_files: list[Path]) -> int:
    """Give every TrueType font of the same template font file one program and one descriptor; return how many."""
    import pikepdf

    names = template_font_files(font_files)
    groups: dict[str, list] = {}
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Subtype") != "/CIDFontType2":
            continue
        descriptor = obj.get("/FontDescriptor")
        program = descriptor.get("/FontFile2") if descriptor is not None else None
        if program is None:
            continue
        name = _postscript_name(program.read_bytes())
        if name in names:
            groups.setdefault(name, []).append(obj)
    merged = 0
    for name, fonts in sorted(groups.items()):
        glyphs: set[int] = set()
        for font in fonts:
            glyphs |= _glyph_ids(font.get("/W", []))
        data = merged_subset(names[name], glyphs)
        program = pikepdf.Stream(pdf, data)
        program["/Length1"] = len(data)
        descriptor = fonts[0].FontDescriptor
        boxes = [list(font.FontDescriptor.FontBBox) for font in fonts]
        descriptor.FontBBox = pikepdf.Array(
            [
                min(float(box[0]) for box in boxes),
                min(float(box[1]) for box in boxes),
                max(float(box[2]) for box in boxes),
                max(float(box[3]) for box in boxes),
            ]
        )
        descriptor.FontFile2 = program
        for font in fonts:
            font.FontDescriptor = descriptor
        merged += 1
    return merged
