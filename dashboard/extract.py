"""Find the installations and leader meetings an article places on the map.

Every mention keeps its exact sentence and span. Country words alone never become sites:
a site needs an installation or meeting phrase tied to a place below country level.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from dashboard.context import Resources, prepare_doc
from dashboard.gloss import LANGUAGES as GLOSSED
from dashboard.installations import find_installations
from dashboard.knowledge import KnowledgeBase, alias_variants, distance_km
from dashboard.meetings import find_meetings
from dashboard.models import Article, Mention
from dashboard.textnorm import normalize_name

_BASE_WORDS = re.compile(r"(?i)\b(?:base|camp|station|fort|air|naval|barracks|garrison|"
                         r"airfield|field|facility|centre|center|range|site|raf|nas|nsa|ab|"
                         r"cosmodrome|spaceport)\b")

_VENUE_KM = 20.0


def find_mentions(article: Article, res: Resources) -> list[Mention]:
    """Find installation and meeting mentions in an article, one per site and sentence."""
    # An article in Spanish, French... is read twice: as written, for the names curated in
    # its language ("base aérienne 104"), and through its English gloss, for the rest.
    docs = [prepare_doc(article, res)]
    if article.language in GLOSSED:
        docs.append(prepare_doc(article, res, glossed=True))
    found: dict[tuple[str, int], Mention] = {}
    for doc in docs:
        for index in range(len(doc.sentences)):
            for mention in [*find_installations(doc, index, res),
                            *find_meetings(doc, index, res)]:
                alliances = res.alliances.alliances_of(mention.countries, mention.date)
                found.setdefault((mention.site_id, mention.start),
                                 replace(mention, alliances=alliances,
                                         quote=article.text[mention.start:mention.end]))
    return sorted(merge_venues(list(found.values()), article.title),
                  key=lambda m: (m.start, m.kind))


def merge_venues(mentions: list[Mention], title: str = "") -> list[Mention]:
    """Put a city's meeting at the venue named for the same day nearby (Astana -> Akorda).

    The headline's meeting ("Trump and Lee meet in Gyeongju") is the one the story tells,
    whatever day the headline is dated.
    """
    venues = [m for m in mentions if m.kind == "meeting_site"
              and (m.place.precision == "site" or m.place.kind == "venue")]
    merged = []
    for mention in mentions:
        headline = bool(title.strip()) and mention.quote.strip() == title.strip()
        venue = next((v for v in venues if mention.kind == "meeting_site"
                      and mention.place.precision == "settlement"
                      and (v.date == mention.date or headline)
                      and mention.place.kind != "venue"
                      and v.place.country == mention.place.country
                      and distance_km(v.place.lat, v.place.lon, mention.place.lat,
                                      mention.place.lon) <= _VENUE_KM), None)
        merged.append(replace(mention, place=venue.place, name=venue.name) if venue else mention)
    return merged


def compile_kb_pattern(knowledge: KnowledgeBase, is_place_name: Callable[[str], bool]
                       ) -> re.Pattern[str] | None:
    """Compile the installation names distinctive enough to find without a base phrase.

    A name that is also a place's (``Kant``, ``Diego Garcia``) goes in the ``place`` group:
    it counts only where the sentence speaks of a base. Past the first letter, case is free
    ("Camp Melchor dela Cruz"); numbered names are free in any case ("air base 188").
    """
    names: set[str] = set()
    places: set[str] = set()
    for item in knowledge.installations:
        for alias in {v for a in (item.name, *item.aliases) for v in alias_variants(a)}:
            if re.fullmatch(r"[A-Z]{1,2}-?\d{1,3}", alias):
                # "H5", "K2", "T-4": a base's code, only where the sentence speaks of a base
                if len(knowledge.match_alias(alias)) == 1:
                    places.add(alias)
                continue
            if len(alias) < 5 or alias.isupper() and len(alias) < 6:
                continue
            if _BASE_WORDS.search(alias) or not is_place_name(alias):
                names.add(alias)
            elif alias[:1].isupper() and len(knowledge.match_alias(alias)) == 1:
                places.add(alias)
    if not names:
        return None
    groups = [f"(?P<{group}>" + "|".join(_alias_regex(n) for n in sorted(
        found, key=lambda n: (-len(n), normalize_name(n)))) + ")"
        for group, found in (("named", names), ("place", places - names)) if found]
    return re.compile(r"(?<![\w-])(?:" + "|".join(groups) + r")(?![\w-])")


#: Common nouns that may open a curated name in lower case ("the port of Alexandroupolis").
_COMMON_LEADS = frozenset({"port", "naval", "air", "harbour", "harbor", "army", "marine"})


def _alias_regex(name: str) -> str:
    if re.search(r"\d", name) or name.split()[0].lower() in _COMMON_LEADS:
        return f"(?i:{re.escape(name)})"
    return re.escape(name[0]) + f"(?i:{re.escape(name[1:])})"
