"""Installation mentions: a base phrase tied to a place, with operator and host."""

from __future__ import annotations

import re
from dataclasses import replace

from dashboard import patterns as p
from dashboard.context import Doc, Resources, article_ranking, locate_phrase, resolve_phrase
from dashboard.knowledge import distance_km, place_of
from dashboard.models import Installation, Mention, Place
from dashboard.named import find_named_installations, speculated_after
from dashboard.operators import find_operator, hosts_forces
from dashboard.records import guess_type, installation_mention
from dashboard.textnorm import normalize_name

_NEAR_KM = {"site": 25.0, "settlement": 35.0, "region": 200.0}
_PRECISION_RANK = {"site": 0, "settlement": 1, "region": 2, "country": 3}


def _name_before(text: str, noun_start: int, res: Resources) -> str | None:
    # "the Sary-Shagan anti-ballistic missile range": skip a hyphenated modifier
    modifier = re.search(r"\s(?:[a-z]+-[a-z]+\s+){1,2}$", text[:noun_start])
    if modifier:
        noun_start = modifier.start() + 1
    match = re.search(r"((?:(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]*|(?:al|el|ad|as)-[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]*|"
                      r"al|de|du|el|bin|ibn)\s+){1,5})$", text[:noun_start])
    if not match or re.search(r"\d+(?:st|nd|rd|th)\s+$", text[:match.start()]):
        return None  # "the 4th Guards military base" is a unit's number, not a place
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


def _hyphen_head(name: str, res: Resources, doc: Doc) -> Place | None:
    """The town a hyphenated base name starts with: "Évreux-Fauville air base" is at Évreux."""
    head = re.fullmatch(r"([A-ZÀ-ÖØ-ÞĀ-ſ][\w'’]{3,})-[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+", name)
    if not head:
        return None
    town = res.resolver.resolve(head.group(1), doc.context)
    return town if town and town.precision == "settlement" and town.exact else None


_MILITARY_SUBJECT = re.compile(
    r"(?i)\b(?:troops|soldiers|forces|personnel|units?|squadron|aircraft|jets|fighters|drones|"
    r"contingent|battalion|brigade|regiment|division|battlegroup|group|operation|command|fleet|"
    r"navy|army|marines|warships|submarines|bombers|helicopters|garrison|mission|base|"
    r"element|detachment|team|squadrons?|Bundeswehr|Luftwaffe|legion|legionnaires|crews|"
    r"pilots|airmen|sailors|instructors|advisers|trainers|peacekeepers|"
    r"\w*(?:bataillon|battalion|regiment|brigade|geschwader))\b")


_MOVED_BEFORE = re.compile(r"(?i)\b(?:deployed|sent|moved|flown|rotated|redeployed|relocated)$")
_MOVED_TO = re.compile(r"(?i)\s+(?:(?:since|in|last|this|from)\s+\w+(?:\s+\d{4})?\s+)?to\s+"
                       r"(?:the\s+)?(?=[A-ZÀ-ÖØ-ÞĀ-ſ])")


#: A preposition that points away from its place: "north of", "East of Suez".
_DIRECTION = re.compile(r"(?i)(?:north|south|east|west)\S*\s+of$")


_HELD_FROM = re.compile(r",\s+(?:who|which)\s+(?:hold|holds|held|run|runs|ran|command|commands|"
                        r"operate|operates|patrol|patrols|man|mans)\s+[^,.;]{0,50}?\b(?:from|in|at)"
                        r"\s+(?=[A-ZÀ-ÖØ-ÞĀ-ſ])")


