"""Rewrite a zip archive (DOCX) so the same content always gives the same bytes (the members come from
``oxml.package_members``)."""

from __future__ import annotations

import io
import zipfile

FIXED_DATE_TIME = (1980, 1, 1, 0, 0, 0)
FIRST_MEMBERS = ("[Content_Types].xml",)


def member_order(names: list[str]) -> list[str]:
    """Return member names in the stable order: [Content_Types].xml first, then sorted."""
    first = [n for n in FIRST_MEMBERS if n in names]
    return first + sorted(n for n in names if n not in FIRST_MEMBERS)


def deterministic_zip(members: dict[str, bytes]) -> bytes:
    """Return zip bytes for members with fixed timestamps, order, attributes and compression."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name in member_order(list(members)):
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.create_version = 20
            info.extract_version = 20
            info.external_attr = 0
            info.flag_bits = 0
            info.extra = b""
            info.comment = b""
            zf.writestr(info, members[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return out.getvalue()
