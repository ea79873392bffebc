"""The reproducible timestamp both writers stamp into file properties: SOURCE_DATE_EPOCH, else the deal date."""

from __future__ import annotations

import datetime as dt
import os

from contractgen.document.model import Document
from contractgen.errors import SettingError


def source_date_epoch() -> dt.datetime | None:
    """Return SOURCE_DATE_EPOCH as an aware UTC datetime, None when unset; a bad value is a SettingError."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise SettingError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix timestamp (whole seconds since 1970)") from None


def document_datetime(document: Document) -> dt.datetime:
    """Return the naive UTC timestamp of a document's properties: SOURCE_DATE_EPOCH, else its effective date."""
    moment = source_date_epoch()
    if moment is not None:
        return moment.replace(tzinfo=None)
    return dt.datetime.fromisoformat(document.date_iso[:10])
