"""A long part (the agreement's body) laid out again only from where an edit can move its pages.

The layout marks with ``data-pdf-flow`` the elements whose children may each start a page: the
agreement, its clauses, a definitions list, a numbered list. Those children are the part's
*blocks*. Layout is sequential: a page that starts with a block (no block split across the break)
is laid out the same whatever came before it, given the same blocks from there on, since nothing
else crosses a page here — the part prints no running header, page number or footnote, the
stylesheet sets no counters, floats or sibling-dependent selectors (``css_allows`` checks it, or the
part is laid out whole as before), and the frame writes the links, anchors and outline. Fixed
elements (the draft watermark) sit in the frame, never in a part, so none repeats from a block
that a window leaves out.

So a part is laid out and drawn in *chunks*: the pages from one such clean page start to the
next. Each chunk is drawn as a PDF of its own (the join places each page wherever it came from), and
cached under the blocks it depends on: its own and those of the page after it, which decided
where its last page ends. A later layout walks the part's blocks: where the cache holds a chunk
starting at the current block whose blocks are unchanged, it takes it and goes on at the chunk's
end; else it lays out from there a *window* of blocks (after an empty spacer page, so the first
block meets the top of a page as it does after an ordinary page break), up to a little past the
next cached chunks, and stops at the first page break that falls where a cached chunk starts
unchanged. A cold cache lays the whole part out once and cuts it at the same places, so cold and
warm give the same chunks and the same bytes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

FLOW = "data-pdf-flow"
SPACER = "data-pdf-spacer"
# What could make a block's layout depend on what came before its page, or on where the part ends.
_UNSAFE_CSS = re.compile(
    r"[+~]|:(first|last|only|nth)-|-of-type|:has\(|counter-(increment|reset|set)|"
    r":(left|right|recto|verso|blank|first)\b|\bfloat\b|footnote|running\(",
    re.IGNORECASE,
)
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CANDIDATES = 8  # chunks kept per starting block (several contracts may share it)


def css_allows(text: str) -> bool:
    """Return whether a stylesheet leaves nothing to cross a page break but the flow itself (see the module)."""
    rules = _COMMENT.sub("", text)
    # what @page rules hold is the frame's furniture, which parts do not draw; their selectors count
    return _UNSAFE_CSS.search(re.sub(r"(@page[^{]*)\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", r"\1", rules)) is None


def _local(tag) -> str:
    """Return an element's tag without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


@dataclass
class Blocks:
    """A part's page split into blocks: each with the containers it sits in and the digest of its markup."""

    root: Any
    head: Any
    blocks: list
    chains: list[tuple]  # each block's containers, from <body> inwards
    digests: list[str]
    first_of: dict[int, int]  # id(container) -> its first block
    contexts: list[str]  # each block's containers (and the page's head) as a digest

    def __len__(self) -> int:
        """Return how many blocks."""
        return len(self.blocks)


def read_blocks(root) -> Blocks | None:
    """Return the blocks of a part's page, or None when it marks no flow (it is laid out whole)."""
    import hashlib
    from xml.etree import ElementTree

    head = next((child for child in root if _local(child.tag) == "head"), None)
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        return None
    blocks: list = []
    chains: list[tuple] = []
    first_of: dict[int, int] = {}
    marked = False

    def walk(container, chain: tuple) -> None:
        nonlocal marked
        first_of.setdefault(id(container), len(blocks))
        for child in container:
            if not isinstance(child.tag, str):
                continue  # a comment
            if child.get(FLOW) is not None or _local(child.tag) == "main":
                marked = marked or child.get(FLOW) is not None
                walk(child, (*chain, child))
            else:
                blocks.append(child)
                chains.append(chain)

    walk(body, (body,))
    if not marked or len(blocks) < 2:
        return None
    page = hashlib.sha256(repr(sorted(root.attrib.items())).encode("utf-8"))
    if head is not None:
        page.update(ElementTree.tostring(head, encoding="unicode", method="html").encode("utf-8"))
    opened: dict[tuple, str] = {}
    contexts = []
    for chain in chains:
        key = tuple(id(element) for element in chain)
        if key not in opened:
            digest = page.copy()
            for element in chain:
                digest.update(f"\0{element.tag}\0{sorted(element.attrib.items())!r}".encode("utf-8"))
            opened[key] = digest.hexdigest()
        contexts.append(opened[key])
    digests = [
        hashlib.sha256(ElementTree.tostring(block, encoding="unicode", method="html").encode("utf-8")).hexdigest()
        for block in blocks
    ]
    return Blocks(root, head, blocks, chains, digests, first_of, contexts)


