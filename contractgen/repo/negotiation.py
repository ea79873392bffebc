"""Accepting a counterparty's markup: each accepted change written back as a deal value or as an override.

A change whose only difference is a figure (an amount, a percentage, a number of days) is a
change of a deal value when some value of the deal prints that figure there: each value of the
deal equal to our figure is tried in turn, the contract is rendered with their figure in its
place, and the value is the one whose render prints their paragraph exactly. Anything else, or a
figure no deal value prints (a derived total, a figure of the clause's own words), becomes an
override. Before anything is written the deal is rendered with every accepted change, and each
changed paragraph must read as theirs; the accepted changes that do not are refused, not written.
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from collections.abc import Iterator
from typing import Any

from contractgen.redline.writeback import round_trip, updated_text
from contractgen.deal.yamlsource import decode_text
from contractgen.errors import ContractgenError
from contractgen.pipeline import Workspace, build_deal, build_document
from contractgen.document.transforms import reference_text
from contractgen.redline.markup import FigureChange, MarkupChange, paragraph_texts
from contractgen.redline.overrides import overrides_for
from contractgen.redline.places import FRAMES, cell_text, cell_texts, frame_texts
from contractgen.values import currencies
from contractgen.values.amounts import read_number, readings
from contractgen.values.currencies import convention
from contractgen.values.text import plain

_TEXT_KEYS = {"overrides", "riders", "clauses"}  # the deal's own prose and clause choices are not values
MAX_TRIALS = 40  # renders tried for one change (each value equal to one of its figures, in combination)
MAX_TEXT_TRIALS = 6  # renders tried for one change of words (each deal string printed around it)


@dataclass
class ValueChange:
    """A deal value their markup changed: where it is in the deal, as written before and after."""

    change: str  # the markup change's id, "C2"
    path: tuple[Any, ...]
    ours: Any
    theirs: Any

    @property
    def dotted(self) -> str:
        """Return the value's place as the deal's own dotted path (`service_levels.kpis[0].target`)."""
        out = ""
        for step in self.path:
            out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
        return out


@dataclass
class Acceptance:
    """What accepting some changes writes: values, overrides, and the changes refused (with why)."""

    values: list[ValueChange] = field(default_factory=list)
    overrides: dict[str, str] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    text: str = ""  # the deal text with all of it written
    # a figure a deal value prints, written as an override because the value would change more of the
    # paragraph than they did (a total derived from it): the lawyer may prefer to change the value
    notes: list[str] = field(default_factory=list)


_SPAN = re.compile(r"\d(?:[\d.,'’ ]*\d)?")  # a figure in a deal string, as any market groups it


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Yield (path, value) of every number and string of the deal, its prose sections left out."""
    if isinstance(data, dict):
        for key, value in data.items():
            if not path and key in _TEXT_KEYS:
                continue
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))
    elif isinstance(data, (int, float, str)) and not isinstance(data, bool):
        yield path, data


def _written_as(value: Any, fig: FigureChange, markets: tuple[str, ...], locale: str) -> Any | None:
    """The deal value with our figure replaced by theirs, written as the deal wrote it; None if it is not ours.

    A figure in a deal string is read by the deal's own reader in its locale ("185.000,00" in de_DE)
    and their value is written back with the same separators.
    """
    ours, theirs = fig.old, fig.new
    if ours is None or theirs is None:
        return None
    if isinstance(value, (int, float)):
        if Decimal(str(value)) != ours:
            return None
        return int(theirs) if theirs == theirs.to_integral_value() and isinstance(value, int) else float(theirs)
    found = [(start, end) for start, end, figure in _spans(value) if _reads(figure, locale, markets) == ours]
    if len(found) != 1:
        return None
    (start, end), token = found[0], value[found[0][0] : found[0][1]]
    return value[:start] + _write_like(token, ours, theirs, locale) + value[end:]


def _spans(value: str) -> Iterator[tuple[int, int, str]]:
    """The figures of a deal string: a run grouped with spaces ("1 250 000,00"), else each of its numbers ("5 10")."""
    for match in _SPAN.finditer(value):
        if " " not in match.group(0) or _reads(match.group(0), "en_GB", ()) is not None:
            yield match.start(), match.end(), match.group(0)
            continue
        for part in re.finditer(r"\S+", match.group(0)):
            yield match.start() + part.start(), match.start() + part.end(), part.group(0)


def _reads(figure: str, locale: str, markets: tuple[str, ...]) -> Decimal | None:
    try:
        return read_number(figure, locale, markets)
    except ValueError:
        return None


