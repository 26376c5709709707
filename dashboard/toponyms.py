"""General toponym mode: every place mention in a text, with offsets and coordinates.

Candidates are capitalised phrases; each is resolved against the gazetteer in the context
of the countries the text names, then re-ranked so that places cluster near the text's
unambiguous places (``Alexandria`` in a Louisiana story is Alexandria, Louisiana).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from dashboard import patterns as p
from dashboard.context import Resources
from dashboard.geocode import score_place
from dashboard.knowledge import distance_km
from dashboard.models import Place
from dashboard.textnorm import normalize_name

_PERSON_CUE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Judge|Justice|President|Minister|"
    r"Secretary|Mayor|Chief|Officer|Deputy|Sheriff|Coach|Pastor|Rev|St|Saint|Prince|Princess|"
    r"King|Queen|Lord|Lady|Sir|Dame|Professor|Prof|Detective|Attorney)\.?\s+)$")
_SPEECH_AFTER = re.compile(r"^\s*(?:said|says|told|added|asked|wrote|explained|noted)\b")
_COORDINATION_BONUS_KM = 400.0
_LOCAL_TOWN_KM = 100.0
_LEADING_WORDS = frozenset({"the", "a", "an", "in", "at", "from", "to", "on", "of", "and",
                            "but", "for", "by", "with", "as", "if", "when", "while", "after",
                            "before", "since", "near", "outside", "inside"})
#: Words after a place name that make an organisation named after it (``Toronto Police``).
_ORGANISATION_WORDS = frozenset("""police services service board council university college
airport transit commission times post herald tribune news daily city county department
government fc united club school hospital church bank court museum zoo stadium station harbour
port bridge company corporation group institute authority ministry army
navy regional international district state republic metro chamber public utilities utility
environmental fire sheriff emergency water health electric parks area metropolitan community
housing planning transport courthouse hall library center centre memorial general medical
high middle elementary township municipal mayor officials residents chamber rotary director
arts historical society veterans project visitors convention bureau association foundation
league festival theatre theater symphony orchestra market mall plaza""".split())
#: Words after a name that make it a street's name (``Grand Avenue``), not the town's.
_STREET_WORDS = frozenset("""street road rd avenue ave boulevard blvd drive lane parkway
pike""".split())
#: Capitalised words that gazetteers know as small towns but news means otherwise.
_NOT_TOPONYMS = frozenset("""christmas easter thanksgiving halloween hanukkah ramadan eid
passover lent advent pentecost""".split())
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                         "western", "central", "northeast", "northwest", "southeast",
                         "southwest", "northeastern", "northwestern", "southeastern",
                         "southwestern", "upstate", "downtown"})


@dataclass(frozen=True)
class Toponym:
    """A place mention: the exact span, the text, and the place it was resolved to."""

    start: int
    end: int
    text: str
    place: Place


def _candidates(text: str, res: Resources) -> list[tuple[int, int, str, list[Place]]]:
    found = []
    person_words: set[str] = set()
    for match in p.CAPITALISED_PHRASE.finditer(text):
        words = match.group(0).rstrip(".").split()
        begin = match.start()
        while len(words) > 1 and (normalize_name(words[0]) in _LEADING_WORDS or (
                normalize_name(words[0]) in _DIRECTIONS
                and not res.resolver.candidates(" ".join(words[:2])))):
            # "The Charleston council", "North Texas": the article or direction goes
            begin = text.index(words[1], begin + len(words[0]))
            words = words[1:]
        hit = _first_place(words, begin, text, res, person_words)
        if hit is None and "of" in words[1:-1]:
            # "Midwest Restoration of Paris", "the City of Paris": the place after "of"
            tail = len(words) - 1 - words[::-1].index("of")
            cursor = begin
            for word in words[:tail + 1]:
                cursor = text.index(word, cursor) + len(word)
            hit = _first_place(words[tail + 1:], text.index(words[tail + 1], cursor), text,
                               res, person_words)
        if hit is None and len(words) >= 2 and _written_lowercase(words[0], text):
            # "Another Gainesville business" (and "another" elsewhere): an ordinary word
            hit = _first_place(words[1:], text.index(words[1], begin + len(words[0])), text,
                               res, person_words)
        if hit is not None:
            found.append(hit)
        elif len(words) >= 2:
            person_words.update(_person_words(words))
    return found


def _person_words(words: list[str]) -> set[str]:
    """Return the words of a phrase that named no place and may name a person.

    After ``Jordan Smith``, a later ``Jordan`` alone is that person. Longer phrases and
    those with an office or organisation word (``Dublin City Manager``) are not names.
    """
    keys = [normalize_name(w) for w in words]
    if len(keys) > 3 or any(k in _ORGANISATION_WORDS for k in keys):
        return set()
    return set(keys)


def _written_lowercase(word: str, text: str) -> bool:
    """Tell whether the text also writes ``word`` in lower case: an ordinary word (``All``)."""
    return bool(re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text))


def _first_place(words: list[str], begin: int, text: str, res: Resources,
                 person_words: set[str]) -> tuple[int, int, str, list[Place]] | None:
    """Return the longest leading run of ``words`` that names a place, if any."""
    for size in range(len(words), 0, -1):
        phrase = re.sub(r"['’]s$", "", " ".join(words[:size])).rstrip(",.")
        key = normalize_name(phrase)
        if not key:
            return None
        places = res.resolver.candidates(phrase)
        if key.split()[0] in p.NOT_PLACE_WORDS and not (size > 1 and places):
            if size > 1:
                continue  # "West Virginia Council": try "West Virginia"
            return None  # "West Virginia" is a place; "West" alone, or "Monday", is not
        # "Gainesville’s VFW Post"; "in Oxford. A spate of ..." ends the sentence
        closed = bool(re.search(r"['’]s$|[.,;:]$", words[size - 1])) and \
            not re.fullmatch(r"(?:[A-Z][a-z]?\.)+", words[size - 1])
        if (size < len(words) and words[size][:1].isupper() and key not in p.NOT_PLACE_WORDS
                and not closed
                and normalize_name(words[size]) not in _ORGANISATION_WORDS
                and not any(q.precision in ("region", "country") and q.exact for q in places)):
            continue
        if size < len(words) and normalize_name(words[size].rstrip(".,")) in _STREET_WORDS \
                and key.split()[-1] not in ("county", "parish"):
            return None  # "Grand Avenue", "Paris Road": a street, not the town
        if key in _NOT_TOPONYMS:
            return None
        if places and not _is_person(text, begin, phrase, person_words, places) \
                and not _is_demonym(phrase, res):
            end = begin + len(phrase)
            if "." in phrase and text[end:end + 1] == ".":
                phrase, end = phrase + ".", end + 1  # an abbreviation keeps its last dot
            return begin, end, phrase, places
    return None


def _is_demonym(phrase: str, res: Resources) -> bool:
    refs = res.countries.find(phrase)
    return any(r.kind == "demonym" and r.end - r.start >= len(phrase) - 2 for r in refs)


def _is_person(text: str, start: int, phrase: str, person_words: set[str],
               places: list[Place]) -> bool:
    if _PERSON_CUE.search(text[max(0, start - 20):start]):
        return True
    if " " not in phrase and normalize_name(phrase) in person_words:
        return True
    rest = text[start + len(phrase):]
    # "Moscow said" is the state speaking; "Henry said" is a person.
    small = max((q.population for q in places), default=0) < 500_000
    return bool(_SPEECH_AFTER.match(rest)) and " " not in phrase and small


_US_LOCAL_CUES = re.compile(
    r"\b(?:Sheriff|County|Parish|Township|Gov\.|Sen\.|Rep\.|State\s+Police|Interstate|"
    r"I-\d+|Highway\s+\d+|U\.S\.\s+\d+|Republicans?|Democrats?|GOP|[A-Z][a-z]+\.,\s+[A-Z][a-z]+\.)")


def _context(text: str, res: Resources) -> dict[str, float]:
    counts = Counter(r.iso3 for r in res.countries.find(text))
    context = {iso: 0.5 + 0.5 * min(1.0, n / 3) for iso, n in counts.items()}
    if len(_US_LOCAL_CUES.findall(text)) >= 2:
        # County sheriffs, parishes and state senators: a US local story.
        context["USA"] = max(context.get("USA", 0.0), 0.75)
    return context


def _best(places: list[Place], context: Mapping[str, float], anchors: list[Place],
          qualifier: Place | None = None) -> Place:
    def score(place: Place) -> float:
        # the closer and the more of the text's unambiguous places, the stronger the pull
        pull = {a.key: max(0.0, 1.0 - distance_km(place.lat, place.lon, a.lat, a.lon)
                           / _COORDINATION_BONUS_KM) for a in anchors if a.key != place.key}
        near = sum(pull.values())
        bonus = min(4.0, 2.0 * near ** 0.5)
        if qualifier is not None and place.country == qualifier.country and distance_km(
                place.lat, place.lon, qualifier.lat, qualifier.lon) < 600:
            bonus += 4.0  # "Charleston, W.Va.": the region that follows names the one meant
        if place.exact:  # a name spelled as written beats an alternate name of a bigger town
            bonus += 1.0
        return score_place(place, context) + bonus
    return max(places, key=score)


def format_compact(toponyms: list[Toponym]) -> str:
    """Write one document's toponyms in the compact benchmark format."""
    return "||".join(
        f"{t.place.name},,{t.text},,{t.place.lat},,{t.place.lon},,{t.start},,{t.end}"
        for t in toponyms)


