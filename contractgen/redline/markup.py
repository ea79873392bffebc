"""Read a counterparty's marked-up DOCX back: their tracked changes and comments, clause by clause.

The DOCX is one contractgen rendered: every clause and anchored paragraph carries a bookmark named
from its anchor (writers/docx/fields.bookmark_name), so each paragraph of their file is placed in
the clause (and, where it has one, the paragraph anchor) it belongs to. Insertions (w:ins, w:moveTo)
count only in their text, deletions (w:del, w:moveFrom) only in ours; formatting changes
(w:rPrChange, w:pPrChange) are ignored. A paragraph whose two readings differ is one change.
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from contractgen.document.model import ListBlock, Paragraph, inline_text, iter_blocks
from contractgen.document.transforms import reference_text
from contractgen.errors import MarkupError
from contractgen.redline import places
from contractgen.redline.docxread import (
    W,
    TitleFinder as _TitleFinder,
    comments_of as _comments,
    has_our_bookmarks as _has_our_bookmarks,
    parse as _parse,
    provenance_of as _provenance,
    read_part as _part,
    readings as _readings,
    spots as _spots,
    squash as _squash,
)
from contractgen.redline.untracked import untracked as _untracked
from contractgen.values import currencies
from contractgen.values.amounts import Ambiguous, read_money, read_number, read_percent


@dataclass
class MarkupChange:
    """One paragraph the counterparty changed: where it is, our text, theirs, and the change word by word."""

    id: str  # "C1", "C2" … in document order
    clause: str  # the clause's id (its slot's: what [](#…) names)
    title: str
    reference: str  # "clause 42.3", "paragraph 6 of Schedule 2"
    anchor: str  # the paragraph's anchor, "" when it has none
    position: int  # the paragraph's place among the clause's paragraphs (0-based)
    before: str
    after: str
    authors: list[str] = field(default_factory=list)
    locale: str = "en_GB"  # the deal's: how its figures are written
    currency: str | None = None
    cell: tuple[int, int, int] | None = None  # in a table of the clause: (table, row, column), row 0 its heading
    place: str = ""  # where in the clause, in words, when a reference does not say it ("the table's row …")

    def words(self) -> list[tuple[str, str]]:
        """Return the change word by word: ("=", kept), ("-", deleted), ("+", inserted) runs."""
        old, new = _words(self.before), _words(self.after)
        out: list[tuple[str, str]] = []
        for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if op == "equal":
                out.append(("=", " ".join(old[a1:a2])))
            else:
                if a2 > a1:
                    out.append(("-", " ".join(old[a1:a2])))
                if b2 > b1:
                    out.append(("+", " ".join(new[b1:b2])))
        return out

    def figures(self) -> list[FigureChange]:
        """Return the figures they changed, each read as the deal's locale and currency write it.

        A figure two conventions read as two values ("200.000" in a Swiss franc deal) carries the
        reader's refusal in `problem`, naming both readings: it is never guessed.
        """
        words = self.words()
        found = []
        for index, ((op, ours), (next_op, theirs)) in enumerate(zip(words, words[1:])):
            if op != "-" or next_op != "+":
                continue
            kind = _figure(ours)
            if not kind or kind != _figure(theirs):
                continue
            near = (words[index - 1][1].split(" ")[-1] if index else "", _first_kept(words[index + 2 :]))
            if kind == "number" and any(_is_currency(word) for word in near):
                kind = "amount"
            ours, theirs = ours.strip(".,;:"), theirs.strip(".,;:")
            change = FigureChange(kind, ours, theirs)
            try:
                change.old = read_figure(kind, ours, self.locale, self.currency)
                change.new = read_figure(kind, theirs, self.locale, self.currency)
            except Ambiguous as exc:
                change.problem = str(exc)
            except ValueError:
                continue  # not a value of this deal's kind: words
            found.append(change)
        return found

    def values(self) -> list[tuple[str, str, str]]:
        """Return the figures they changed, (kind, ours, theirs): an amount, a percentage or a number."""
        return [(f.kind, f.ours, f.theirs) for f in self.figures()]

    def marked(self) -> str:
        """Return the change as one line: kept words, [-deleted-] and {+inserted+}."""
        return " ".join(
            text if op == "=" else f"[-{text}-]" if op == "-" else f"{{+{text}+}}" for op, text in self.words()
        )


@dataclass
class FigureChange:
    """A figure they changed: as written, its value before and after, or why it cannot be read."""

    kind: str  # "amount", "percentage", "number"
    ours: str
    theirs: str
    old: Decimal | None = None
    new: Decimal | None = None
    problem: str = ""  # the reader's refusal of an ambiguous figure


@dataclass
class MarkupComment:
    """A comment of the counterparty, on the clause (and paragraph) it is anchored in."""

    id: str
    author: str
    text: str
    clause: str
    reference: str
    title: str = ""  # the clause's title
    on: str = ""  # the words they commented on (as the file reads before their tracked changes)


@dataclass
class Markup:
    """What a marked-up DOCX says: its provenance, the changed paragraphs and the comments."""

    provenance: dict[str, str]
    changes: list[MarkupChange]
    comments: list[MarkupComment]


def _figure(text: str) -> str:
    """What kind of figure a changed run is ("amount", "percentage", "number"), or "" when it is words."""
    text = text.strip(".,;:()")
    if not re.search(r"[0-9]", text) or len(_SPACE_GROUP.sub("", text).split()) > 3:
        return ""
    if "%" in text or "per cent" in text:
        return "percentage"
    if re.search(r"[£$€¥₹]|\b[A-Z]{3}\b", text):
        return "amount"
    return "number" if re.fullmatch(r"[0-9][0-9,.'’ ]*", text) else ""


def read_figure(kind: str, text: str, locale: str, currency: str | None) -> Decimal:
    """The value of a figure as the deal's locale and currency write it (the deal's own readers); Ambiguous if two."""
    markets = currencies.markets(currency) if currency else ()
    if kind == "percentage":
        return read_percent(text, locale, markets)
    if kind == "amount":
        return read_money(text, currency, locale)
    return read_number(text, locale, markets)


def _is_currency(word: str) -> bool:
    word = word.strip(".,;:()")
    return bool(word) and (word in currencies.SIGNS or (word.isupper() and word in currencies.iso_codes()))


def _first_kept(words: list[tuple[str, str]]) -> str:
    return words[0][1].split(" ")[0] if words and words[0][0] == "=" else ""


_SPACE_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")  # "1 250 000,00": spaces that group a figure's digits


def _words(text: str) -> list[str]:
    """The words of a paragraph's text, a figure grouped with spaces one word; none for a paragraph not there."""
    if not text:
        return []
    out: list[str] = []
    for word in text.split(" "):
        if out and re.fullmatch(r"\d{3}(?:[.,]\d+)?[^\s\d]*", word) and re.search(r"(?:^|[^\d.,'’])\d{1,3}$", out[-1]):
            out[-1] += " " + word  # a group of the figure before: "1 250" + "000,00"
        else:
            out.append(word)
    return out