def _write_like(token: str, ours: Decimal, theirs: Decimal, locale: str) -> str:
    """`theirs` written with the separators `token` (our figure as the deal wrote it) uses."""
    reading = next((r for r in readings(token) if r.value == ours), None)
    group = reading.group if reading else None
    decimal = (reading.decimal if reading else None) or convention(locale).decimal
    exponent = theirs.normalize().as_tuple().exponent
    places = max(reading.places if reading else 0, -exponent if isinstance(exponent, int) else 0)
    whole, _, cents = f"{abs(theirs):.{places}f}".partition(".")
    if group:
        whole = f"{int(whole):,}".replace(",", group)
    return ("-" if theirs < 0 else "") + whole + (decimal + cents if cents else "")


def _candidates(data: Any, fig: FigureChange, markets: tuple[str, ...], locale: str) -> list[Any]:
    """The deal values that print our figure, each (path, value, value printing theirs); [None] when none does.

    None stands for a figure no deal value prints (a total derived from another): the render with the
    other figures' values must then print theirs for the change to be a change of values.
    """
    out: list[Any] = []
    for path, value in _leaves(data):
        new = _written_as(value, fig, markets, locale)
        if new is not None:
            out.append((path, value, new))
    return out or [None]


def _printed(document: Any, change: MarkupChange) -> list[str]:
    """The paragraphs of the change's place in a rendered document: its own paragraph when it has an anchor,
    its table cell, the cover or the signature page; else every paragraph of its clause."""
    if change.clause in FRAMES:
        return frame_texts(document)[change.clause]
    clause = next((c for _, c in document.iter_clauses() if c.id == change.clause), None)
    if clause is None:
        return []
    if change.cell is not None:
        cell = cell_text(clause, change.cell)
        return [] if cell is None else [cell]
    texts = paragraph_texts(clause)
    return [t for a, t, _ in texts if a == change.anchor] if change.anchor else [t for _, t, _ in texts]


def _prints(printed: list[str], text: str) -> bool:
    """Whether one of the printed paragraphs is `text`, however its spaces and apostrophes are typed.

    "CHF 200'000.00" typed on a Swiss keyboard is the "CHF 200’000.00" the contract prints.
    """
    return text in printed or plain(text) in {plain(p) for p in printed}


def _reads_as_theirs(printed: list[str] | None, change: MarkupChange) -> bool:
    """Whether a render's paragraphs of the change's place read as theirs (their paragraph; or ours gone)."""
    if printed is None:
        return False
    return _prints(printed, change.after) if change.after else not _prints(printed, change.before)


def _render(text: str, name: Path, workspace: Workspace, errors: list[str] | None = None) -> Any | None:
    try:
        return build_deal(name, workspace, text.encode("utf-8")).document
    except ContractgenError as exc:
        if errors is not None:
            errors.append(str(exc).strip())
        return None


def _as_value(
    change: MarkupChange, data: Any, text: str, name: Path, workspace: Workspace, notes: list[str] | None = None
) -> list[ValueChange]:
    """The deal values whose change makes the render print their paragraph; [] when no choice of them does.

    A value that prints their figure but changes more of the paragraph than they did is named in `notes`.
    """
    pairs = change.values()
    figures = change.figures()
    if not figures:
        return _as_text_value(change, data, text, name, workspace)
    if any(f.problem for f in figures):
        return []
    if any(op in "-+" and not _is_figure_of(op, words, pairs) for op, words in change.words()):
        return []
    markets = currencies.markets(change.currency) if change.currency else ()
    options = [_candidates(data, fig, markets, change.locale) for fig in figures]
    if all(option == [None] for option in options):
        return []
    invalid: list[str] = []  # the first value whose change the deal's rules refuse, said if no other value does
    for trial, chosen in enumerate(itertools.product(*options)):
        if trial >= MAX_TRIALS:
            break
        taken = [option for option in chosen if option is not None]
        values = {path: new for path, _, new in taken}
        if not values or len(values) != len(taken):
            continue  # one value cannot take two figures
        errors: list[str] = []
        document = _render(updated_text(text, str(name), values=values), name, workspace, errors)
        printed = _printed(document, change) if document is not None else []
        if errors and not invalid:
            paths = ", ".join(ValueChange(change.id, path, old, new).dotted for path, old, new in taken)
            invalid.append(
                f"{change.id}: {change.reference}: {paths}, a deal value of our figure, cannot take theirs: "
                f"{_last_line(errors[0])}; change the deal by hand (or ask them)"
            )
        if _prints(printed, change.after):
            return [ValueChange(change.id, path, old, new) for path, old, new in taken]
        near = [p for p in printed if all(theirs in p for _, _, theirs in pairs) and p != change.before]
        if not near and change.anchor and len(printed) == 1 and printed[0] != change.before:
            near = printed  # their figure written as this contract does not write figures ("£190.000,00")
        if near and notes is not None and not any(n.startswith(f"{change.id}:") for n in notes):
            other = MarkupChange(change.id, change.clause, change.title, change.reference, "", 0, change.after, near[0])
            also = "; ".join(f"{a} → {b}" for _, a, b in _pairs(other.words()))
            paths = ", ".join(ValueChange(change.id, path, old, new).dotted for path, old, new in taken)
            notes.append(
                f"{change.id}: {change.reference}: {paths} prints this figure, but as a deal value it would also "
                f"change {also or 'other words'} in the same paragraph; written as an override of their text "
                "exactly (change the deal value instead if the other figures should follow)"
            )
    if notes is not None and not any(n.startswith(f"{change.id}:") for n in notes):
        notes += invalid
    return []


