"""Installation mentions: a base phrase tied to a place, with operator and host."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from dashboard import patterns as p
from dashboard.context import (
    Doc,
    Resources,
    article_foreign,
    article_ranking,
    locate_phrase,
    nearest_foreign,
    resolve_phrase,
)
from dashboard.countries import CountryRef
from dashboard.knowledge import distance_km, place_of
from dashboard.models import Installation, Mention, Place
from dashboard.textnorm import normalize_name

_TYPE_WORDS = (("naval", "naval"), ("navy", "naval"), ("port", "naval"), ("harbo", "naval"),
               ("submarine", "naval"), ("air", "air"), ("radar", "radar"),
               ("logistic", "logistics"), ("training", "training"), ("space", "space"),
               ("missile", "missile"), ("signal", "signals"), ("listening", "signals"),
               ("communication", "signals"), ("army", "army"), ("garrison", "army"))
_NEAR_KM = {"site": 25.0, "settlement": 35.0, "region": 200.0}
_PRECISION_RANK = {"site": 0, "settlement": 1, "region": 2, "country": 3}


def guess_type(noun: str) -> str:
    """Guess an installation type from the words that name it."""
    lowered = noun.lower()
    return next((kind for word, kind in _TYPE_WORDS if word in lowered), "other")


def guess_status(text: str) -> str | None:
    """Read planned or closed from the sentence; None when it does not say."""
    if p.CLOSED_CUES.search(text):
        return "closed"
    if p.PLANNED_CUES.search(text):
        return "planned"
    return None


def _name_before(text: str, noun_start: int, res: Resources) -> str | None:
    match = re.search(r"((?:(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]*|(?:al|el|ad|as)-[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]*|"
                      r"al|de|du|el|bin|ibn)\s+){1,5})$", text[:noun_start])
    if not match:
        return None
    words = match.group(1).split()
    while words and not (words[0][:1].isupper() or re.match(r"(?:al|el|ad|as)-", words[0])):
        words = words[1:]
    while words and (normalize_name(re.sub(r"['’]s$", "", words[0])) in p.NOT_PLACE_WORDS
                     or res.countries.lookup(re.sub(r"['’]s$", "", words[0]))):
        words = words[1:]
    if not words or any(res.countries.lookup(re.sub(r"['’]s$", "", w)) for w in words):
        return None
    if any(re.fullmatch(r"\d+(?:st|nd|rd|th)", w) for w in words):
        return None
    return " ".join(words)


_MILITARY_SUBJECT = re.compile(
    r"(?i)\b(?:troops|soldiers|forces|personnel|units?|squadron|aircraft|jets|fighters|drones|"
    r"contingent|battalion|brigade|regiment|division|battlegroup|group|operation|command|fleet|"
    r"navy|army|marines|warships|submarines|bombers|helicopters|garrison|mission|base|"
    r"element|detachment|team|squadrons?)\b")


def _locatives(text: str, start: int) -> list[tuple[int, bool]]:
    """Offsets of the place phrases after a base noun: ``at Doraleh in Djibouti``.

    Each comes with whether its preposition is directional (``north of``).
    """
    found = []
    cursor = start
    for _ in range(3):
        after = p.LOCATIVE.match(text[cursor:])
        if not after or not after.group("prep"):
            skip = re.match(r"[^,.;]{0,30}?,\s*(?=(?:at|in|near|on)\s)", text[cursor:])
            if not skip:
                break
            cursor += skip.end()
            continue
        found.append((cursor + after.end(), " of" in after.group("prep")))
        rest = p.CAPITALISED_PHRASE.match(text[cursor + after.end():])
        cursor += after.end() + (rest.end() if rest else 0)
    return found


def _locate(text: str, noun: re.Match[str], doc: Doc, res: Resources
            ) -> tuple[Place, str, tuple[Installation, ...]] | None:
    verb = noun.group(0).lower() in p.PRESENCE_VERBS
    if verb and not _MILITARY_SUBJECT.search(text[max(0, noun.start() - 80):noun.start()]):
        return None
    options: list[tuple[Place, str, tuple[Installation, ...]]] = []
    own = res.knowledge.match_alias(noun.group(0)) if noun.group(0)[:1].isupper() else ()
    station = re.match(r"(?:RAF|RAAF|RMAF)\s+(?:Base\s+)?(.+)", noun.group(0))
    if station:
        found = resolve_phrase(text[noun.start() + station.start(1):], res, doc.context)
        named = own or res.knowledge.named(station.group(1), "")
        if found or named:
            options.append((found[0] if found else place_of(named[0]), station.group(1), named))
    bare_unit = noun.group(0).lower() in p.KNOWN_ONLY
    name = None if verb or bare_unit else _name_before(text, noun.start(), res)
    if name:
        named = res.knowledge.named(name, noun.group(0))
        place = res.resolver.resolve(name, doc.context)
        if named or (place and place.precision in ("site", "settlement")):
            options.append((place or place_of(named[0]), name, named))
    for offset in _locatives(text, noun.end()):
        located = locate_phrase(text[offset[0]:], noun.group(0), res, doc.context)
        if located:
            place, phrase, named = located
            if offset[1] and not named:
                continue  # "south of Seoul" does not put the base in Seoul
            options.append((place or place_of(named[0]), phrase, named))
            if named or place is None or place.precision != "country":
                break
    if own and not any(o[2] for o in options):
        options.append((place_of(own[0]), noun.group(0), own))
    if not options:
        # "Kant, 20 km east of Bishkek, where Russian aircraft have been stationed"
        before = list(_WHERE_BEFORE.finditer(text[:noun.start()]))
        if before:
            start = before[-1].start("place")
            located = locate_phrase(text[start:], noun.group(0), res, doc.context)
            if located and (located[2] or (located[0] and located[0].precision
                                           in ("site", "settlement"))):
                place, phrase, named = located
                options.append((place or place_of(named[0]), phrase, named))
    if not options:
        return None
    ranked = sorted(options, key=lambda o: (not o[2], _PRECISION_RANK[o[0].precision]))
    return ranked[0]


def _operator(doc: Doc, index: int, noun_start: int, host: str | None
              ) -> tuple[str | None, bool]:
    """Name who operates the installation: the phrase's own owner first, then context.

    ``the Bundeswehr's training grounds`` in Germany is German, hence domestic (None back
    from the caller); a foreign country elsewhere in the sentence counts only when it is
    tied to troops or forces, or when the sentence names no other country at all.
    """
    refs = doc.refs[index]
    text = doc.sentences[index].text
    for named in refs:
        if p.OPERATOR_PHRASE.search(text[:named.start]) and named.iso3 != host:
            return named.iso3, True
    refs = [r for r in refs if not _SUPPORT_SUFFIX.search(r.text)]
    inside = [r for r in refs if r.start == noun_start and r.iso3 != host]
    if inside:
        return inside[0].iso3, True  # "RAF Gan"
    close = [r for r in refs if r.end <= noun_start and noun_start - r.end <= 45
             and not re.search(r"[,;:]|\b(?:and|with|to|from|for|against)\b",
                               text[r.end:noun_start])]
    if close:
        return close[-1].iso3, True
    military = [r for r in refs if r.iso3 != host and _MILITARY_AFTER.match(text[r.end:])]
    before = [r for r in military if r.end <= noun_start]
    if before:
        return min(before, key=lambda r: noun_start - r.end).iso3, True
    if refs and refs[0].start <= 30 and refs[0].end <= noun_start:
        # The sentence's subject: "Italy leads the command from Camp Villaggio Italia";
        # "Riyadh fights from King Khalid Air Base" (the host itself) is domestic.
        return (None, True) if refs[0].iso3 == host else (refs[0].iso3, True)
    if military:
        return min(military, key=lambda r: abs(noun_start - r.end)).iso3, True
    if any(r.iso3 != host for r in refs):
        ref: CountryRef | None = nearest_foreign(refs, noun_start, host, before_only=True)
        if ref and ref.kind in ("demonym", "leader"):
            return ref.iso3, True
    if refs:
        return None, False
    for back in (1, 2):
        if index - back >= 0:
            earlier = [r for r in doc.refs[index - back] if r.iso3 != host]
            if earlier:
                return earlier[-1].iso3, False
    return article_foreign(doc, host), False


_ARMED_NOUN = re.compile(r"(?i)\b(?:naval|navy|military|air|army|missile|torpedo|radar|"
                         r"weapons?|marine|submarine)\b")
_WHERE_BEFORE = re.compile(
    r"(?P<place>[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+)?)(?:,[^,]{0,40})?,\s+where\b")
_SUPPORT_SUFFIX = re.compile(r"-(?:backed|funded|built|trained|made|allied|friendly|leaning)$")
_MILITARY_AFTER = re.compile(
    r"\s+(?:military|armed\s+forces|forces|troops|soldiers|army|navy|air\s+force|marines|"
    r"personnel|contingent|jets|aircraft|warships|drones|special\s+forces|frigates?|"
    r"destroyers?|ships|vessels|submarines?|fighters|bombers|helicopters|sailors|airmen|"
    r"instructors|advisers|peacekeepers)\b", re.IGNORECASE)


def link_installation(place: Place, phrase: str, kind: str, operator: str | None,
                      named: tuple[Installation, ...], res: Resources,
                      likely: tuple[str, ...] = ()) -> Installation | None:
    """Find the curated installation a located base phrase refers to, if any.

    Without a known operator, candidates run by the countries the article names most
    (``likely``) come first.
    """
    if operator and named and not any(i.operator == operator for i in named):
        named = ()
    candidates = list(named) or list(res.knowledge.by_place.get(normalize_name(phrase), ()))
    radius = _NEAR_KM.get(place.precision, 0.0)
    if not candidates and radius:
        key = " ".join(w for w in normalize_name(phrase).split()
                       if w not in p.GENERIC_PLACE_WORDS)
        candidates = [i for i in res.knowledge.near(place.lat, place.lon, radius)
                      if place.precision != "region"
                      or key in normalize_name(" ".join((i.name, *i.aliases)))]
    if operator:
        candidates = [i for i in candidates if i.operator == operator]
    same_type = [i for i in candidates if kind in ("other", i.type)]
    pool = same_type or candidates
    if not pool:
        return None
    if operator is None and len({i.operator for i in pool}) > 1:
        ranked = [i for country in likely for i in pool if i.operator == country]
        if not ranked:
            return None
        pool = [i for i in pool if i.operator == ranked[0].operator]
    return min(pool, key=lambda i: distance_km(place.lat, place.lon, i.lat, i.lon))


def sole_installation(operator: str | None, host: str | None, kind: str, res: Resources
                      ) -> Installation | None:
    """Return the one curated installation an operator has in a host country, if only one."""
    if not operator or not host:
        return None
    pool = [i for i in res.knowledge.installations
            if i.operator == operator and i.host == host and i.status != "closed"
            and kind in ("other", i.type)]
    return pool[0] if len(pool) == 1 else None


def _mention(doc: Doc, index: int, place: Place, noun_text: str, operator: str | None,
             item: Installation | None) -> Mention | None:
    sentence = doc.sentences[index]
    if item is not None:
        place, operator = place_of(item), item.operator
    host = place.country
    if operator is None or host is None or operator == host or place.precision == "country":
        return None
    kind = item.type if item else guess_type(noun_text)
    status = guess_status(sentence.text) or (item.status if item else "active")
    where = place.name
    if item is None and place.key.startswith("kb:"):
        # Another country's curated base marks the spot: name the spot, not that base.
        where = place.name.split("(")[0].strip()
        place = replace(place, key=f"at-{place.key}", name=where)
    name = item.name if item else f"{noun_text.strip().capitalize()}, {where}"
    return Mention(kind="installation", name=name, quote=sentence.text, start=sentence.start,
                   end=sentence.end, place=place, operator=operator, host=host,
                   countries=tuple(dict.fromkeys(c for c in (operator, host) if c)),
                   date=doc.article.published, status=status, installation_type=kind,
                   installation_id=item.id if item else None)


def find_installations(doc: Doc, index: int, res: Resources) -> list[Mention]:
    """Find installations a sentence places somewhere below country level."""
    text = doc.sentences[index].text
    mentions: list[Mention] = []
    military = bool(p.MILITARY_CONTEXT.search(text))
    for noun in p.BASE_NOUN.finditer(text):
        window = text[max(0, noun.start() - 30):noun.end() + 8]
        armed = bool(_ARMED_NOUN.search(noun.group(0)))
        if (p.NON_MILITARY_BASE.search(window) and not armed) or (
                noun.group(0).lower() in p.WEAK_NOUNS and not military):
            continue
        located = _locate(text, noun, doc, res)
        if located is None:
            continue
        for place, phrase, named in [located, *_coordinated(text, located[1], noun, doc, res)]:
            mention = _attribute(doc, index, noun, place, phrase, named, res)
            if mention:
                mentions.append(mention)
    mentions.extend(_named_installations(doc, index, res, military))
    return mentions


def _coordinated(text: str, phrase: str, noun: re.Match[str], doc: Doc, res: Resources
                 ) -> list[tuple[Place, str, tuple[Installation, ...]]]:
    """Follow a list after the first place: ``bases in Kulob, Bokhtar and Dushanbe``."""
    at = text.find(phrase, noun.end())
    if at < 0:
        return []
    cursor = at + len(phrase)
    found: list[tuple[Place, str, tuple[Installation, ...]]] = []
    while True:
        joint = re.match(r"(?:\s*\([^)]{0,40}\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)", text[cursor:])
        if not joint:
            return found
        located = locate_phrase(text[cursor + joint.end():], noun.group(0), res, doc.context)
        if located is None:
            return found
        place, name, named = located
        if place is None and not named:
            return found
        found.append((place or place_of(named[0]), name, named))
        cursor += joint.end() + len(name)


def _attribute(doc: Doc, index: int, noun: re.Match[str], place: Place, phrase: str,
               named: tuple[Installation, ...], res: Resources) -> Mention | None:
    """Decide operator, host and curated match for one located base phrase."""
    operator, strong = _operator(doc, index, noun.start(), place.country)
    if strong and operator is None:
        return None  # the host's own base
    kind = guess_type(noun.group(0))
    likely = article_ranking(doc, place.country)
    if place.precision == "country":
        indefinite = re.search(r"\b(?:a|an|another|one|new|second|third|more|some|any)\s+"
                               r"(?:[\w'’.-]+\s+){0,3}$", doc.sentences[index].text[:noun.start()],
                               re.IGNORECASE)
        plural = noun.group(0).lower().endswith(("ies", "ses", "tes", "ns", "ds", "ps", "ts"))
        item = None if indefinite or plural else sole_installation(
            operator if strong else None, place.country, kind, res)
    else:
        item = link_installation(place, phrase, kind, operator if strong else None, named,
                                 res, likely if strong else (operator or "", *likely))
    word = noun.group(0).lower()
    if item is None and (not strong or word in p.PRESENCE_VERBS or word in p.KNOWN_ONLY):
        return None
    if p.DENIED_CUES.search(doc.sentences[index].text):
        return None
    return _mention(doc, index, place, noun.group(0), operator, item)


def _elsewhere(alias: str, items: Sequence[Installation], named: set[str], text: str) -> bool:
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
    return bool(named) and not named & hosts and bool(named - operators)


def _named_installations(doc: Doc, index: int, res: Resources, military: bool) -> list[Mention]:
    if res.kb_pattern is None:
        return []
    text = doc.sentences[index].text
    found = []
    for match in res.kb_pattern.finditer(text):
        items = res.knowledge.match_alias(match.group(0))
        if not items or not (military or re.search(r"(?i)base|camp|station|air|naval",
                                                   match.group(0))):
            continue
        named = {r.iso3 for r in doc.refs[index]}
        if _elsewhere(match.group(0), items, named, text):
            continue
        operator, _ = _operator(doc, index, match.start(), items[0].host)
        chosen = max(items, key=lambda i: (i.operator == operator, i.host in named))
        mention = _mention(doc, index, place_of(chosen), match.group(0), chosen.operator, chosen)
        if mention:
            found.append(replace(mention, operator=chosen.operator))
    return found
