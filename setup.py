"""Ship the built-in clause library, templates, law records and samples inside the wheel, as contractgen/data/."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LIBRARY = ("clauses", "templates", "law", "samples")


class BuildWithLibrary(build_py):
    """build_py that also copies clauses/, templates/, law/ and samples/ to contractgen/data/ in the build."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads them from the checkout
        here = Path(__file__).resolve().parent
        for folder in LIBRARY:
            target = Path(self.build_lib) / "contractgen" / "data" / folder
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(here / folder, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))


setup(cmdclass={"build_py": BuildWithLibrary})