def as_record(t: Toponym) -> dict[str, object]:
    """Describe a toponym as a JSON-ready dict with provenance."""
    return {"mention": t.text, "start": t.start, "end": t.end, "name": t.place.name,
            "lat": t.place.lat, "lon": t.place.lon, "country": t.place.country,
            "kind": t.place.kind, "precision": t.place.precision, "geocoder": t.place.geocoder}


def _country_toponyms(text: str, res: Resources) -> list[Toponym]:
    found = []
    for ref in res.countries.find(text):
        if ref.kind not in ("name", "demonym"):
            continue
        if _PERSON_CUE.search(text[max(0, ref.start - 20):ref.start]):
            continue
        point = res.countries.point(ref.iso3)
        if point is None:
            continue
        mention = re.sub(r"(?:['’]s|-\w+)$", "", ref.text)
        place = Place(key=f"country:{ref.iso3}", name=res.countries.label(ref.iso3),
                      lat=point[0], lon=point[1], country=ref.iso3, kind="country",
                      precision="country")
        found.append(Toponym(ref.start, ref.start + len(mention), mention, place))
    return found


def _is_common_word(phrase: str, text: str, start: int, places: list[Place]) -> bool:
    """Tell capitalised ordinary words (``All``, ``Police``) from place names."""
    if " " in phrase:
        return False
    if _written_lowercase(phrase, text):
        return True
    if phrase.isupper() and len(phrase) <= 4:
        return True
    spelled = len(phrase) >= 5 or "." in phrase
    exact = [q for q in places if q.exact or q.population >= 200_000
             or (spelled and q.precision in ("region", "country"))]
    if not exact:
        return True
    sentence_start = start == 0 or bool(re.search(r"[.!?\n][\"'”’)]*\s*$", text[:start]))
    return sentence_start and max(q.population for q in exact) < 50_000


