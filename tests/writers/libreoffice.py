"""Convert DOCX files to PDF with LibreOffice (headless), as a Word user would see them.

`soffice --convert-to pdf` lays the document out afresh: it numbers the lists from numbering.xml
and recomputes every REF field from its bookmark on load, so no macro is needed to see the effect
of an edit. One process converts all files (start-up is the slow part); a private profile keeps
it apart from any running LibreOffice.
"""

from __future__ import annotations

import io
import re
from collections import Counter
import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(sources: list[Path], outdir: Path, profile: Path) -> dict[Path, Path]:
    """Convert DOCX files to PDF in one LibreOffice run; return {source: pdf}."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    out = {source: outdir / (source.stem + ".pdf") for source in sources}
    missing = [str(s) for s, pdf in out.items() if not pdf.is_file()]
    assert not missing, f"LibreOffice did not convert {missing}"
    return out


def pdf_text(data: bytes) -> str:
    """Return the text of every page without its running header and footer, whitespace collapsed.

    The page furniture goes, so a sentence that runs over a page break ("paragraph 2 of | Schedule
    3") reads as one, however the pages happen to fall.
    """
    import pypdf

    pages = [(page.extract_text() or "").splitlines() for page in pypdf.PdfReader(io.BytesIO(data)).pages]
    on_pages = Counter(line for lines in pages for line in set(lines))
    running = {line for line, count in on_pages.items() if count > len(pages) // 2}  # wherever it is extracted
    kept = [
        line
        for lines in pages
        for line in lines
        if line not in running and not re.fullmatch(r"\s*Page \d+ of \d+\s*", line)
    ]
    return re.sub(r"\s+", " ", " ".join(kept).replace("\u00ad", ""))
