"""Installation mentions: a base phrase tied to a place, with operator and host."""

from __future__ import annotations

import re
from dataclasses import replace

from dashboard import patterns as p
from dashboard.context import Doc, Resources, article_foreign, nearest_foreign, resolve_phrase
from dashboard.countries import CountryRef
from dashboard.knowledge import distance_km
from dashboard.models import Installation, Mention, Place
from dashboard.textnorm import normalize_name

_TYPE_WORDS = (("naval", "naval"), ("navy", "naval"), ("port", "naval"), ("harbo", "naval"),
               ("submarine", "naval"), ("air", "air"), ("radar", "radar"),
               ("logistic", "logistics"), ("training", "training"), ("space", "space"),
               ("missile", "missile"), ("signal", "signals"), ("listening", "signals"),
               ("communication", "signals"), ("army", "army"), ("garrison", "army"))
_NEAR_KM = {"site": 25.0, "settlement": 35.0, "region": 200.0}


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


def kb_place(item: Installation) -> Place:
    """Place a curated installation at its own coordinates."""
    return Place(key=f"kb:{item.id}", name=item.name, lat=item.lat, lon=item.lon,
                 country=item.host, kind="installation", precision=item.precision,
                 geocoder="knowledge-base")


def _name_before(text: str, noun_start: int, res: Resources) -> str | None:
    match = re.search(r"((?:[A-Z][\w'’\-]*\s+){1,4})$", text[:noun_start])
    if not match:
        return None
    words = match.group(1).split()
    while words and (normalize_name(words[0]) in p.NOT_PLACE_WORDS
                     or res.countries.lookup(re.sub(r"['’]s$", "", words[0]))):
        words = words[1:]
    if not words or any(res.countries.lookup(re.sub(r"['’]s$", "", w)) for w in words):
        return None
    if any(re.fullmatch(r"\d+(?:st|nd|rd|th)", w) for w in words):
        return None
    return " ".join(words)


def kb_named(phrase: str, noun: str, res: Resources) -> tuple[Installation, ...]:
    """Find curated installations called ``phrase`` (with or without the base noun)."""
    forms = (f"{phrase} {noun}", phrase, f"{phrase} Air Base", f"{phrase} Naval Base",
             f"{phrase} military base")
    for form in forms:
        found = res.knowledge.match_alias(form)
        if found:
            return found
    return res.knowledge.by_place.get(normalize_name(phrase), ())


def _leading_phrase(text: str) -> str | None:
    match = p.CAPITALISED_PHRASE.match(text)
    if not match or normalize_name(match.group(0).split()[0]) in p.NOT_PLACE_WORDS:
        return None
    return re.sub(r"['’]s$", "", match.group(0).rstrip(".,"))


def _locate(text: str, noun: re.Match[str], doc: Doc, res: Resources
            ) -> tuple[Place, str, tuple[Installation, ...]] | None:
    after = p.LOCATIVE.match(text[noun.end():])
    if after and after.group("prep"):
        rest = text[noun.end() + after.end():]
        found = resolve_phrase(rest, res, doc.context)
        if found:
            return found[0], found[1], ()
        phrase = _leading_phrase(rest)
        named = kb_named(phrase, noun.group(0), res) if phrase else ()
        if phrase and named:
            return kb_place(named[0]), phrase, named
    name = _name_before(text, noun.start(), res)
    if name:
        named = kb_named(name, noun.group(0), res)
        place = res.resolver.resolve(name, doc.context)
        if named:
            return place or kb_place(named[0]), name, named
        if place:
            return place, name, ()
    return None


def _operator(doc: Doc, index: int, noun_start: int, host: str | None) -> str | None:
    refs = doc.refs[index]
    text = doc.sentences[index].text
    for named in refs:
        if p.OPERATOR_PHRASE.search(text[:named.start]) and named.iso3 != host:
            return named.iso3
    close = [r for r in refs if r.end <= noun_start and noun_start - r.end <= 45
             and r.iso3 != host and "," not in text[r.end:noun_start]]
    if close:
        return close[-1].iso3
    ref: CountryRef | None = nearest_foreign(refs, noun_start, host)
    for back in (1, 2):
        if ref is None and index - back >= 0:
            ref = nearest_foreign(doc.refs[index - back], 10**6, host)
    return ref.iso3 if ref else article_foreign(doc, host)


def link_installation(place: Place, phrase: str, kind: str, operator: str | None,
                      named: tuple[Installation, ...], res: Resources) -> Installation | None:
    """Find the curated installation a located base phrase refers to, if any."""
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
        place, operator = kb_place(item), item.operator
    host = place.country
    if operator is None or operator == host or place.precision == "country":
        return None
    kind = item.type if item else guess_type(noun_text)
    status = guess_status(sentence.text) or (item.status if item else "active")
    name = item.name if item else f"{noun_text.strip().capitalize()}, {place.name}"
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
        if p.NON_MILITARY_BASE.search(window) or (noun.group(0).lower() in ("base", "bases")
                                                  and not military):
            continue
        located = _locate(text, noun, doc, res)
        if located is None:
            continue
        place, phrase, named = located
        operator = _operator(doc, index, noun.start(), place.country)
        kind = guess_type(noun.group(0))
        if place.precision == "country":
            item = sole_installation(operator, place.country, kind, res)
        else:
            item = link_installation(place, phrase, kind, operator, named, res)
        mention = _mention(doc, index, place, noun.group(0), operator, item)
        if mention:
            mentions.append(mention)
    mentions.extend(_named_installations(doc, index, res, military))
    return mentions


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
        operator = _operator(doc, index, match.start(), items[0].host)
        chosen = next((i for i in items if i.operator == operator), items[0])
        mention = _mention(doc, index, kb_place(chosen), match.group(0), chosen.operator, chosen)
        if mention:
            found.append(replace(mention, operator=chosen.operator))
    return found