def window_root(found: Blocks, start: int, stop: int):
    """Return a page holding blocks start … stop-1 in copies of their containers; after the first block, an
    empty spacer page comes first, so the window's first block starts a page after an unforced break."""
    from xml.etree import ElementTree

    root = ElementTree.Element(found.root.tag, dict(found.root.attrib))
    if found.head is not None:
        root.append(found.head)
    holders: dict[int, Any] = {}

    def holder(chain: tuple):
        parent = root
        for element in chain:
            copy = holders.get(id(element))
            if copy is None:
                copy = holders[id(element)] = ElementTree.SubElement(parent, element.tag, dict(element.attrib))
            parent = copy
        return parent

    if start > 0:
        chain = found.chains[start]
        # before the outermost container the block opens (the container then starts on the page, as it did)
        depth = next((d for d, element in enumerate(chain) if found.first_of[id(element)] == start), len(chain))
        spacer = {SPACER: "", "style": "height: 100vh; margin: 0; padding: 0; border: 0; break-inside: auto"}
        ElementTree.SubElement(holder(chain[:depth]), "div", spacer)
    for number in range(start, stop):
        holder(found.chains[number]).append(found.blocks[number])
    return root


@dataclass
class Laid:
    """One chunk laid out: where it starts and ends (blocks), its part (PDF and page facts), the blocks it read."""

    start: int
    end: int  # the block the next chunk starts with (len(blocks) at the part's end)
    part: Any
    read_to: int  # the last block of the page after the chunk (the part's last block at its end)


def _index_key(found: Blocks, number: int, identity: str) -> str:
    """Return the cache key of the chunks that start at block `number` of this content and containers."""
    from contractgen.writers.pdf.cache import content_key

    where = "part start" if number == 0 else "page start"
    return content_key("contractgen flow chunks", identity, where, found.contexts[number], found.digests[number])


def _chunk_key(found: Blocks, laid: Laid, identity: str) -> str:
    """Return the cache key of one laid-out chunk: its start, its blocks and those it read, its end."""
    from contractgen.writers.pdf.cache import content_key

    return content_key(
        "contractgen flow chunk",
        _index_key(found, laid.start, identity),
        *found.digests[laid.start : laid.read_to + 1],
        str(laid.end - laid.start),
        "last" if laid.end == len(found) else "",
    )


def _candidates(found: Blocks, number: int, identity: str) -> list[dict]:
    """Return the cached chunks recorded as starting at block `number` (unchecked)."""
    from contractgen.writers.pdf import cache

    data = cache.load_blob(_index_key(found, number, identity))
    try:
        listed = json.loads(data) if data else []
    except ValueError:
        return []
    return [item for item in listed if isinstance(item, dict)] if isinstance(listed, list) else []


def _fitting(found: Blocks, number: int, identity: str) -> dict | None:
    """Return the recorded chunk starting at block `number` whose blocks (and those it read) are these, or None."""
    for item in _candidates(found, number, identity):
        try:
            read, length, last = list(item["blocks"]), int(item["length"]), bool(item["last"])
        except (KeyError, TypeError, ValueError):
            continue
        end = number + length
        if found.digests[number : number + len(read)] != read or not number < end <= len(found):
            continue
        if last != (end == len(found)) or (last and number + len(read) != len(found)):
            continue  # the part's last chunk only where the part ends with the same blocks
        return {"chunk": str(item.get("chunk", "")), "end": end, "read_to": number + len(read) - 1}
    return None


def _take(found: Blocks, number: int, identity: str) -> Laid | None:
    """Return the cached chunk starting at block `number` if its blocks are unchanged, else None."""
    from contractgen.writers.pdf import cache

    fitting = _fitting(found, number, identity)
    part = cache.load(fitting["chunk"]) if fitting else None
    if part is None or fitting is None:
        return None
    return Laid(number, fitting["end"], part, fitting["read_to"])


def _store(found: Blocks, laid: Laid, identity: str) -> None:
    """Cache a laid-out chunk and record it among those starting at its first block."""
    from contractgen.writers.pdf import cache

    key = _chunk_key(found, laid, identity)
    cache.store(key, laid.part)
    item = {
        "blocks": found.digests[laid.start : laid.read_to + 1],
        "length": laid.end - laid.start,
        "last": laid.end == len(found),
        "chunk": key,
    }
    kept = [other for other in _candidates(found, laid.start, identity) if other.get("chunk") != key]
    record = json.dumps([item, *kept][:_CANDIDATES], sort_keys=True).encode("utf-8")
    cache.store_blob(_index_key(found, laid.start, identity), record)


