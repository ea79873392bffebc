"""The cover page wording of a document template (cover.yaml): how each party is described after its name,
and how a draft is dated and marked."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from contractgen.document.model import Execution, PartyBlock, PartyDetail, SignatureLine
from contractgen import safefs
from contractgen.errors import LibraryError, UnsafePathError
from contractgen.yamlload import safe_load

COVER_FILE = "cover.yaml"
DRAFT_DATE = "[●]"  # a draft is dated when it is signed
PARTY_FIELDS = (
    "incorporated_in",
    "company_number",
    "address",
    "short_name",
    "kind_words",
    "registered_number",
    "charity_number",
    "trading_as",
    "acting_through",
    "represented_by",
    "established_under",
    "branch_in",
    "members",
)


def _read(template_dir: Path) -> tuple[object, str]:
    path = Path(template_dir) / COVER_FILE
    where = f"templates/{Path(template_dir).name}/{COVER_FILE}"
    try:
        return safe_load(safefs.read_text(path, Path(template_dir).parent)) or {}, where
    except FileNotFoundError:
        raise LibraryError(f"{where} is missing: it words how the cover page describes the parties") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError, UnsafePathError) as exc:
        raise LibraryError(f"{where}: cannot be read: {str(exc).splitlines()[0]}") from None


@functools.lru_cache(maxsize=16)
def load_draft_marking(template_dir: Path) -> tuple[str, str]:
    """Return (date, legend) for a draft from the `draft` section of cover.yaml (default: "[●]", no legend)."""
    data, where = _read(template_dir)
    draft = data.get("draft", {}) if isinstance(data, dict) else {}
    if (
        not isinstance(draft, dict)
        or set(draft) - {"date", "legend"}
        or not all(isinstance(draft.get(k, ""), str) for k in ("date", "legend"))
    ):
        raise LibraryError(f"{where}: draft: may have date and legend, both text")
    return " ".join(draft.get("date", DRAFT_DATE).split()) or DRAFT_DATE, " ".join(draft.get("legend", "").split())


@functools.lru_cache(maxsize=16)
def load_party_wording(template_dir: Path, kind: str = "company") -> tuple[PartyDetail, ...]:
    """Read how the cover describes a party of a kind: its `party_kinds` entry, else the `party` list (checked, cached)."""
    data, where = _read(template_dir)
    entry = _kind_entry(data, kind, where)
    lines = entry["lines"] if entry is not None else data.get("party") if isinstance(data, dict) else None
    if entry is not None:
        where = f"{where}: party_kinds: {kind}"
    if not isinstance(lines, list):
        raise LibraryError(f"{where}: party: must be a list of {{field, before, after, bold}}")
    details = []
    for index, line in enumerate(lines):
        if (
            not isinstance(line, dict)
            or line.get("field") not in PARTY_FIELDS
            or set(line) - {"field", "before", "after", "bold"}
            or not all(isinstance(line.get(k, ""), str) for k in ("before", "after"))
        ):
            raise LibraryError(
                f"{where}: party[{index}]: needs field (one of {', '.join(PARTY_FIELDS)}), "
                "and may have before, after (text) and bold (true/false)"
            )
        details.append(
            PartyDetail(line["field"], line.get("before", ""), line.get("after", ""), bool(line.get("bold")))
        )
    return tuple(details)


def _kind_entry(data: object, kind: str, where: str) -> dict | None:
    kinds = data.get("party_kinds") if isinstance(data, dict) else None
    if kinds is None or kind not in kinds:
        return None
    entry = kinds[kind]
    if (
        not isinstance(entry, dict)
        or set(entry) - {"words", "lines"}
        or not isinstance(entry.get("lines"), list)
        or not isinstance(entry.get("words", ""), str)
    ):
        raise LibraryError(f"{where}: party_kinds: {kind}: needs lines (like party) and may have words (text)")
    return entry


def company_by_law(template_dir: Path, view: Any, party: Any) -> tuple[str, str] | None:
    """The cover's words for a company the law of its place describes (a law record's form, or the neutral
    description where there is none): (its form, its identifier), where the template words such a company
    (`party_kinds: company_by_law`); None for any other party, keeping the `party` wording."""
    if getattr(party, "kind", "company") != "company" or not party.incorporated_in:
        return None
    data, where = _read(template_dir)
    if not (view.described or view.neutral) or _kind_entry(data, "company_by_law", where) is None:
        return None
    number = view.number or (f"registration number {party.company_number}" if party.company_number else "")
    return view.described or f"a company organised under the laws of {view.place or party.incorporated_in}", number


@functools.lru_cache(maxsize=64)
def kind_words(template_dir: Path, kind: str) -> str:
    """How the template names a kind of party ("a local authority"), or "" (cover.yaml party_kinds)."""
    data, where = _read(template_dir)
    entry = _kind_entry(data, kind, where)
    return " ".join((entry or {}).get("words", "").split())


def party_details(template_dir: Path, article: str, kind: str = "company") -> list[PartyDetail]:
    """Return the cover wording for one party of a kind, with {article} filled in ("the " or nothing)."""
    filled = f"{article} " if article else ""
    return [
        PartyDetail(d.field, d.before.replace("{article}", filled), d.after.replace("{article}", filled), d.bold)
        for d in load_party_wording(Path(template_dir), kind)
    ]


LINE_FIELDS = ("", "signatory_name", "signatory_title", "capacity_1", "capacity_2")
EXECUTION_KEYS = {"families", "kinds", "dated", "date_label", "intro", "signed_for", "lines"}


def _execution(entry: object, where: str) -> Execution:
    if (
        not isinstance(entry, dict)
        or set(entry) - EXECUTION_KEYS
        or not isinstance(entry.get("lines"), list)
        or not all(isinstance(entry.get(k, ""), str) for k in ("dated", "date_label", "intro", "signed_for"))
    ):
        raise LibraryError(
            f"{where}: each entry needs lines and may have families, dated, date_label, intro, signed_for (text)"
        )
    lines = []
    for line in entry["lines"]:
        if (
            not isinstance(line, dict)
            or set(line) - {"label", "field", "tall"}
            or not isinstance(line.get("label"), str)
            or line.get("field", "") not in LINE_FIELDS
        ):
            raise LibraryError(f"{where}: a line is {{label, field (signatory_name or signatory_title), tall}}")
        lines.append(SignatureLine(line["label"], line.get("field", ""), bool(line.get("tall"))))
    return Execution(
        " ".join(entry.get("dated", "Dated").split()),
        " ".join(entry.get("date_label", "Date").split()),
        " ".join(entry.get("intro", "").split()),
        entry.get("signed_for", ""),
        tuple(lines),
    )


@functools.lru_cache(maxsize=64)
def load_execution(template_dir: Path, family: str) -> Execution:
    """Return how a contract under a law of this legal family is dated and signed (cover.yaml `execution`)."""
    data, where = _read(template_dir)
    entries = data.get("execution") if isinstance(data, dict) else None
    if entries is None:
        return Execution()
    where = f"{where}: execution"
    if not isinstance(entries, list):
        raise LibraryError(f"{where}: must be a list of entries, each for some legal families or the default")
    general = [e for e in entries if isinstance(e, dict) and not e.get("kinds")]
    chosen = next((e for e in general if family in (e.get("families") or ())), None) or next(
        (e for e in general if not e.get("families")), None
    )
    return _execution(chosen, where) if chosen is not None else Execution()


@functools.lru_cache(maxsize=64)
def load_party_execution(template_dir: Path, family: str, kind: str) -> Execution | None:
    """How a party of a kind signs under a legal family, where cover.yaml gives its kind its own entry; else None."""
    data, where = _read(template_dir)
    entries = data.get("execution") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return None
    own = [e for e in entries if isinstance(e, dict) and kind in (e.get("kinds") or ())]
    chosen = next((e for e in own if family in (e.get("families") or ())), None) or next(
        (e for e in own if not e.get("families")), None
    )
    return _execution(chosen, f"{where}: execution") if chosen is not None else None


def party_kind_words(template_dir: Path, party: Any, view: Any) -> str:
    """The cover's words for a party's kind: none where its name says it, else its law's words, else the template's."""
    if getattr(party, "names_its_kind", False):
        return ""
    return view.words or kind_words(template_dir, getattr(party, "kind", "company"))


def party_execution(template_dir: Path, family: str, party: Any, view: Any) -> Execution | None:
    """How a party signs: under its common seal, as its company form's law has it signed (one or two signatories, a
    legal representative), else as its kind signs, where cover.yaml gives that its own entry."""
    kind = "sealed" if getattr(party, "seal", False) else view.signs_as or getattr(party, "kind", "company")
    return load_party_execution(Path(template_dir), family, kind)


def member_signers(party: Any, block: PartyBlock, template_dir: Path, family: str) -> list[PartyBlock]:
    """A consortium's signature blocks: the lead member's (for itself, and as attorney for each member whose power
    of attorney is annexed) and one for every other member; [] for any other party (it signs as one)."""
    members = list(getattr(party, "members", None) or ())
    if getattr(party, "kind", "") != "consortium" or not members:
        return []
    lead = party.lead_member
    attorney = any(m.power_of_attorney for m in members if m is not lead)
    own = load_party_execution(Path(template_dir), family, "consortium_member")
    first = load_party_execution(Path(template_dir), family, "consortium_attorney") if attorney else own
    blocks = [replace(block, name=lead.name, address=lead.address, execution=first, signers=[])]
    for member in members:
        if member is not lead and not member.power_of_attorney:
            blocks.append(
                replace(
                    block,
                    name=member.name,
                    address=member.address,
                    signatory_name="",
                    signatory_title="",
                    execution=own,
                    signers=[],
                )
            )
    return blocks