def find_toponyms(text: str, res: Resources) -> list[Toponym]:
    """Find and resolve every place mention in ``text``."""
    context = _context(text, res)
    found = [c for c in _candidates(text, res) if not _is_common_word(c[2], text, c[0], c[3])]
    countries = [t for t in _country_toponyms(text, res)
                 if not any(c[0] <= t.start and t.end <= c[1] and c[1] - c[0] > t.end - t.start
                            for c in found)]
    taken = [(t.start, t.end) for t in countries]
    candidates = [c for c in found if not any(s < c[1] and c[0] < e for s, e in taken)]
    first = [_best(places, context, []) for *_, places in candidates]
    anchors = [place for place, (*_, places) in zip(first, candidates, strict=True)
               if len({q.key for q in places}) == 1 or place.precision in ("country", "region")]
    for place in anchors:
        if place.country:
            context[place.country] = max(context.get(place.country, 0.0), 0.75)
    by_start = {c[0]: (c, place) for c, place in zip(candidates, first, strict=True)}
    resolved = []
    for start, end, phrase, places in candidates:
        after = re.match(r",\s*", text[end:])
        follower = by_start.get(end + after.end()) if after else None
        qualifier = follower[1] if follower and follower[1].precision in ("region",
                                                                           "country") else None
        resolved.append(Toponym(start, end, phrase, _best(places, context, anchors, qualifier)))
    return sorted([*_local_countries(countries, resolved, res), *resolved],
                  key=lambda t: t.start)


def _local_countries(countries: list[Toponym], resolved: list[Toponym], res: Resources
                     ) -> list[Toponym]:
    """Read ``Georgia`` as the US state in a story set among US towns, not the country."""
    home = Counter(t.place.country for t in resolved if t.place.precision == "settlement")
    if not home:
        return countries
    main, count = home.most_common(1)[0]
    if count < 2:
        return countries
    towns = [t.place for t in resolved if t.place.precision == "settlement"
             and t.place.country == main]
    swapped = []
    for toponym in countries:
        options = [q for q in res.resolver.candidates(toponym.text) if q.country == main]
        same = [q for q in options if q.precision == "region" and q.exact]
        # "Palestine" among East Texas towns is Palestine, Texas
        near = [q for q in options if q.precision == "settlement" and any(
            distance_km(q.lat, q.lon, t.lat, t.lon) < _LOCAL_TOWN_KM for t in towns)]
        local = same or near
        swapped.append(Toponym(toponym.start, toponym.end, toponym.text, local[0])
                       if local and toponym.place.country != main else toponym)
    return swapped