def lay_out_window(parsed, found: Blocks, start: int, stop: int, kit) -> list[Laid] | None:
    """Lay out blocks start … stop-1; return the chunks whose pages the window decided as the whole part would
    (None: the first block did not start the page after the spacer's)."""
    from contractgen.writers.pdf import engine
    from contractgen.writers.pdf.parts import LaidOutPart, PartPage, no_furniture

    whole = start == 0 and stop == len(found)
    document = parsed if whole else engine.with_root(parsed, window_root(found, start, stop))
    numbers = {id(found.blocks[number]): number for number in range(start, stop)}
    merged = engine.options(
        {"stylesheets": [*kit.stylesheets, no_furniture()], "pdf_identifier": b"0" * 32, "uncompressed_pdf": False}
    )
    with engine.fetch_errors():
        laid_out = engine.lay_out(document, kit.font_config, merged)
    ranges = engine.pages_elements(laid_out, numbers)
    skip = 1 if start > 0 else 0
    if skip and ranges[0] is not None:
        return None
    ranges = ranges[skip:]
    engine.merge_leader_dots(laid_out)
    facts = engine.pages_facts(laid_out)[skip:]
    engine.forget_links(laid_out)  # the frame writes every link, anchor and bookmark of the contract
    at_end = stop == len(found)
    cuts = [
        page
        for page in range(1, len(ranges))
        if ranges[page] is not None and ranges[page - 1] is not None and ranges[page][0] > ranges[page - 1][1]  # type: ignore[index]
    ]
    bounds = [0, *cuts, len(ranges)]
    chunks = []
    for first, following in zip(bounds, bounds[1:]):
        last_chunk = following == len(ranges)
        if not at_end and (last_chunk or following > len(ranges) - 2):
            break  # pages the blocks after the window could still change
        end = len(found) if last_chunk else ranges[following][0]  # type: ignore[index]
        read_to = len(found) - 1 if last_chunk else ranges[following][1]  # type: ignore[index]
        begin = start if first == 0 else ranges[first][0]  # type: ignore[index]
        pdf = engine.draw_pages(laid_out, skip + first, skip + following, merged)
        pages = [PartPage(*page) for page in facts[first:following]]
        chunks.append(Laid(begin, end, LaidOutPart(pdf, pages), read_to))
    return chunks


def _stop(found: Blocks, start: int, identity: str, wanted: int) -> int:
    """Return where a window from `start` ends: a few blocks past the `wanted`-th cached chunk ahead that still fits."""
    from contractgen.writers.pdf import cache

    if cache.cache_dir() is None:
        return len(found)  # nothing to meet: the whole part
    ahead = 0
    for number in range(start + 1, len(found)):
        fitting = _fitting(found, number, identity)
        if fitting is not None:
            ahead += 1
            if ahead == wanted:
                return min(len(found), fitting["read_to"] + 3)
    return len(found)


def lay_out_from(parsed, found: Blocks, start: int, kit) -> list[Laid] | None:
    """Lay out from block `start` (a page start) until the pages meet a cached chunk again; return the new chunks.

    A window reaches a little past the next two cached chunks that still fit; when its page breaks meet
    none of them (the edit moved every break after it), the next window reaches twice as far.
    """
    identity = kit.identity
    kept: list[Laid] = []
    wanted = 2
    while True:
        stop = _stop(found, start, identity, wanted)
        chunks = lay_out_window(parsed, found, start, stop, kit)
        if chunks == [] and stop < len(found):
            chunks = lay_out_window(parsed, found, start, len(found), kit)
        if not chunks:
            return None
        for laid in chunks:
            kept.append(laid)
            _store(found, laid, identity)
            if laid.end == len(found) or _fitting(found, laid.end, identity) is not None:
                return kept
        start, wanted = kept[-1].end, wanted * 2


def lay_out_marked(parsed, key: str, kit):
    """Return a part that marks a flow laid out in chunks (``lay_out_flow``), or None when it marks none."""
    found = read_blocks(parsed.etree_element)
    return None if found is None else lay_out_flow(parsed, found, key, kit)


def lay_out_flow(parsed, found: Blocks, key: str, kit):
    """Return the part laid out in chunks (each its own PDF), taking from the cache every chunk it holds;
    record under the part's `key` which chunks make it."""
    from contractgen.writers.pdf import cache

    chunks: list[Laid] | None = []
    number = 0
    while chunks is not None and number < len(found):
        taken = _take(found, number, kit.identity)
        new = [taken] if taken is not None else lay_out_from(parsed, found, number, kit)
        chunks = None if new is None else [*chunks, *new]
        number = new[-1].end if new else number
    if chunks is None:  # a window could not start on a page of its own: the whole part, at once
        chunks = lay_out_window(parsed, found, 0, len(found), kit) or []
    if cache.cache_dir() is not None:
        names = [_chunk_key(found, laid, kit.identity) for laid in chunks]
        cache.store_blob(cache.content_key("contractgen flow part", key), json.dumps(names).encode("utf-8"))
    return _joined([laid.part for laid in chunks])


def _joined(parts: list):
    """Return one LaidOutPart made of the chunks' parts, each chunk's PDF a piece of it."""
    from contractgen.writers.pdf.parts import LaidOutPart

    return LaidOutPart(b"", [page for part in parts for page in part.pages], [part.pdf for part in parts])


def load_part(key: str):
    """Return the part cached in chunks under its `key` (every chunk still cached), or None."""
    from contractgen.writers.pdf import cache

    data = cache.load_blob(cache.content_key("contractgen flow part", key))
    try:
        names = json.loads(data) if data else None
    except ValueError:
        return None
    if not isinstance(names, list) or not names:
        return None
    parts = [cache.load(str(name)) for name in names]
    return None if any(part is None for part in parts) else _joined(parts)
