"""Normalise names so that spellings match: case, accents, hyphens and apostrophes."""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,'’`ʻʼ\"()]+")
_SAINT = re.compile(r"\bsaint ")
_LEADING_ARTICLE = re.compile(r"^(?:the|al|el|ad|as|an|ash|at|az)\s+")


def normalize_name(name: str) -> str:
    """Fold a place or alias name to its matching key: ``"Issyk-Kul" -> "issyk kul"``."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = _SEPARATORS.sub(" ", stripped.casefold()).strip()
    return _SAINT.sub("st ", folded)


def strip_article(key: str) -> str:
    """Drop a leading article from a normalised key (``"the hague" -> "hague"``)."""
    return _LEADING_ARTICLE.sub("", key)