def _as_text_value(change: MarkupChange, data: Any, text: str, name: Path, workspace: Workspace) -> list[ValueChange]:
    """The deal string printed where they changed words (a signatory's title, an address, a cell), if one is.

    A deal string printed in our paragraph around all of their change is tried with their words in
    its place, longest first; the first whose render prints their paragraph is the value they changed.
    """
    before, after = change.before, change.after
    if not before or not after:
        return []
    head = len(os.path.commonprefix([before, after]))
    tail = len(os.path.commonprefix([before[head:][::-1], after[head:][::-1]]))
    tried: list[tuple[tuple[Any, ...], str, str]] = []
    for path, value in _leaves(data):
        if not isinstance(value, str) or len(value.strip()) < 3:
            continue
        for start in (m.start() for m in re.finditer(re.escape(value), before)):
            end = start + len(value)
            if start <= head and end >= len(before) - tail:
                tried.append((path, value, after[start : len(after) - (len(before) - end)]))
    for path, value, new in sorted(tried, key=lambda t: -len(t[1]))[:MAX_TEXT_TRIALS]:
        document = _render(updated_text(text, str(name), values={path: new}), name, workspace)
        if document is not None and _prints(_printed(document, change), after):
            return [ValueChange(change.id, path, value, new)]
    return []


def _last_line(error: str) -> str:
    """The problem an error names, without the file and line it starts with ("deal.yaml:12: field: …")."""
    line = error.strip().splitlines()[-1] if error.strip() else error
    return re.sub(r"^\S+\.ya?ml:\d+: ", "", line)


