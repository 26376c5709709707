"""The curated installation knowledge base in ``data/installations/*.csv``."""

from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from dashboard.errors import DataError
from dashboard.models import Installation, Place, Precision
from dashboard.textnorm import normalize_name

INSTALLATION_COLUMNS = ("id", "name", "aliases", "operator", "host", "type", "status", "opened",
                        "closed", "lat", "lon", "precision", "place", "source")
INSTALLATION_TYPES = ("air", "naval", "army", "radar", "logistics", "training", "signals",
                      "space", "missile", "joint", "other")
STATUSES = ("planned", "active", "closed")


def _parse_row(row: dict[str, str], where: str) -> Installation:
    missing = [c for c in INSTALLATION_COLUMNS if c not in row]
    if missing:
        raise DataError(f"{where}: missing columns {', '.join(missing)}")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError as exc:
        raise DataError(f"{where}: bad coordinates {row['lat']!r}, {row['lon']!r}") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataError(f"{where}: coordinates out of range: {lat}, {lon}")
    if row["status"] not in STATUSES or row["type"] not in INSTALLATION_TYPES:
        raise DataError(f"{where}: unknown status {row['status']!r} or type {row['type']!r}")
    if row["precision"] not in ("site", "settlement") or not row["source"].strip():
        raise DataError(f"{where}: precision must be site or settlement and a source is required")
    precision: Precision = "site" if row["precision"] == "site" else "settlement"
    aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
    return Installation(
        id=row["id"], name=row["name"], aliases=aliases, operator=row["operator"],
        host=row["host"], type=row["type"], status=row["status"], opened=row["opened"],
        closed=row["closed"], lat=lat, lon=lon, precision=precision, place=row["place"],
        source=row["source"],
    )


def read_installations(folder: Path) -> list[Installation]:
    """Read and validate every installation table in ``folder``."""
    found: dict[str, Installation] = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                item = _parse_row(row, f"{path.name}:{line}")
                if item.id in found:
                    raise DataError(f"{path.name}:{line}: duplicate installation id {item.id!r}")
                found[item.id] = item
    return list(found.values())


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class KnowledgeBase:
    """Installations indexed by every alias and by the place they stand at."""

    installations: tuple[Installation, ...]
    by_alias: dict[str, tuple[Installation, ...]]
    by_place: dict[str, tuple[Installation, ...]]
    #: The aliases as names proper, without a parenthetical gloss ("(EDCA site)").
    plain_aliases: frozenset[str] = frozenset()

    def match_alias(self, name: str) -> tuple[Installation, ...]:
        """Return installations known by exactly this name."""
        return self.by_alias.get(normalize_name(name), ())

    def named(self, phrase: str, noun: str = "", loose: bool = True
              ) -> tuple[Installation, ...]:
        """Find installations called ``phrase``, with or without a base noun after it.

        ``loose`` also accepts a word of a longer name ("Kossei" for "Camp Kossei").
        """
        bare = re.sub(r"^(?:al|el|ad|as|an)[-\s]", "", phrase, flags=re.I)
        forms = (f"{phrase} {noun}", phrase, f"{phrase} Air Base", f"{phrase} Naval Base",
                 f"{phrase} military base", f"{phrase} airport", f"{bare} {noun}", bare)
        for form in forms:
            found = self.match_alias(form)
            if found:
                return found
        placed = self.by_place.get(normalize_name(phrase), ())
        return placed or (self.containing(phrase) if loose else ())

    def containing(self, phrase: str) -> tuple[Installation, ...]:
        """Find installations one of whose names holds ``phrase`` as whole words."""
        key = normalize_name(phrase)
        if len(key) < 5 or key in _DESCRIPTIVE:
            return ()
        pattern = re.compile(rf"(?:^| ){re.escape(key)}(?: |$)")
        found = tuple(dict.fromkeys(item for alias, items in self.by_alias.items()
                                    if alias in self.plain_aliases and pattern.search(alias)
                                    for item in items))
        # A word in many names ("International") names none of them.
        return found if len(found) <= 2 else ()

    def near(self, lat: float, lon: float, radius_km: float) -> list[Installation]:
        """Return installations within ``radius_km`` of a point, nearest first."""
        scored = [(distance_km(lat, lon, i.lat, i.lon), i) for i in self.installations]
        return [i for d, i in sorted(scored, key=lambda pair: pair[0]) if d <= radius_km]


def place_of(item: Installation) -> Place:
    """Place a curated installation at its own coordinates."""
    return Place(key=f"kb:{item.id}", name=item.name, lat=item.lat, lon=item.lon,
                 country=item.host, kind="installation", precision=item.precision,
                 geocoder="knowledge-base")


#: Words that describe a base in its name rather than name it ("Soviet Pacific Fleet ...").
_DESCRIPTIVE = frozenset({"soviet", "royal", "imperial", "federal", "national", "international",
                          "joint", "allied", "coalition", "former", "western", "eastern",
                          "northern", "southern", "central", "combined", "united",
                          "african", "asian", "european", "arab"})
_DEMONYM_WORDS = re.compile(
    r"\b(?:Russian|American|U\.?S\.?|French|British|UK|Chinese|Turkish|Indian|German|"
    r"Italian|Japanese|Emirati|Spanish|Canadian|Australian)\s+")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def alias_variants(alias: str) -> set[str]:
    """Spell an alias the other ways news writes it (no demonym, umlauts as ae/oe/ue)."""
    variants = {alias, alias.translate(_UMLAUTS), _DEMONYM_WORDS.sub("", alias)}
    bare = re.sub(r"\s*\([^)]*\)", "", alias).strip()
    variants |= {bare, re.sub(r"^(?:al|el|ad|as|an|the)[-\s]", "", bare, flags=re.I)}
    # "PLA Support Base in Djibouti" is written "the PLA Support Base"
    placed = re.match(r"(.+\b(?:Base|Station|Camp|Facility|Centre|Center))\s+(?:in|at)\s+[A-Z]",
                      bare)
    if placed and len(placed.group(1).split()) >= 3:
        variants.add(placed.group(1))
    # "Al Khadim" is written "al-Khadim" as often as not
    article = re.match(r"(Al|El|Ad|As|An)[-\s](?=[A-Z])", bare)
    if article:
        variants |= {f"{article.group(1).lower()}{joint}{bare[article.end():]}"
                     for joint in ("-", " ")}
    return {v.strip() for v in variants
            if len(v.strip()) >= 3 or re.fullmatch(r"[A-Z]{1,2}-?\d{1,3}", v.strip())}


def build_knowledge_base(installations: list[Installation]) -> KnowledgeBase:
    """Index installations by normalised name, alias and place name."""
    by_alias: dict[str, list[Installation]] = defaultdict(list)
    by_place: dict[str, list[Installation]] = defaultdict(list)
    plain: set[str] = set()
    for item in installations:
        for name in {item.name, *item.aliases}:
            for variant in alias_variants(name):
                if "(" not in variant:
                    plain.add(normalize_name(variant))
                if item not in by_alias[normalize_name(variant)]:
                    by_alias[normalize_name(variant)].append(item)
        if item.place:
            by_place[normalize_name(item.place)].append(item)
    return KnowledgeBase(
        installations=tuple(installations),
        by_alias={k: tuple(v) for k, v in by_alias.items()},
        by_place={k: tuple(v) for k, v in by_place.items()},
        plain_aliases=frozenset(plain),
    )