def _locatives(text: str, start: int) -> list[tuple[int, bool]]:
    """Offsets of the place phrases after a base noun: ``at Doraleh in Djibouti``.

    Each comes with whether its preposition is directional (``north of``).
    """
    found = []
    cursor = start
    moved = _MOVED_TO.match(text, start) if _MOVED_BEFORE.search(text[:start]) else None
    if moved:
        found.append((moved.end(), False))  # "deployed since December to Rzeszów-Jasionka"
        rest = p.CAPITALISED_PHRASE.match(text[moved.end():])
        cursor = moved.end() + (rest.end() if rest else 0)
    held = _HELD_FROM.match(text, start)
    if held:
        found.append((held.end(), False))  # "Kenyan troops, who hold the sector from Kismayo"
    of = re.match(r"\s+of\s+(?=[A-ZÀ-ÖØ-ÞĀ-ſ])", text[start:])
    last = text[:start].split()[-1:] or [""]
    if of and p.BASE_NOUN.fullmatch(last[0]):
        found.append((start + of.end(), False))  # "the army aviation base of Le Cannet-des-Maures"
    listed = re.match(r":\s+(?=[A-ZÀ-ÖØ-ÞĀ-ſ])", text[start:])
    if listed and text[:start].endswith("s"):
        found.append((start + listed.end(), False))  # "three Danish air bases: Karup, ..."
    for _ in range(3):
        after = p.LOCATIVE.match(text[cursor:])
        if not after or not after.group("prep"):
            # "..., near X", "a runway and hangars on X"
            skip = re.match(r"[^,.;]{0,30}?,\s*(?=(?:at|in|near|on)\s)|\s+and\s+(?:[a-z-]+\s+){1,2}"
                            r"(?=(?:at|in|near|on)\s)|(?:its|their|a|the)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:camp|base|barracks|garrison)\s+(?=(?:at|in|near|on|outside)\s)",
                            text[cursor:])  # "at its camp on the western edge of Nicosia"
            if not skip:
                break
            cursor += skip.end()
            continue
        found.append((cursor + after.end(), bool(_DIRECTION.search(after.group("prep")))))
        rest = p.CAPITALISED_PHRASE.match(text[cursor + after.end():])
        cursor += after.end() + (rest.end() if rest else 0)
    return found


_APPOSITIVE = re.compile(r",\s+(?:the|its)\s+(?:[\w'’-]+\s+){0,3}")
_AIRPORT_NAME = re.compile(r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:[Ii]nternational\s+)?$")
_AIRPORT_IN = re.compile(r"\s+(?:international\s+)?(?:airport|airfield|aerodrome)\s+"
                         r"(?:in|at|near|outside)\s+(?:the\s+(?:city|town|port)\s+of\s+)?",
                         re.IGNORECASE)


def _airport_town(text: str, at: int, phrase: str, place: Place | None, doc: Doc,
                  res: Resources) -> Place | None:
    """Prefer the town to the person an airport is named after ("Eloy Alfaro airport in Manta")."""
    tail = _AIRPORT_IN.match(text, at + len(phrase))
    if not tail or place is None or place.precision not in ("settlement", "region"):
        return place
    town = resolve_phrase(text[tail.end():], res, doc.context)
    if town and town[0].precision == "settlement" and distance_km(
            place.lat, place.lon, town[0].lat, town[0].lon) > 25:
        return town[0]  # a near town ("Zvartnots airport in Yerevan") adds nothing
    return place


def _adjective(name: str, before: str, res: Resources) -> bool:
    """Tell whether the name before a base noun is a country's adjective, not a base's name.

    "the former Soviet airfield at Gudauta", "the South Korean special forces contingent".
    """
    if res.countries.lookup(name):
        return True
    word = re.search(r"([\w'’-]+)\s+$", before.rsplit(name, 1)[0])
    return bool(word and res.countries.lookup(f"{word.group(1)} {name}"))


