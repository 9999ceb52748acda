"""Loading of data files shipped inside the package (cached per process)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from dondoc.core.gazetteer import Gazetteer

__all__ = ["gazetteer"]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    text = resources.files("dondoc.data").joinpath("bodies.tsv").read_text(encoding="utf-8")
    return Gazetteer.from_tsv(text)
