"""A reference.docx from a repository is untrusted: cleaned before any of it reaches a contract.

Word fetches and runs more than text. A reference document could carry a remote attached template,
external images or links that call home when the contract is opened (`INCLUDEPICTURE`, `TargetMode="External"`),
fields that run programs (`DDE`, `DDEAUTO`), a mail-merge data source, macros or ActiveX controls, or be a
zip bomb. `clean_reference` reads the package within limits (sizes from the zip directory checked before
anything is inflated, then read through a bounded reader), refuses macros and embedded programs, and
drops external relationships, attached templates and field codes that fetch or execute, each with a
warning. Parts it does not change keep their exact bytes, so a clean document builds byte for byte as before.
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

from contractgen.errors import TemplateError

MAX_PARTS = 1000
MAX_UNPACKED = 64 * 1024 * 1024  # the whole package inflated
MAX_PART = 32 * 1024 * 1024  # one part inflated
MAX_RATIO = 200  # inflated size over compressed size of one large part (Word XML compresses about 10:1)
RATIO_FLOOR = 1024 * 1024  # parts smaller than this are never a bomb on their own

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
# Field instructions that fetch a file or address, query a database, or run a program or macro.
DANGEROUS_FIELDS = frozenset(
    {"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "LINK", "DDE", "DDEAUTO", "DATABASE", "MACROBUTTON", "RD"}
)
# Parts, content types and relationship types of macros, ActiveX controls and embedded programs.
REFUSED_NAMES = ("vbaproject.bin", "vbadata.xml", "/activex/", "/embeddings/", "/vba")
REFUSED_TYPES = ("macroenabled", "vbaproject", "activex", "oleobject", "vbadata")
DROPPED_RELATIONSHIPS = (
    "/attachedTemplate",
    "/aFChunk",
    "/subDocument",
    "/mailMergeSource",
    "/mailMergeHeaderSource",
    "/recipientData",
)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def read_members(data: bytes, origin: str) -> list[tuple[zipfile.ZipInfo, bytes]]:
    """Return every part of a package as (entry, bytes), refusing zip bombs before inflating anything."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise TemplateError(f"{origin}: not a Word document ({exc})") from None
    if len(entries) > MAX_PARTS:
        raise TemplateError(f"{origin}: {len(entries)} parts; a reference document may have {MAX_PARTS} at most")
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNPACKED:
        raise TemplateError(
            f"{origin}: unpacks to {total // (1024 * 1024)} MiB; a reference document may unpack "
            f"to {MAX_UNPACKED // (1024 * 1024)} MiB at most (a zip bomb?)"
        )
    for entry in entries:
        if entry.file_size > MAX_PART or (
            entry.file_size > RATIO_FLOOR and entry.file_size > MAX_RATIO * max(entry.compress_size, 1)
        ):
            raise TemplateError(
                f"{origin}: part {entry.filename} unpacks to {entry.file_size} bytes from "
                f"{entry.compress_size}; refused (a zip bomb?)"
            )
    members = []
    for entry in entries:
        try:
            with archive.open(entry) as stream:  # never more than the directory promised
                body = stream.read(entry.file_size + 1)
        except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError) as exc:
            raise TemplateError(f"{origin}: part {entry.filename} cannot be read ({exc})") from None
        if len(body) > entry.file_size:
            raise TemplateError(f"{origin}: part {entry.filename} is larger than its zip entry says; refused")
        members.append((entry, body))
    return members


def clean_reference(data: bytes, origin: str) -> tuple[bytes, list[str]]:
    """Return a reference document's package cleaned of what fetches or runs, and the warnings for what was dropped."""
    members = read_members(data, origin)
    _refuse_programs(members, origin)
    warnings: list[str] = []
    parts = {entry.filename: body for entry, body in members}
    dropped_ids: dict[str, set[str]] = {}  # owning part -> relationship ids removed
    for name, body in parts.items():
        if name.endswith(".rels"):
            cleaned, removed = _clean_relationships(name, body, origin, warnings)
            if removed:
                parts[name] = cleaned
                dropped_ids[_owner(name)] = removed
    for name, body in parts.items():
        if name.endswith(".xml") and name.startswith("word/"):
            cleaned_part = _clean_part(name, body, dropped_ids.get(name, set()), origin, warnings)
            if cleaned_part is not None:
                parts[name] = cleaned_part
    if not warnings:
        return data, []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry, _body in members:
            archive.writestr(entry, parts[entry.filename])
    return out.getvalue(), warnings


def _refuse_programs(members: list[tuple[zipfile.ZipInfo, bytes]], origin: str) -> None:
    """Refuse macros, ActiveX controls and embedded objects: a contract never carries a program."""
    for entry, body in members:
        name = "/" + entry.filename.lower()
        if any(marker in name for marker in REFUSED_NAMES):
            raise TemplateError(
                f"{origin}: contains {entry.filename} (a macro, ActiveX control or embedded "
                "object); save the reference document as a plain .docx without them"
            )
        if entry.filename in ("[Content_Types].xml",) or entry.filename.endswith(".rels"):
            lowered = body.lower()
            found = next((t for t in REFUSED_TYPES if t.encode() in lowered), None)
            if found:
                raise TemplateError(
                    f"{origin}: {entry.filename} declares {found} content (macros or embedded "
                    "programs); save the reference document as a plain .docx (not .docm)"
                )