def _locate(text: str, noun: re.Match[str], doc: Doc, res: Resources
            ) -> tuple[Place, str, tuple[Installation, ...]] | None:
    verb = noun.group(0).lower() in p.PRESENCE_VERBS
    if verb and not _MILITARY_SUBJECT.search(text[max(0, noun.start() - 80):noun.start()]):
        return None
    options: list[tuple[Place, str, tuple[Installation, ...]]] = []
    own = res.knowledge.match_alias(noun.group(0)) if noun.group(0)[:1].isupper() else ()
    station = re.match(r"(?:" + "|".join(p.AIR_FORCE_HOMES) + r")\s+(?:Base\s+)?(.+)",
                       noun.group(0))
    if station:
        home = p.AIR_FORCE_HOMES[noun.group(0).split()[0]]
        found = resolve_phrase(text[noun.start() + station.start(1):], res,
                               {**doc.context, home: 10.0})
        named = own or res.knowledge.named(station.group(1), "")
        if found and named and found[0].precision == "country":
            found = None  # "RAF Akrotiri" is the base, not the sovereign base area
        if found and found[0].country != home and not (
                named and found[0].country in {i.host for i in named}):
            found = None  # "RAF Marham in Norfolk" is not in Virginia, nor Tindal in India
        if found or named:
            options.append((found[0] if found else place_of(named[0]), station.group(1), named))
    airport = _AIRPORT_NAME.search(text[:noun.start()]) \
        if noun.group(0).lower() in ("airport", "airports") else None
    if airport and not p.BASE_NOUN.search(text, 0, noun.start()) \
            and res.resolver.resolve(airport.group(1), doc.context) is None:
        # "the checkpoint at Zvartnots international airport in Yerevan": that airport, not
        # another base near the town after it
        named = res.knowledge.named(airport.group(1), "")
        return (place_of(named[0]), airport.group(1), named) if named else None
    bare_unit = noun.group(0).lower() in p.KNOWN_ONLY
    name = None if verb or bare_unit else _name_before(text, noun.start(), res)
    if name and _adjective(name, text[:noun.start()], res):
        name = None
    if name:
        named = res.knowledge.named(name, noun.group(0))
        place = res.resolver.resolve(name, doc.context) or _hyphen_head(name, res, doc)
        if named and (place is None or place.country not in {i.host for i in named}):
            place = place_of(named[0])  # "the Volga radar near Hantsavichy" is not in Russia
        weight = doc.context.get(place.country or "", 0.0) if place else 0.0
        if place and not named and place.precision == "settlement" and (
                weight <= 0.0 or re.match(r"(?i)barracks|kasernes?", noun.group(0))
                and place.country not in {r.iso3 for r in res.countries.find(text)}):
            # "Dieppe Barracks" in Singapore is named after a battle, and "Murray Barracks"
            # in Port Moresby after a man: barracks rarely take a town's name abroad
            place = None
        if named or (place and place.precision in ("site", "settlement")):
            options.append((place or place_of(named[0]), name, named))
    apposed = _APPOSED.search(text, max(0, noun.start() - 120), noun.start()) \
        if not verb else None
    if apposed:
        located = locate_phrase(apposed.group("place"), noun.group(0), res, doc.context)
        hosts = located is not None and not located[2] and located[0] is not None and \
            located[0].country in {r.iso3 for r in res.countries.find(
                text[apposed.end("place"):noun.start()])}
        # "at Gjadër, a former Albanian air force base": the host's own, nobody's guest base
        if located and not hosts and (located[2] or (located[0] and located[0].precision
                                                   in ("site", "settlement"))):
            place, phrase, named = located
            options.append((place or place_of(named[0]), phrase, named))
    for offset in _locatives(text, noun.end()):
        after_colon = noun.end() + 1 if text[noun.end():noun.end() + 1] == ":" else noun.end()
        if p.CLAUSE_BREAK.search(text, after_colon, offset[0]):
            break  # "the logistics hub ..., while aircraft left Ali Al Salem": another clause
        located = locate_phrase(text[offset[0]:], noun.group(0), res, doc.context)
        of_place = bool(re.fullmatch(r"\s+of\s+", text[noun.end():offset[0]]))
        if located and of_place and not located[2] and (
                located[0] is None or located[0].precision not in ("site", "settlement")):
            continue  # "the headquarters of US Central Command" is nobody's base in the US
        if located:
            place, phrase, named = located
            if offset[1] and (not named or all(
                    normalize_name(i.place) == normalize_name(phrase) for i in named)):
                continue  # "south of Seoul" does not put the base in Seoul, nor at its base
            if not named:
                place = _airport_town(text, offset[0], phrase, place, doc, res)
            options.append((place or place_of(named[0]), phrase, named))
            if named or place is None or place.precision != "country":
                break
    if own and not any(o[2] for o in options):
        options.append((place_of(own[0]), noun.group(0), own))
    if not options:
        # "Kant, 20 km east of Bishkek, where Russian aircraft have been stationed"
        before = list(_WHERE_BEFORE.finditer(text[:noun.start()]))
        inverted = _INVERTED.search(text, max(0, noun.start() - 160), noun.start())
        if before or inverted:
            start = inverted.start("place") if inverted else before[-1].start("place")
            located = locate_phrase(text[start:], noun.group(0), res, doc.context)
            if located and (located[2] or (located[0] and located[0].precision
                                           in ("site", "settlement"))):
                place, phrase, named = located
                options.append((place or place_of(named[0]), phrase, named))
    lead = re.match(r"(?:In|On|At)\s+(?:the\s+)?", text)
    if lead and not verb and all(o[0].precision == "country" for o in options):
        # "On Mayun island, in the Bab el-Mandeb strait, an airstrip built by the UAE"
        located = locate_phrase(text[lead.end():], noun.group(0), res, doc.context)
        if located and located[2]:
            options.append((located[0] or place_of(located[2][0]), located[1], located[2]))
    if station:
        # a station named after its air force is at home unless the curated list says not
        options = [o for o in options if o[2] or o[0].country == home]
        if not any(o[2] for o in options):
            return None  # "RAF Coningsby": the air force at home, nobody's foreign base
    if not options:
        return None
    options = [_nearest_named(o, options) for o in options]
    ranked = sorted(options, key=lambda o: (not o[2], _PRECISION_RANK[o[0].precision]))
    return ranked[0]