def paragraph_texts(clause) -> list[tuple[str, str, list]]:
    """(anchor, printed text, inlines) of each paragraph of a model clause, in the order Word prints them."""
    out = []
    for block in clause.blocks:
        if isinstance(block, Paragraph):
            out.append((block.anchor, _squash(inline_text(block.content)), block.content))
        elif isinstance(block, ListBlock):
            for inner in iter_blocks([block]):
                if isinstance(inner, ListBlock):
                    for item in inner.items:
                        first = item.blocks[0] if item.blocks and isinstance(item.blocks[0], Paragraph) else None
                        if first is not None:
                            out.append((item.anchor, _squash(inline_text(first.content)), first.content))
        else:
            out.append(("", "", []))  # a table or heading: counted so the places of the others stay right
    return out


def read_markup(data: bytes, document: Any, currency: str | None = None, ours: bytes | None = None) -> Markup:
    """Read the tracked changes and comments of a marked-up DOCX against the document model it was rendered from.

    Figures in their words are read as the document's locale and the deal's `currency` write them.
    With `ours`, the DOCX contractgen renders from that model, a file edited without tracking is read
    by aligning each clause's paragraphs with ours (a paragraph deleted, added or changed anywhere in
    it); in a file with tracked changes, or without `ours`, an untracked edit is found only where a
    paragraph's place in the model is sure.
    """
    from contractgen.writers.docx.fields import bookmark_name
    from contractgen.writers.docx.writer import NOTE_AUTHOR

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        body_xml = _part(archive, "word/document.xml")
    except zipfile.BadZipFile:
        raise MarkupError("not a DOCX file (not a zip archive)") from None
    if body_xml is None:
        raise MarkupError("not a DOCX file (no word/document.xml)")
    clauses, paragraphs = {}, {}
    for part, clause in document.iter_clauses():
        clauses[bookmark_name(clause.anchor or clause.id)] = (part, clause)
        for anchor, _, _ in paragraph_texts(clause):
            if anchor:
                paragraphs[bookmark_name(anchor)] = anchor
    comments_text = _comments(archive)
    changes: list[tuple[int, MarkupChange]] = []  # (their paragraph's place in the file, the change)
    comments: list[MarkupComment] = []
    body = _parse(body_xml)
    if (
        ours is not None
        and next(body.iter(*(f"{{{W}}}{k}" for k in ("ins", "del", "moveFrom", "moveTo"))), None) is not None
    ):
        # their tracked changes are read against the render they were made on, which a deal changed since
        # (their changes accepted) no longer prints: their text is not compared with ours then
        ours = None
    by_title = _TitleFinder(document) if not _has_our_bookmarks(body, clauses) else None
    frames = _Frames(body, clauses, by_title is not None, document) if ours is None else None
    locale = getattr(document, "locale", "en_GB")
    spots = list(_spots(body, clauses, paragraphs, by_title))
    for index, spot in enumerate(spots):
        p, position = spot.p, spot.position
        if spot.frame:  # the cover or a signature block: printed from the deal's values
            before, after, authors = _readings(p)
            before = frames.ours(spot.frame, before, after) if frames is not None else before
            if before != after:
                where, title = places.FRAMES[spot.frame]
                change = MarkupChange("", spot.frame, title, where, "", -1, before, after, sorted(authors))
                change.locale, change.currency = locale, currency
                changes.append((index, change))
            continue
        part, clause = spot.current
        reference = reference_text(part, clause.number)
        for start in p.iter(f"{{{W}}}commentRangeStart"):
            author, text = comments_text.get(start.get(f"{{{W}}}id"), ("", ""))
            if author != NOTE_AUTHOR:  # our own drafting notes are not theirs
                on = _commented_words(start)
                comments.append(
                    MarkupComment(f"N{len(comments) + 1}", author, text, clause.id, reference, clause.title, on)
                )
        if spot.heading:
            continue  # the clause's heading
        before, after, authors = _readings(p)
        anchor, cell = spot.anchor, spot.cell
        if ours is not None:
            pass  # an edit made without tracking is found against our own render below
        elif before == after and cell is not None:  # a cell edited without tracking: against the cell we printed
            printed = places.cell_text(clause, cell)
            before = printed if printed is not None else before
        elif before == after:  # no tracked change: an edit made without tracking shows against our own text
            before = _untracked_original(clause, anchor, position, before)
        if before != after:
            place = position
            if not anchor and before:  # no bookmark of ours on it (an editor renamed them): known by our words
                found = [(i, a) for i, (a, printed, _) in enumerate(paragraph_texts(clause)) if printed == before]
                if len(found) == 1:
                    place, anchor = found[0]
            change = MarkupChange(
                "", clause.id, clause.title, reference, anchor, place, before, after, sorted(authors), locale, currency
            )
            change.cell, change.place = cell, places.cell_place(p, _readings) if cell is not None else ""
            changes.append((index, change))
    if ours is not None:
        changes += _untracked(
            ours, spots, clauses, paragraphs, lambda *found: _change_at(*found, locale=locale, currency=currency)
        )
    for number, (_, change) in enumerate(sorted(changes, key=lambda pair: pair[0]), start=1):
        change.id = f"C{number}"
    provenance = _provenance(archive)
    return Markup(provenance, [change for _, change in sorted(changes, key=lambda pair: pair[0])], comments)