def _parse(name: str, body: bytes, origin: str):
    if b"<!DOCTYPE" in body[:4096].upper() or b"<!ENTITY" in body.upper():
        raise TemplateError(f"{origin}: part {name} declares a DOCTYPE or entities; refused")
    try:
        return etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(f"{origin}: part {name} is not well-formed XML ({exc})") from None


def _owner(rels_name: str) -> str:
    """Return the part a relationships part belongs to (word/_rels/document.xml.rels -> word/document.xml)."""
    folder, file = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), file[: -len(".rels")])


def _clean_relationships(name: str, body: bytes, origin: str, warnings: list[str]) -> tuple[bytes, set[str]]:
    """Drop external relationships and attached templates from one .rels part; return it and the removed ids."""
    root = _parse(name, body, origin)
    removed = set()
    for rel in list(root):
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        if rel.get("TargetMode", "").lower() == "external" or kind.endswith(DROPPED_RELATIONSHIPS):
            warnings.append(
                f"{origin}: dropped a link to {target!r} ({kind.rsplit('/', 1)[-1]}) from {_owner(name)}: "
                "a contract must not fetch anything when it is opened"
            )
            root.remove(rel)
            removed.add(rel.get("Id", ""))
    if not removed:
        return body, removed
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), removed


def _clean_part(name: str, body: bytes, dropped: set[str], origin: str, warnings: list[str]) -> bytes | None:
    """Drop fields that fetch or run, attached templates, mail merges and references to dropped links."""
    if (
        not any(
            marker in body for marker in (b"fldSimple", b"instrText", b"attachedTemplate", b"mailMerge", b"altChunk")
        )
        and not dropped
    ):
        return None
    root = _parse(name, body, origin)
    changed = False
    for tag, what in (
        ("attachedTemplate", "an attached template"),
        ("mailMerge", "a mail merge data source"),
        ("altChunk", "an imported chunk of another document"),
    ):
        for element in list(root.iter(f"{{{W}}}{tag}")):
            element.getparent().remove(element)
            warnings.append(f"{origin}: dropped {what} from {name}")
            changed = True
    for simple in list(root.iter(f"{{{W}}}fldSimple")):
        command = _command(simple.get(f"{{{W}}}instr", ""))
        if command in DANGEROUS_FIELDS:
            parent = simple.getparent()
            index = parent.index(simple)
            for child in list(simple):  # keep the field's last result as plain text
                parent.insert(index, child)
                index += 1
            parent.remove(simple)
            warnings.append(f"{origin}: dropped a {command} field from {name}")
            changed = True
    changed |= _drop_complex_fields(root, name, origin, warnings)
    if dropped:
        for element in root.iter():
            for attr in [a for a in element.attrib if a.startswith(f"{{{R}}}") and element.get(a) in dropped]:
                del element.attrib[attr]
                changed = True
    if not changed:
        return None
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _command(instruction: str) -> str:
    """Return the field command of an instruction (its first word, upper case)."""
    words = instruction.replace("\\", " ").split()
    return words[0].strip('"').upper() if words else ""


def _drop_complex_fields(root, name: str, origin: str, warnings: list[str]) -> bool:
    """Remove the code of complex fields (w:fldChar … w:instrText …) that fetch or run; keep their results."""
    runs = list(root.iter(f"{{{W}}}r"))
    stack: list[dict] = []
    doomed: set[int] = set()
    for index, run in enumerate(runs):
        for child in run:
            if child.tag == f"{{{W}}}fldChar":
                kind = child.get(f"{{{W}}}fldCharType")
                if kind == "begin":
                    stack.append({"begin": index, "separate": None, "code": []})
                elif kind == "separate" and stack:
                    stack[-1]["separate"] = index
                elif kind == "end" and stack:
                    field = stack.pop()
                    command = _command("".join(field["code"]))
                    if command in DANGEROUS_FIELDS:
                        stop = field["separate"] if field["separate"] is not None else index
                        doomed.update(range(field["begin"], stop + 1))
                        doomed.add(index)
                        warnings.append(f"{origin}: dropped a {command} field from {name}")
            elif child.tag == f"{{{W}}}instrText" and stack and stack[-1]["separate"] is None:
                stack[-1]["code"].append(child.text or "")
    if stack:  # a field never closed: its code runs to the end of the part
        for field in stack:
            if _command("".join(field["code"])) in DANGEROUS_FIELDS:
                doomed.update(range(field["begin"], len(runs)))
                warnings.append(f"{origin}: dropped an unterminated field from {name}")
    for index in sorted(doomed):
        run = runs[index]
        if run.getparent() is not None:
            run.getparent().remove(run)
    return bool(doomed)