def _nearest_named(option: tuple[Place, str, tuple[Installation, ...]],
                   options: list[tuple[Place, str, tuple[Installation, ...]]]
                   ) -> tuple[Place, str, tuple[Installation, ...]]:
    """Among several curated bases with one alias, keep those nearest another located place."""
    place, phrase, named = option
    others = [o[0] for o in options if o is not option and o[0].precision != "country"]
    if len(named) < 2 or not others or not place.key.startswith("kb:"):
        return option
    ordered = sorted(named, key=lambda i: min(distance_km(i.lat, i.lon, o.lat, o.lon)
                                              for o in others))
    return place_of(ordered[0]), phrase, tuple(ordered)


_MEETING_AT = re.compile(r"(?i)\b(?:meeting|met|talks|summit|meet)\b[^.;]{0,60}?\bat\s+"
                         r"(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]+\s+){0,3}$")
_LIST_AHEAD = re.compile(r"(?:\s*,\s*[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]*)*)+"
                         r",?\s+and\s")
_ARMED_NOUN = re.compile(r"(?i)\b(?:naval|navy|military|air|army|missile|torpedo|radar|"
                         r"weapons?|marine|submarine)\b")
#: "Kant, 20 km east of Bishkek, where"; "Câmpia Turzii in Transylvania, where"
_WHERE_BEFORE = re.compile(
    r"(?P<place>[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+)?)"
    r"(?:\s+(?:in|near|outside)\s+(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+)?)?"
    r"(?:,[^,]{0,40}|,\s+an?\s+[^,]{0,80})?,\s+where\b")  # "..., a town 30 km east of Gaza, where"
#: A unit or detachment at a named host's base: the guest may be in the sentences before
_HOSTS_GUEST = re.compile(r"(?i)\b(?:unit|units|squadron|detachment|contingent|battalion|"
                          r"company|team|regiment|brigade|wing|group)\b")