def _change_at(
    key: str, model: Any, spot: Any, before: str, after: str, *, locale: str, currency: str | None
) -> MarkupChange:
    """A MarkupChange of an untracked edit at our paragraph `spot` (None for a paragraph they added)."""
    if key in places.FRAMES:
        where, title = places.FRAMES[key]
        return MarkupChange("", key, title, where, "", -1, before, after, [], locale, currency)
    part, clause = model.current
    change = MarkupChange(
        "",
        clause.id,
        clause.title,
        reference_text(part, clause.number),
        spot.anchor if spot else "",
        spot.position if spot else -1,
        before,
        after,
        [],
        locale,
        currency,
    )
    if spot is not None and spot.cell is not None:
        change.cell, change.place = spot.cell, places.cell_place(spot.p, _readings)
    return change


class _Frames:
    """Our text of each cover and signature-block paragraph, to read an edit made there without tracking.

    Their file's paragraphs of a frame are matched to ours by place, only when they have as many as
    we printed (a paragraph added or removed there without tracking cannot be placed, and is not guessed).
    """

    def __init__(self, body: Any, clauses: dict[str, Any], by_title: bool, document: Any):
        self.printed = places.frame_texts(document)
        self.seen = dict.fromkeys(self.printed, 0)
        counts = dict.fromkeys(self.printed, 0)
        finder = _TitleFinder(document) if by_title else None
        first = False
        for p in body.iter(f"{{{W}}}p"):
            names = [b.get(f"{{{W}}}name") for b in p.iter(f"{{{W}}}bookmarkStart")]
            starts = finder.heading(_readings(p)[0]) if finder else any(n in clauses for n in names)
            first = first or bool(starts)
            frame = places.frame_of(p, not first) if not starts else ""
            if frame:
                counts[frame] += 1
        self.placed = {frame: counts[frame] == len(texts) for frame, texts in self.printed.items()}

    def ours(self, frame: str, before: str, after: str) -> str:
        """Our text of the frame's next paragraph: their tracked reading, else what we printed at its place."""
        index = self.seen[frame]
        self.seen[frame] += 1
        if before != after or not self.placed[frame]:
            return before
        return self.printed[frame][index]