def _pairs(words: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """The replaced runs of a word diff: (kind, old, new)."""
    return [("", old, new) for (op, old), (next_op, new) in zip(words, words[1:]) if op == "-" and next_op == "+"]


def _plain(value: Any) -> Any:
    """A ruamel scalar as the plain value it is (for the report)."""
    for kind in (bool, int, float, str):
        if isinstance(value, kind):
            return kind(value)
    return value


def _is_figure_of(op: str, words: str, pairs: list[tuple[str, str, str]]) -> bool:
    side = 1 if op == "-" else 2
    return words.strip(".,;:()") in {pair[side] for pair in pairs}


def plan(deal: Path, accepted: list[MarkupChange], document: Any, workspace: Workspace) -> Acceptance:
    """Decide how each accepted change is written back, and check that the render then prints their text."""
    return plan_text(decode_text(deal.read_bytes(), str(deal)), deal, accepted, document, workspace)


def plan_text(text: str, deal: Path, accepted: list[MarkupChange], document: Any, workspace: Workspace) -> Acceptance:
    """`plan` for a deal given as text (the web workspace's saved file), named `deal`."""
    _, data = round_trip(text, str(deal))
    result = Acceptance()
    as_words: list[MarkupChange] = []
    unread: list[str] = []
    for change in accepted:
        problems = [f.problem for f in change.figures() if f.problem]
        if problems:  # a figure two conventions read two ways: asked about, never guessed
            unread += [f"{change.id}: {change.reference}: {problem}; ask them which they meant" for problem in problems]
            continue
        found = _as_value(change, data, text, deal, workspace, result.notes)
        taken = {v.path for v in result.values}
        if found and not taken & {v.path for v in found}:
            for value in found:
                value.ours = _plain(value.ours)
            result.values += found
        else:
            as_words.append(change)
    result.overrides, refused = overrides_for(as_words, document)
    result.refused = unread + refused
    values = {v.path: v.theirs for v in result.values}
    result.text = updated_text(text, str(deal), result.overrides, values)
    after = _render(result.text, deal, workspace)
    refused_ids = {line.split(":")[0] for line in result.refused}
    for change in accepted:
        if change.id in refused_ids:
            continue
        if not _reads_as_theirs(_printed(after, change) if after is not None else None, change):
            result.refused.append(f"{change.id}: {change.reference}: the render would not print their text exactly")
    if len({line.split(":")[0] for line in result.refused}) > len(refused_ids):
        result.values, result.overrides, result.text = [], {}, text
        others = [c.id for c in accepted if c.id not in {line.split(":")[0] for line in result.refused}]
        if others:
            result.notes.append(
                "nothing was written, as the changes are checked together: to accept the others alone, "
                f"accept {','.join(others)}"
            )
    elif result.values and after is not None:
        elsewhere = _also_changed(document, after, accepted)
        if elsewhere:
            fields = ", ".join(dict.fromkeys(v.dotted for v in result.values))
            result.notes.append(
                f"{fields}: the contract also prints the new value in {', '.join(elsewhere)}, which their document "
                "left with the old figure: it differs from theirs there (send them the new draft to confirm)"
            )
    return result


def _also_changed(before: Any, after: Any, accepted: list[MarkupChange]) -> list[str]:
    """The places (clause references) whose text a value change alters beyond the paragraphs they changed."""
    theirs = {plain(c.after) for c in accepted} | {plain(c.before) for c in accepted}
    new = {clause.id: clause for _, clause in after.iter_clauses()}
    places: list[str] = []
    for part, clause in before.iter_clauses():
        if clause.id not in new:
            continue
        old_texts, new_texts = paragraph_texts(clause), paragraph_texts(new[clause.id])
        for (anchor, old, _), (_, now, _) in zip(old_texts, new_texts):
            if old != now and plain(old) not in theirs and plain(now) not in theirs:
                place = reference_text(part, clause.number) + (f" {{#{anchor}}}" if anchor else "")
                places.append(place)
        theirs_cells = {c.cell for c in accepted if c.clause == clause.id and c.cell is not None}
        old_cells, new_cells = cell_texts(clause), cell_texts(new[clause.id])
        if any(old_cells[k] != new_cells.get(k) for k in old_cells if k not in theirs_cells):
            places.append(f"{reference_text(part, clause.number)} (its table)")
    old_frames, new_frames = frame_texts(before), frame_texts(after)
    for frame, (where, _) in FRAMES.items():
        if any(a != b and plain(a) not in theirs for a, b in zip(old_frames[frame], new_frames[frame])):
            places.append(where)
    return list(dict.fromkeys(places))


def differing(text: str, deal: Path, changes: list[MarkupChange], workspace: Workspace) -> list[str]:
    """The ids of the changes whose text the render of this deal text does not print: their redline against it."""
    document = _render(text, deal, workspace)
    out = []
    for change in changes:
        if not _reads_as_theirs(_printed(document, change) if document is not None else None, change):
            out.append(change.id)
    return out


def as_they_got_it(result: Any, provenance: dict[str, str], workspace: Workspace) -> tuple[Any, list[str]]:
    """The document their copy was rendered as: the deal with the clause versions its provenance names.

    Their unchanged words must be read against the text they were sent, not a newer version of a clause
    released since (which would show as their change). Returns (document, ["id v3 → v4", …]); the deal's
    own document when nothing changed or those versions can no longer be built.
    """
    import dataclasses

    sent = {}
    for item in provenance.get("clauses", "").split():
        clause_id, _, version = item.rpartition("@")
        if clause_id and version.isdigit():
            sent[clause_id] = int(version)
    now = {
        slot.version.id: slot.version.version
        for part in result.resolution.parts
        for slot in part.clauses
        if slot.version is not None and slot.rider is None
    }
    moved = {cid: version for cid, version in sent.items() if cid in now and now[cid] != version}
    if not moved:
        return result.document, []
    deal = result.source.deal
    pins = {**moved, **dict(getattr(deal.clauses, "pin", None) or {})}
    pinned = deal.model_copy(update={"clauses": deal.clauses.model_copy(update={"pin": pins})})
    try:
        document = build_document(dataclasses.replace(result.source, deal=pinned), workspace).document
    except ContractgenError:
        return result.document, []
    return document, [f"{cid} v{version} → v{now[cid]}" for cid, version in sorted(moved.items())]
