"""`contractgen serve`: what it opens, and what it says when the web extra is missing."""

from __future__ import annotations

import subprocess
import sys

from contractgen.web.repository import WebRepository, open_repository
from tests.helpers import ROOT


def test_make_serve_opens_the_samples_of_the_checkout():
    repo = WebRepository(open_repository(ROOT))
    assert "samples/deal-example.yaml" in repo.deals()
    assert repo.config.clauses_dir == ROOT / "clauses"


def test_serve_without_the_web_extra_says_how_to_install_it():
    code = (
        "import sys; sys.modules['starlette'] = None; sys.argv = ['contractgen', 'serve']; "
        "from contractgen.cli import main; main()"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "pip install 'contractgen[web]'" in done.stderr
    assert "Traceback" not in done.stderr