#: "works at Volkel, the F-35 base in North Brabant": the place the base noun stands for
_APPOSED = re.compile(
    r"\b(?:at|in|near|outside|from|to)\s+(?P<place>[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+"
    r"(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+){0,3}),\s+(?:the|a|an|its)\s+(?:[\w'’-]+\s+){0,3}$")
_INVERTED = re.compile(  # "at Djibouti-Ambouli International Airport sits Japan's only base"
    r"\b(?i:at|in|on|beside|near)\s+(?:the\s+)?(?P<place>[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+"
    r"(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+){0,4})\s+(?:sits|stands|lies|sit|stand|lie|is|are)\s+"
    r"(?:[\w'’-]+\s+){0,6}$")


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
    nearby = not candidates and bool(radius)
    if nearby:
        key = " ".join(w for w in normalize_name(phrase).split()
                       if w not in p.GENERIC_PLACE_WORDS)
        candidates = [i for i in res.knowledge.near(place.lat, place.lon, radius)
                      if place.precision != "region"
                      or key in normalize_name(" ".join((i.name, *i.aliases)))]
    if operator:
        candidates = [i for i in candidates if i.operator == operator]
    same_type = [i for i in candidates if kind in ("other", i.type)]
    # Named outright, the base is that one; found nearby, it must be of the phrase's type.
    pool = same_type or ([] if nearby else candidates)
    if not pool:
        return None
    if operator is None and nearby and not any(i.operator in likely for i in pool):
        return None  # "units based at Catterick Garrison": not Qatar's squadron nearby
    if operator is None and len({i.operator for i in pool}) > 1:
        ranked = [i for country in likely for i in pool if i.operator == country]
        if not ranked:
            return None
        pool = [i for i in pool if i.operator == ranked[0].operator]
    return min(pool, key=lambda i: distance_km(place.lat, place.lon, i.lat, i.lon))


def _may_be_called(item: Installation, noun: str) -> bool:
    """Whether a base named in the text ("Camp Monteith") can be this curated one."""
    proper = p.PROPER_BASE.fullmatch(noun)
    if proper is None:
        return True
    name = normalize_name(proper.group("name"))
    return any(name in normalize_name(n) for n in (item.name, *item.aliases))


def sole_installation(operator: str | None, host: str | None, kind: str, res: Resources
                      ) -> Installation | None:
    """Return the one curated installation an operator has in a host country, if only one."""
    if not operator or not host:
        return None
    pool = [i for i in res.knowledge.installations
            if i.operator == operator and i.host == host and i.status != "closed"
            and kind in ("other", i.type)]
    return pool[0] if len(pool) == 1 else None


def find_installations(doc: Doc, index: int, res: Resources) -> list[Mention]:
    """Find installations a sentence places somewhere below country level."""
    text = doc.sentences[index].text
    mentions: list[Mention] = []
    military = _military(doc, index)
    previous_end = -1
    spans = _named_spans(text, res)
    for noun in p.BASE_NOUN.finditer(text):
        appositive = previous_end >= 0 and noun.group(0).islower() \
            and _APPOSITIVE.fullmatch(text, previous_end, noun.start())
        previous_end = noun.end()
        if appositive:
            continue  # "Camp Arifjan, the Army's main logistics hub south of Kuwait City"
        window = text[max(0, noun.start() - 30):noun.end() + 8]
        armed = bool(_ARMED_NOUN.search(noun.group(0)))
        if (p.NON_MILITARY_BASE.search(window) and not armed) or (
                noun.group(0).lower() in p.WEAK_NOUNS and not military):
            continue
        located = _locate(text, noun, doc, res)
        if located is None:
            continue
        within = [i for start, end, items in spans
                  if start <= noun.start() and noun.end() <= end for i in items]
        inside = {i.id for i in within}
        for order, (place, phrase, named) in enumerate(
                [located, *_coordinated(text, located[1], noun, doc, res)]):
            mention = _attribute(doc, index, noun, place, phrase, named, res)
            # "Indian warships ... at Changi Naval Base": a guest at another's curated base
            guest = mention is not None and mention.installation_id is None \
                and mention.operator not in {i.operator for i in within} \
                and hosts_forces(doc, index, noun.start(), mention.operator)
            if mention and inside and not order and mention.installation_id not in inside \
                    and place.key.removeprefix("kb:") not in inside and not guest:
                continue  # "the EDCA site at Lal-lo Airport in Cagayan": that airport's province
            if mention:
                mentions.append(mention)
    mentions.extend(find_named_installations(doc, index, res, military, list(mentions)))
    if not mentions:
        mentions.extend(_sharers(doc, index, res))
    return _drop_generic_twins(mentions, {r.iso3 for r in doc.refs[index]})


