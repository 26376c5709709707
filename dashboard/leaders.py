"""National leaders from ``data/leaders.csv``: who spoke for which country, and when."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dashboard.errors import DataError


@dataclass(frozen=True)
class Term:
    """One person's term in one role."""

    name: str
    country: str
    role: str
    start: date | None
    end: date | None

    def covers(self, day: date | None) -> bool:
        """Tell whether the term includes ``day`` (any term matches an unknown day)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


HEAD_ROLES = frozenset({"president", "prime_minister", "chancellor", "king", "emir",
                        "crown_prince", "supreme_leader", "head_of_government",
                        "secretary_general"})


@dataclass(frozen=True)
class LeaderRef:
    """A leader named in text."""

    start: int
    end: int
    country: str
    name: str
    role: str = ""


def _optional_date(value: str, where: str) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise DataError(f"{where}: {value!r} is not a YYYY-MM-DD date") from exc


@dataclass(frozen=True)
class LeaderIndex:
    """Find leaders in text and tell their country at a date."""

    terms: dict[str, tuple[Term, ...]]
    pattern: re.Pattern[str] | None

    def find(self, text: str, day: date | None) -> list[LeaderRef]:
        """Find leaders named in text whose term covers ``day`` (or the latest term)."""
        if self.pattern is None:
            return []
        refs = []
        for match in self.pattern.finditer(text):
            terms = self.terms.get(_fold_particles(match.group(0)), ())
            current = [t for t in terms if t.covers(day)] or list(terms)
            if current:
                refs.append(LeaderRef(match.start(), match.end(), current[0].country,
                                      current[0].name, current[0].role))
        return refs


#: Name particles whose case varies between outlets ("Al-Sabah", "al-Sabah", "De Klerk").
_PARTICLE = re.compile(r"(?<![\w-])(al|el|bin|ibn|bint|ben|de|da|di|du|van|von|der|le|la)"
                       r"(?=[- ]|\\[- ])", re.IGNORECASE)


def _fold_particles(name: str) -> str:
    """Write a name's particles in lower case, as the index keys them."""
    return _PARTICLE.sub(lambda m: m.group(1).lower(), name)


def read_leaders(path: Path) -> LeaderIndex:
    """Read the leaders table; a missing file gives an empty index."""
    terms: dict[str, list[Term]] = {}
    if path.exists():
        with path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                where = f"{path.name}:{line}"
                if not row.get("name") or len(row.get("country") or "") != 3:
                    raise DataError(f"{where}: a name and an ISO3 country are required")
                term = Term(row["name"], row["country"], row.get("role") or "",
                            _optional_date(row.get("start", ""), where),
                            _optional_date(row.get("end", ""), where))
                aliases = [a.strip() for a in (row.get("aliases") or "").split("|")]
                for form in {_fold_particles(f) for f in (row["name"], *filter(None, aliases))}:
                    terms.setdefault(form, []).append(term)
    if not terms:
        return LeaderIndex({}, None)
    alternation = "|".join(_PARTICLE.sub(lambda m: f"(?i:{m.group(1)})", re.escape(f))
                           for f in sorted(terms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")
    return LeaderIndex({k: tuple(v) for k, v in terms.items()}, pattern)
