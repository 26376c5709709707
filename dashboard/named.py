"""Curated installations named outright: "Camp Lemonnier", "al-Khadim", "Diego Garcia"."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from dashboard import patterns as p
from dashboard.context import Doc, Resources
from dashboard.knowledge import place_of
from dashboard.models import Installation, Mention
from dashboard.operators import find_operator, hosts_forces, hosts_own
from dashboard.records import installation_mention
from dashboard.textnorm import normalize_name

_BASE_TALK = re.compile(r"(?i)\b(?:bases?|airbases?|garrison|(?:military|naval|navy)\s+(?:facility|"
                        r"station|installation)s?|naval\s+support\s+facility|"
                        r"border\s+(?:checkpoint|post)s?|"
                        r"(?:logistics|naval|military)\s+(?:command|hub)s?|"
                        r"checkpoints?(?=\s+at\b))\b")


def speculated_after(text: str, end: int) -> bool:
    """Tell whether the clause a base is named in calls it only an idea.

    "a US air-defence site at Tabuk 'has been floated'", "an airfield at Zyabrovka 'could one
    day host' Russian aircraft", "jets at Baranovichi ... were not mentioned".
    """
    rest = text[end:]
    brk = p.CLAUSE_BREAK.search(rest)
    return bool(p.SPECULATION_AFTER.search(rest[:brk.start()] if brk else rest))


def _elsewhere(alias: str, items: Sequence[Installation], named: set[str], text: str,
               article: Iterable[str] = ()) -> bool:
    """Tell whether a shared or numbered alias ("Air Base 101") is used of another country.

    The sentence names countries, none of them hosts any installation with that alias, one
    of them operates none either, and no such installation's town is named: the alias
    belongs to a base we do not know.
    """
    if len(items) < 2 and not re.search(r"\d", alias):
        return False
    lowered = text.lower()
    if any(i.place and i.place.lower() in lowered for i in items):
        return False
    hosts = {i.host for i in items}
    operators = {i.operator for i in items}
    if named & operators and hosts & set(article):
        return False  # "the French forces, whose air base 188" in a story about Djibouti
    return bool(named) and not named & hosts and bool(named - operators)


def find_named_installations(doc: Doc, index: int, res: Resources, military: bool,
                             placed: list[Mention]) -> list[Mention]:
    """Find curated installations a sentence names, with or without a base phrase.

    ``placed`` holds what the sentence's base phrases already located.
    """
    if res.kb_pattern is None:
        return []
    text = doc.sentences[index].text
    found: list[Mention] = []
    weight = Counter(r.iso3 for refs in doc.refs for r in refs)
    for match in res.kb_pattern.finditer(text):
        items = res.knowledge.match_alias(match.group(0))
        if not items or not (military or re.search(r"(?i)base|camp|station|air|naval|"
                                                   r"\bHM[A-Z]{0,2}S\b|\bfort\b",
                                                   match.group(0))):
            continue
        if match.lastgroup == "place" and (placed or not _BASE_TALK.search(text)
                                           or p.NON_MILITARY_BASE.search(text)
                                           or res.countries.lookup(match.group(0))):
            continue  # "Diego Garcia" is the base where the sentence speaks of no other
        if p.DENIED_CUES.search(text) or speculated_after(text, match.end()):
            continue
        named = {r.iso3 for r in doc.refs[index]}
        if _elsewhere(match.group(0), items, named, text, doc.context):
            continue
        if hosts_own(doc, index, match.start(), items[0].host):
            continue  # "Belarus's own fighter base at Baranavichy"
        if hosts_forces(doc, index, match.start(), items[0].host) and \
                not named & {i.operator for i in items}:
            continue  # "Norwegian F-35s flew from Rygge": the host's own use of a shared base
        operator, _ = find_operator(doc, index, match.start(), items[0].host)
        key = " ".join(w for w in normalize_name(match.group(0)).split()
                       if w not in p.GENERIC_PLACE_WORDS
                       and w not in ("air", "airbase", "airport", "airfield"))
        if key and any(m.operator not in {i.operator for i in items}
                       and set(key.split()) <= set(normalize_name(m.name).split())
                       for m in [*placed, *found]):
            continue  # "a French air detachment at Al Dhafra air base": not the US base
        spoken = normalize_name(match.group(0))
        chosen = max(items, key=lambda i: (i.operator == operator, i.host in named,
                                           weight[i.host], weight[i.operator],
                                           normalize_name(i.name) == spoken))
        mention = installation_mention(doc, index, place_of(chosen), match.group(0),
                                       chosen.operator, chosen)
        if mention:
            found.append(replace(mention, operator=chosen.operator))
    return found
