"""Dated alliance and organisation membership from ``data/alliances.csv``."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from dashboard.errors import DataError


@dataclass(frozen=True)
class Membership:
    """A period in which a state was a member, or was suspended or froze its participation."""

    org: str
    member: str
    status: str
    start: date
    end: date | None
    source: str

    def covers(self, day: date) -> bool:
        """Tell whether the period includes ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)


def _date(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise DataError(f"{where}: {value!r} is not a YYYY-MM-DD date") from exc


def read_memberships(path: Path) -> list[Membership]:
    """Read and validate the membership table."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            where = f"{path.name}:{line}"
            if row.get("status") not in ("member", "suspended", "frozen"):
                raise DataError(f"{where}: status must be member, suspended or frozen")
            if len(row.get("member") or "") != 3 or not (row.get("source") or "").strip():
                raise DataError(f"{where}: an ISO3 member and a source are required")
            end = _date(row["end"], where) if (row.get("end") or "").strip() else None
            rows.append(Membership(row["org"], row["member"], row["status"],
                                   _date(row["start"], where), end, row["source"]))
    return rows


@dataclass(frozen=True)
class AllianceTable:
    """Answer which organisations a set of countries belonged to on a day."""

    memberships: tuple[Membership, ...]

    @property
    def organisations(self) -> list[str]:
        """List the organisation codes in table order."""
        return list(dict.fromkeys(m.org for m in self.memberships))

    @cached_property
    def _periods(self) -> dict[tuple[str, str], list[Membership]]:
        """Group the periods by organisation and member: every mention asks about a few."""
        grouped: dict[tuple[str, str], list[Membership]] = {}
        for membership in self.memberships:
            grouped.setdefault((membership.org, membership.member), []).append(membership)
        return grouped

    def is_member(self, org: str, country: str, day: date) -> bool:
        """Tell whether a country was an active member on a day (not suspended or frozen)."""
        periods = self._periods.get((org, country), [])
        active = any(m.status == "member" and m.covers(day) for m in periods)
        paused = any(m.status != "member" and m.covers(day) for m in periods)
        return active and not paused

    def alliances_of(self, countries: Iterable[str], day: date | None) -> tuple[str, ...]:
        """List organisations any of the countries was an active member of on ``day``."""
        when = day or date.today()
        wanted = set(countries)
        return tuple(org for org in self._organisations
                     if any(self.is_member(org, c, when) for c in wanted))

    @cached_property
    def _organisations(self) -> tuple[str, ...]:
        return tuple(self.organisations)
