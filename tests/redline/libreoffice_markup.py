"""Mark up a DOCX in LibreOffice itself, as a counterparty using LibreOffice Writer would.

Run by the system Python that carries LibreOffice's UNO bridge (Debian's python3-uno, installed by
scripts/install-system-deps.sh), not by the project's venv:

    python3 tests/redline/libreoffice_markup.py EDITS.json IN.docx OUTDIR

It starts a private, headless soffice, opens IN.docx, turns on Edit > Track Changes > Record under
the author EDITS.json names, and makes its edits with Writer's own text API (find, replace, type a
paragraph, delete one, cut and paste words, anchor a comment; replace words in a table row's cell
(`in_row`) or on the cover (`after: start`)), so every w:ins, w:del and w:comment
of the result is written by LibreOffice, not shaped by the tests. Then it saves the document once
per entry of `outputs` ({file name: LibreOffice filter name}). An entry whose name starts with
"clean-" is the same edits made with recording off: their text as it reads once every change is
accepted (Writer's Accept All needs a window, which the headless build cannot open).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]  # LibreOffice's own Python bridge
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK  # type: ignore[import-not-found]

CONNECT_TRIES = 600  # soffice starting on a loaded machine: up to a minute before it listens


def _props(**values):
    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        out.append(prop)
    return tuple(out)


def _connect(pipe: str, office: subprocess.Popen):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(CONNECT_TRIES):
        if office.poll() is not None:
            raise SystemExit(f"soffice stopped before it listened (exit {office.returncode})")
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.1)
    raise SystemExit("soffice did not listen")


def _set_author(context, author: str) -> None:
    """Set the user name LibreOffice records on each change and comment (Tools > Options > User Data)."""
    provider = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", context
    )
    data = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess", _props(nodepath="/org.openoffice.UserProfile/Data")
    )
    data.setPropertyValue("givenname", author)
    data.setPropertyValue("sn", "")
    data.commitChanges()


def _find(doc, text: str, after: str, paragraphs: int = 12):
    """The first `text` in one run of the paragraphs from the bookmark `after` on (our bookmarks survive).

    Writer's search needs a view, and a view needs the dialogs the headless build leaves out: the
    words are found in the paragraphs' text portions instead (one portion, so a character is a step).
    `after: "start"` searches the cover: the first paragraphs of the document, which carry no bookmark.
    """
    if after == "start":
        body = doc.getText()
        walker = body.createTextCursor()
        walker.gotoStart(False)
    else:
        anchor = doc.getBookmarks().getByName(after).getAnchor()
        body = anchor.getText()
        walker = body.createTextCursorByRange(anchor.getStart())
    walker.gotoStartOfParagraph(False)
    for _ in range(paragraphs):
        line = body.createTextCursorByRange(walker.getStart())
        line.gotoEndOfParagraph(True)
        for paragraph in iter_enum(line.createEnumeration()):
            for portion in iter_enum(paragraph.createEnumeration()):
                where = portion.getString().find(text) if portion.TextPortionType == "Text" else -1
                if where >= 0:
                    found = body.createTextCursorByRange(portion.getStart())
                    found.goRight(where, False)
                    found.goRight(len(text), True)
                    return found
        if not walker.gotoNextParagraph(False):
            break
    raise SystemExit(f"{text!r} not found in one run after bookmark {after!r}")


def _find_in_row(doc, text: str, row: str, nth: int = 0):
    """`text` in one run of a table row one of whose cells reads `row` (the `nth` such row of the document).

    A table's cells are texts of their own, which the paragraph walk of `_find` never enters.
    """
    rows = []
    tables = doc.getTextTables()
    for table in (tables.getByIndex(i) for i in range(tables.getCount())):
        names = table.getCellNames()
        by_row: dict[str, list] = {}
        for name in names:
            by_row.setdefault(name.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), []).append(table.getCellByName(name))
        rows += [cells for cells in by_row.values() if any(cell.getString() == row for cell in cells)]
    if len(rows) <= nth:
        raise SystemExit(f"no table row {nth + 1} with a cell {row!r}")
    for cell in rows[nth]:
        for paragraph in iter_enum(cell.createEnumeration()):
            for portion in iter_enum(paragraph.createEnumeration()):
                where = portion.getString().find(text) if portion.TextPortionType == "Text" else -1
                if where >= 0:
                    found = cell.createTextCursorByRange(portion.getStart())
                    found.goRight(where, False)
                    found.goRight(len(text), True)
                    return found
    raise SystemExit(f"{text!r} not found in one run of the table row of {row!r}")


def iter_enum(enumeration):
    """The elements of a UNO enumeration."""
    while enumeration.hasMoreElements():
        yield enumeration.nextElement()


def _edit(doc, edit: dict, author: str) -> None:
    """One edit, as a person makes it in Writer with changes recorded."""
    if "replace" in edit and "in_row" in edit:
        _find_in_row(doc, edit["replace"], edit["in_row"], edit.get("nth", 0)).setString(edit["with"])
    elif "replace" in edit:
        _find(doc, edit["replace"], edit["after"], edit.get("paragraphs", 12)).setString(edit["with"])
    elif "comment" in edit:
        found = _find(doc, edit["on"], edit["after"])
        note = doc.createInstance("com.sun.star.text.textfield.Annotation")
        note.Author = author
        note.Content = edit["comment"]
        now, stamp = time.gmtime(), uno.createUnoStruct("com.sun.star.util.DateTime")
        stamp.Year, stamp.Month, stamp.Day = now.tm_year, now.tm_mon, now.tm_mday
        stamp.Hours, stamp.Minutes, stamp.Seconds, stamp.IsUTC = now.tm_hour, now.tm_min, now.tm_sec, True
        note.DateTimeValue = stamp
        found.getText().insertTextContent(found, note, True)
    elif "move" in edit:
        # cut the words and paste them at the start of their paragraph, as a person drags them
        found = _find(doc, edit["move"], edit["after"])
        text = found.getText()
        cursor = text.createTextCursorByRange(found.getStart())
        cursor.gotoStartOfParagraph(False)
        found.setString("")
        text.insertString(cursor, edit["move"] + " ", False)
    elif "insert_paragraph_after" in edit:
        found = _find(doc, edit["insert_paragraph_after"], edit["after"])
        text = found.getText()
        cursor = text.createTextCursorByRange(found.getEnd())
        cursor.gotoEndOfParagraph(False)
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        text.insertString(cursor, edit["text"], False)
    elif "delete_paragraph" in edit:
        found = _find(doc, edit["delete_paragraph"], edit["after"])
        cursor = found.getText().createTextCursorByRange(found.getStart())
        cursor.gotoStartOfParagraph(False)
        cursor.gotoNextParagraph(True)  # the paragraph and its mark: the next one keeps its own
        cursor.setString("")
    else:
        raise SystemExit(f"unknown edit {edit!r}")


def _open(context, source: Path):
    """Load a DOCX into a Writer document model with no window (the headless build has no dialogs for one)."""
    doc = context.ServiceManager.createInstanceWithContext("com.sun.star.text.TextDocument", context)
    doc.load(_props(URL=source.as_uri(), FilterName="MS Word 2007 XML"))
    return doc


def main(edits_file: str, source: str, outdir: str) -> None:
    """Open SOURCE in a headless LibreOffice, make the edits of EDITS_FILE with changes recorded, save OUTDIR/*."""
    spec = json.loads(Path(edits_file).read_text(encoding="utf-8"))
    out = Path(outdir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    profile = out / "lo-profile"
    pipe = f"contractgen-markup-{os.getpid()}"
    soffice = [os.environ.get("SOFFICE", "soffice"), f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    # a new profile makes soffice restart itself once: make it first, so the one we connect to stays
    subprocess.run([*soffice, "--terminate_after_init"], capture_output=True, timeout=300, check=False)
    office = subprocess.Popen(  # its own session: soffice hands over to soffice.bin, killed with the group
        [
            *soffice,
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        context = _connect(pipe, office)
        _set_author(context, spec["author"])
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        for tracked in (True, False):
            wanted = [(name, f) for name, f in sorted(spec["outputs"].items()) if name.startswith("clean-") != tracked]
            if not wanted:
                continue
            doc = _open(context, Path(source).resolve())
            doc.setPropertyValue("RecordChanges", tracked)
            for edit in spec["edits"]:
                _edit(doc, edit, spec["author"])
            for name, filter_name in wanted:
                doc.storeToURL((out / name).as_uri(), _props(FilterName=filter_name, Overwrite=True))
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge goes down with soffice, sometimes before the reply
            pass
        office.wait(timeout=120)
    finally:
        if office.poll() is None:
            os.killpg(office.pid, signal.SIGKILL)
            office.wait()


if __name__ == "__main__":
    main(*sys.argv[1:])