_SHARES = re.compile(r"(?i)\bshar(?:es|ed|ing)\s+(?:the|that|this|its)\s+(?:air\s?)?"
                     r"(?:base|airfield|camp|facility|garrison)\s+with\s+(?:the\s+)?")


def _sharers(doc: Doc, index: int, res: Resources) -> list[Mention]:
    """Another country sharing the base the sentence before named.

    "The German detachment there shares the base with US Air Force units": the Americans'
    presence at that base.
    """
    text = doc.sentences[index].text
    shared = _SHARES.search(text)
    if shared is None or not index:
        return []
    iso = next((r.iso3 for r in doc.refs[index] if shared.end() <= r.start <= shared.end() + 4
                and r.kind in ("name", "demonym", "metonym")), None)
    earlier = [m for m in find_installations(doc, index - 1, res) if m.place.country]
    if iso is None or not earlier or iso in (earlier[-1].operator, earlier[-1].host):
        return []
    base = earlier[-1]
    item = next((i for i in res.knowledge.near(base.place.lat, base.place.lon, 5.0)
                 if i.operator == iso and i.host == base.host), None)
    mention = installation_mention(doc, index, base.place, "base", iso, item)
    return [mention] if mention else []


_CARRIED_ON = re.compile(r"(?:Its|Their|This|That|The\s+same)\s")


def _military(doc: Doc, index: int) -> bool:
    """Tell whether a sentence speaks of armed forces, or carries on one that does.

    "Its sister installation at Redzikowo" follows the sentence about the missile site.
    """
    text = doc.sentences[index].text
    if p.MILITARY_CONTEXT.search(text):
        return True
    return bool(index and _CARRIED_ON.match(text)
                and p.MILITARY_CONTEXT.search(doc.sentences[index - 1].text))


def _named_spans(text: str, res: Resources) -> list[tuple[int, int, tuple[Installation, ...]]]:
    """Return where a sentence names curated installations outright, with the ones named."""
    if res.kb_pattern is None:
        return []
    return [(m.start(), m.end(), items) for m in res.kb_pattern.finditer(text)
            if (items := res.knowledge.match_alias(m.group(0)))]


def _drop_generic_twins(mentions: list[Mention], named: set[str]) -> list[Mention]:
    """Drop "Base, Diego Garcia" where the same sentence names the curated base there.

    A twin run by another country stays, and the curated base gives way to it when the
    sentence never names the curated operator: "the Luftwaffe left Turkey's Incirlik air
    base" is Germany's presence, not the American base there. ``named`` holds the
    countries the sentence names.
    """
    def near(m: Mention, c: Mention) -> bool:
        return distance_km(m.place.lat, m.place.lon, c.place.lat, c.place.lon) \
            <= _NEAR_KM["settlement"]

    curated = [m for m in mentions if m.installation_id]
    guests = [m for m in mentions if not m.installation_id and m.operator and any(
        near(m, c) and c.operator and c.operator != m.operator for c in curated)]
    return [m for m in mentions if m in guests or (
        m.installation_id and not any(near(g, m) and m.operator not in named for g in guests))
        or not m.installation_id and (m.place.key.startswith("at-kb:")
                                      or not any(near(m, c) for c in curated))]