def _untracked_original(clause: Any, anchor: str, position: int, text: str) -> str:
    """Our text of the paragraph at this place, where it can be known without tracking; else `text` (no change).

    By its anchor; or by its place, in a clause of paragraphs only (a list or a table prints more
    paragraphs than the model has blocks, so places there are not reliable).
    """
    texts = paragraph_texts(clause)
    if anchor:
        return next((printed for a, printed, _ in texts if a == anchor), text)
    if all(isinstance(block, Paragraph) for block in clause.blocks) and 0 <= position < len(texts):
        return texts[position][1]
    return text


def provenance_of(data: bytes) -> dict[str, str]:
    """The contractgen provenance a DOCX carries ({} for a file that is no DOCX or carries none)."""
    try:
        return _provenance(zipfile.ZipFile(io.BytesIO(data)))
    except zipfile.BadZipFile:
        return {}


def _commented_words(start: Any) -> str:
    """The words between a comment's range start and its end, in the paragraph it starts in."""
    words = []
    for node in start.itersiblings():
        if node.tag == f"{{{W}}}commentRangeEnd" and node.get(f"{{{W}}}id") == start.get(f"{{{W}}}id"):
            break
        if node.tag not in (f"{{{W}}}ins", f"{{{W}}}moveTo"):  # their insertions are not what they commented on
            words += [t.text or "" for t in node.iter(f"{{{W}}}t", f"{{{W}}}delText")]
    return _squash("".join(words))
