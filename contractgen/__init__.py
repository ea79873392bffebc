"""contractgen: IT outsourcing contracts and SLA documents from a deal spec and a clause library."""

import importlib

__version__ = "0.1.0"


def lazy_exports(package: str, names: dict[str, str]):
    """Return a module `__getattr__` that imports each public name from its module on first use.

    A package hands on its public names this way so that importing it stays cheap: `names` maps a
    public name to the module (relative to `package`) that defines it.
    """

    def __getattr__(name: str):
        if name in names:
            return getattr(importlib.import_module(f"{package}.{names[name]}"), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