def _coordinated(text: str, phrase: str, noun: re.Match[str], doc: Doc, res: Resources
                 ) -> list[tuple[Place, str, tuple[Installation, ...]]]:
    """Follow a list after the first place: ``bases in Kulob, Bokhtar and Dushanbe``."""
    at = text.find(phrase, noun.end())
    if at < 0:
        return []
    cursor = at + len(phrase)
    found: list[tuple[Place, str, tuple[Installation, ...]]] = []
    while True:
        joint = re.match(r"(?:\s*\([^)]{0,40}\))?"
                         # "Karup in central Jutland, Skrydstrup in the south and Aalborg"
                         r"(?:\s+in\s+(?:the\s+)?(?:central\s+|northern\s+|southern\s+|eastern\s+|"
                         r"western\s+)?(?:north|south|east|west|centre|center|[A-Z][\w-]+))?"
                         r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:in|at)\s+)?"
                         r"(?:the\s+(?:[a-z]+\s+)?(?:city|town|port|village)\s+of\s+)?",
                         text[cursor:])
        if not joint or ("and" not in joint.group(0) and not _LIST_AHEAD.match(text[cursor:])):
            return found  # "the airport at Lal-lo, Cagayan, which ...": a province, no list
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
    operator, strong = find_operator(doc, index, noun.start(), place.country)
    if strong and operator is None:
        return None  # the host's own base
    kind = guess_type(noun.group(0))
    if strong and operator == place.country:
        # "American personnel can be stationed at three Danish air bases: Karup, ...": the
        # curated guest the sentence names, at the host's own base
        others = tuple(dict.fromkeys(r.iso3 for r in doc.refs[index] if r.iso3 != operator))
        if not others and _HOSTS_GUEST.search(doc.sentences[index].text[:noun.start()]):
            # "Its sister unit, the 701st, does the same job at Kleine Brogel, the Belgian
            # air base": the unit is the guest the sentences before named
            others = tuple(dict.fromkeys(r.iso3 for back in (1, 2) if index - back >= 0
                                         for r in doc.refs[index - back] if r.iso3 != operator))
        visitor = link_installation(place, phrase, kind, None, named, res, others)
        if visitor is not None and visitor.operator in others:
            operator = visitor.operator
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
    if item is not None and not place.key.startswith("kb:") \
            and not _may_be_called(item, noun.group(0)):
        item = None  # "Camp Monteith outside Gjilan" is not Camp Bondsteel nearby
    home = p.AIR_FORCE_HOMES.get(noun.group(0).split()[0])
    if home and (item is None or item.operator != home and not strong):
        # "RAF Lossiemouth" is the RAF's, unless a curated guest of it is named
        return None
    word = noun.group(0).lower()
    # "Dutch F-35s deployed to Rzeszów-Jasionka": another country's curated base is the spot
    guest = strong and place.key.startswith("kb:") and place.precision == "site"
    if item is None and (not strong or (word in p.PRESENCE_VERBS or word in p.KNOWN_ONLY)
                         and not guest):
        return None
    if p.DENIED_CUES.search(doc.sentences[index].text):
        return None
    if item is None and p.SPECULATION_CUES.search(doc.sentences[index].text[:noun.start()][-90:]):
        return None  # "a proposal that Russia 'could set up' a base in Berbérati"
    if speculated_after(doc.sentences[index].text, noun.end()):
        return None
    if item is None and _MEETING_AT.search(doc.sentences[index].text[:noun.start()]):
        return None  # "a meeting with Xi Jinping at Gimhae air base in Busan": the venue
    if guest and item is None:
        place = replace(place, name=phrase)  # "Jets, Incirlik", not the other country's base
    return installation_mention(doc, index, place, noun.group(0), operator, item)


