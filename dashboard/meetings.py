"""Meeting mentions: leaders meeting, visiting or holding talks at a named place."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from dashboard import patterns as p
from dashboard.context import Doc, Resources, locate_phrase, resolve_phrase
from dashboard.dates import has_date_cue, resolve_event_date
from dashboard.knowledge import distance_km, place_of
from dashboard.models import Mention, Place
from dashboard.textnorm import normalize_name

_VISITED_BY = re.compile(r"\s+by\s+(?:[\w-]+\s+){0,3}?(?:vessels?|ships?|warships?|"
                         r"aircraft|submarines?|delegations?|officials?|ministers?|troops|"
                         r"students|tourists|investors|lawmakers)\b")
_MOVE_TRIGGER = re.compile(r"(?i)visit|trip|travel|flew|flown|arriv")
#: "flew home to Bangui after the talks", "left for Samarkand after the ceremony"
_DEPARTURE = re.compile(r"(?i)\b(?:home|back|left|departed|leaving|leaves|returned|returning)\s*$")
#: A trip's other legs: where it began or ends is not where this meeting is.
_TRIP_LEG = re.compile(r"(?i)\b(?:began|begun|begins|started|starts|opened|ended|ends|wrapped\s+up|"
                       r"concluded|will\s+(?:end|conclude|begin|start))\s+(?:his|her|their|the|a)\s+"
                       r"(?:[\w-]+\s+){0,2}$")
#: A leader's onward travel, no one else named: the legs ahead are not meetings yet.
_ITINERARY = re.compile(
    r"(?i)\b(?:leaves|leaving|left|departs|departed|(?:flies|flew|flown|flying|travel(?:l)?ing|"
    r"travel(?:l)?ed|heads|headed|moves|moved)\s+on)\s+"
    r"(?:(?-i:[A-Z])[\w-]+\s+)?(?:(?:today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)|"
    r"on\s+\w+day)\s+)?(?:for|to)\s+(?-i:[A-Z])")
_SENTENCE_LEAD = re.compile(r"^(?:In|At)\s+(?:the\s+)?(?=[A-Z])")
_NOUN_TRIGGER = re.compile(
    r"(?i)^(?:summit|talks|meeting|conference|visit|trip|ceremony|bilateral|sidelines?)")
_WHERE = re.compile(r"\b(?:in|to|for|at|from)\s+(?:the\s+)?(?=[A-ZÀ-ÖØ-ÞĀ-ſ])")
_MEETING_PRECISIONS = ("site", "settlement", "region")  # regions only as islands, above
_FORMER = re.compile(r"(?i)\b(?:former|ex-)\s*(?:[a-z]+\s+){0,2}$")
_DECISION = re.compile(r"(?i)agreed|announced|alongside")
_MET = re.compile(r"(?i)\b(?:met|meet|meets|meeting|talks|discussed|conference|summit)\b")
_PLURAL_LEADERS = re.compile(r"(?i)\b(?:leaders|presidents|premiers|heads\s+of\s+(?:state|"
                             # "the two Qatari leaders"
                             r"government)|the\s+two\s+(?:(?-i:[A-Z])[\w-]+\s+)?(?:leaders|"
                             r"presidents|men|women|sides)|both\s+leaders)\b")
#: "he" after "where" is the travelling leader's own errand ("where he attended a gala").
_PRONOUN_SUBJECT = re.compile(r"(?<!where\s)\b(?:he|she|the\s+two|both\s+men|the\s+pair|"
                              # "The prime minister held talks with ...": the story's leader
                              r"the\s+(?:prime\s+minister|president|chancellor|premier)"
                              r"(?![’'\w]|\s+(?:of\b|(?-i:[A-Z]))))\b", re.IGNORECASE)
_FOR_MEETING = re.compile(r"[^.;]{0,40}?\bfor\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
                          r"(?:visit|talks|meeting|summit)\b")
_AUXILIARY = re.compile(r"\b(?:has|have|had|is|was|are|were|said|says|will|would)\b")
_STATE_VISIT = re.compile(r"(?i)\b(?:state|official)\s+visit\b")
_MET_VERB = re.compile(r"(?i)\b(?:met|meets|meet|held\s+talks|hosted|hosts|welcomed\s+by|"
                       # "Kagame received Mozambique's Daniel Chapo"
                       r"(?:received|receives|welcomed|welcomes)\s+(?:(?-i:[A-Z])[\w-]+['’]s\s+)?"
                       r"(?=(?-i:[A-Z]))|"
                       r"received\s+by|(?:the\s+)?guest\s+of)\b")
_OFFICIALS = re.compile(r"(?i)\b(?:(?<!prime\s)ministers?|secretar(?:y|ies)|envoys?|ambassadors?|"
                        r"generals?|commanders?|chiefs?\s+of|spokes\w+|governors?|"
                        # "his first official visit" is a leader's, not an official's
                        r"officials?(?!\s+(?:visit|trip|talks|ceremony|welcome|residence))|"
                        r"mayors?|admirals?|delegations?|executives|investors|entrepreneurs|"
                        r"business\s+leaders|students|lawmakers|senators)\b")


def leader_count(doc: Doc, index: int) -> int:
    """Count the heads of state or government a sentence names (plural words count two)."""
    text = doc.sentences[index].text
    if _PLURAL_LEADERS.search(text):
        return 2
    titles = [m for m in p.LEADER_TITLE.finditer(text) if m.group(0) != "Prime"
              and not _FORMER.search(text[:m.start()])]
    count = len(titles)
    for ref in doc.refs[index]:
        if ref.kind == "leader" and not any(0 <= ref.start - m.end() <= 40 for m in titles) \
                and not _FORMER.search(text[:ref.start]):
            count += 1
    if count == 1 and _PRONOUN_SUBJECT.search(text) and not _OFFICIALS.search(text):
        count += 1
    return count


def _official_subject(text: str) -> bool:
    """Tell whether an official, not a leader, is the one meeting (before the verb)."""
    trigger = p.MEETING_TRIGGER.search(text)
    head = text[:trigger.start()] if trigger else text
    # searched in the whole text, so that "official" sees the "visit" after it
    official = next((m for m in _OFFICIALS.finditer(text) if m.start() < len(head)), None)
    return official is not None and not p.LEADER_TITLE.search(head)


def _has_leaders(doc: Doc, index: int) -> bool:
    """Tell whether a sentence puts two heads of state or government together."""
    text = doc.sentences[index].text
    if _official_subject(text):
        return False
    count = leader_count(doc, index)
    if count >= 2:
        return True
    # One leader named, meeting someone: small countries' leaders are not all in our table.
    return count == 1 and not _OFFICIALS.search(text) and bool(
        _STATE_VISIT.search(text) or _MET_VERB.search(text) or _SEAT_VISIT.search(text))


def _article_leader_countries(doc: Doc, upto: int) -> list[str]:
    counts: Counter[str] = Counter()
    for index in range(len(doc.sentences)):
        text = doc.sentences[index].text
        for ref in doc.refs[index]:
            titled = re.search(p.LEADER_TITLE.pattern + r"\W*$", text[:ref.start][-40:])
            if ref.kind == "leader" or titled or re.match(
                    r"\s*(?:President|Prime Minister|leader|Premier)", text[ref.end:]):
                counts[ref.iso3] += 2 if index <= upto else 1
    return [iso for iso, _ in counts.most_common(2)]


def _is_leader_name(doc: Doc, index: int, offset: int) -> bool:
    return any(r.start <= offset < r.end and r.kind in ("leader", "demonym")
               for r in doc.refs[index])


def _place_after(trigger: re.Match[str], doc: Doc, index: int, res: Resources
                 ) -> tuple[Place, int] | None:
    text = doc.sentences[index].text
    if trigger.group(0).lower().startswith("visit") and _VISITED_BY.match(text, trigger.end()):
        return None  # "visits by Chinese research vessels to the port of Hambantota"
    noun = bool(_NOUN_TRIGGER.match(trigger.group(0)))
    direct = re.match(r"\s+(?:the\s+)?(?=[A-Z])", text[trigger.end():]) \
        if trigger.group(0).lower() in ("visited", "visits", "visiting", "visit") else None
    if direct:
        # "visited the White House on 15 April": the place is the object
        found = locate_phrase(text[trigger.end() + direct.end():], "", res, doc.context)
        if found and found[0] is not None and found[0].precision in ("site", "settlement"):
            return found[0], trigger.end() + direct.end()
    window = text[trigger.end():trigger.end() + (90 if noun else 110)]
    for located in p.MEETING_PLACE_AFTER.finditer(window):
        prep = located.group("prep")
        island = "island" in located.group(0)
        welcomed_to = prep == "to" and trigger.group(0).lower() in ("welcomed", "welcomes")
        if prep in ("to", "for") and not welcomed_to and (
                not _MOVE_TRIGGER.match(trigger.group(0))
                or _DEPARTURE.search(window[:located.start()])):
            continue  # "welcomed Trump to Huis ten Bosch" is met there; "talks to Kyiv" not
        island = island or bool(re.match(r"\S+(?:\s+\S+)?\s+[Ii]sland\b",
                                         window[located.end():]))
        if prep == "on" and not island:
            continue
        offset = trigger.end() + located.end()
        if _is_leader_name(doc, index, offset):
            continue
        if _AUXILIARY.search(window[:located.start()]):
            return None
        venue = _named_venue(text, offset, res, doc, index)
        if venue:
            return venue, offset
        if _VENUE_OF.match(text, offset):
            continue  # "the Palace of Independence" is not in Independence, Missouri
        found = locate_phrase(text[offset:], "", res, doc.context)
        named_for = _NAMED_FOR.match(text, offset) if not found else None
        town = resolve_phrase(text[named_for.end():], res, doc.context) if named_for else None
        if town and town[0].precision == "settlement":
            return town[0], offset  # "at the Andreas Papandreou air base outside Paphos"
        if found and found[0] is not None and not found[0].exact \
                and found[0].precision == "settlement" \
                and re.search(r"\bthe\s+$", located.group(0)):
            continue  # "at the Istana": a venue is named as itself, not by another's alias
        if found:
            place, _, named = found
            chosen = place or place_of(named[0])
            if chosen.kind == "installation" and _DECISION.match(trigger.group(0)):
                continue  # "the two leaders agreed to upgrade cooperation at Camp Simba"
            if chosen.precision == "region" and not (island or chosen.kind == "island"):
                continue
            return chosen, offset
    return None


_AND_THEN = re.compile(r"\band\s+(?:then\s+|later\s+|also\s+)?$")
_WAS_IN = re.compile(r"\b(?:was|were)\s+in\s+[A-Z][^.;]{0,50}$")  # "was in Paris ... to sign"
#: A base or venue named after a person, then its town
_NAMED_FOR = re.compile(r"(?:[A-Z][\w'’.-]+\s+){1,3}(?i:air\s+base|airbase|airport|base|"
                        r"naval\s+base)\s+(?:outside|near|in|at)\s+(?=[A-Z])")


def _place_before(trigger: re.Match[str], doc: Doc, index: int, res: Resources
                  ) -> tuple[Place, int] | None:
    """The place of the same subject's earlier verb: "boarded Air Force One at Al Udeid
    Air Base on Saturday and spent an hour with Trump"."""
    text = doc.sentences[index].text
    if not _AND_THEN.search(text, 0, trigger.start()) and not (
            trigger.group(0).startswith("to ") and _WAS_IN.search(text, 0, trigger.start())):
        return None
    clause = max(text.rfind(mark, 0, trigger.start())
                 for mark in (";", ":", "—", ", who", ", which"))
    start = max(clause + 1, 0)
    places = [found for found in p.MEETING_PLACE_AFTER.finditer(text, start, trigger.start())
              if found.group("prep") in ("in", "at", "inside")]
    for located in reversed(places):
        if _is_leader_name(doc, index, located.end()):
            continue
        venue = _named_venue(text, located.end(), res, doc, index)
        if venue:
            return venue, located.end()
        found = locate_phrase(text[located.end():trigger.start()], "", res, doc.context)
        if found and found[0] is not None and found[0].precision in ("site", "settlement"):
            return found[0], located.end()
    return None


def _candidate_places(doc: Doc, index: int, res: Resources, look_back: bool = True
                      ) -> list[tuple[Place, int]]:
    text = doc.sentences[index].text
    found: list[tuple[Place, int, bool]] = []
    lead = _SENTENCE_LEAD.match(text)
    if lead:
        resolved = resolve_phrase(text[lead.end():], res, doc.context)
        if resolved and resolved[0].precision != "region":
            found.append((resolved[0], lead.end(), False))
    for trigger in p.MEETING_TRIGGER.finditer(text):
        if _TRIP_LEG.search(text[:trigger.start()]) and not re.match(
                r"[^.;]{0,60}?,\s+where\b", text[trigger.end():]):
            continue  # "Díaz-Canel, who began his trip in St Petersburg, told Putin"
        located = _place_after(trigger, doc, index, res) or _place_before(trigger, doc, index, res)
        if located:
            between = text[trigger.end():located[1]]
            to_base = bool(_MOVE_TRIGGER.match(trigger.group(0)) or "stop" in trigger.group(0))
            found.append((located[0], located[1], to_base and bool(p.BASE_NOUN.search(between))))
        if _NOUN_TRIGGER.match(trigger.group(0)):
            before = re.search(r"(?:the\s+)([A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)\s+$",
                               text[:trigger.start()])
            if before:
                resolved = resolve_phrase(before.group(1), res, doc.context)
                if resolved and resolved[1] == before.group(1) and resolved[0].precision in (
                        "site", "settlement"):
                    found.append((resolved[0], before.start(1), False))
    for lead_in in _WHERE.finditer(text):
        phrase = p.CAPITALISED_PHRASE.match(text, lead_in.end())
        if not phrase:
            continue
        where = re.match(r"[^.;]{0,40}?,\s+where\b", text[phrase.end():])
        if where and lead_in.group(0).startswith("from") and not _MET_VERB.search(
                text, phrase.end() + where.end()):
            continue  # "flew to Pyongyang from Yakutsk, where he had visited": the origin
        if where and re.search(r"\b(?:to|in|at|for|from)\s+[A-Z]", where.group(0)):
            continue  # "from Chennai to Kathmandu, where": the later place is meant
        if where and p.MEETING_TRIGGER.search(text, phrase.end() + where.end()):
            resolved = resolve_phrase(text[lead_in.end():], res, doc.context)
            if resolved and resolved[0].precision in ("site", "settlement"):
                found.append((resolved[0], lead_in.end(), False))
    for lead_in in _WHERE.finditer(text):
        # "Xi flies on to Dushanbe on Friday for a state visit and talks with Rahmon"
        phrase = p.CAPITALISED_PHRASE.match(text, lead_in.end())
        if phrase and _FOR_MEETING.match(text, phrase.end()):
            resolved = resolve_phrase(text[lead_in.end():], res, doc.context)
            if resolved and resolved[0].precision in ("site", "settlement"):
                found.append((resolved[0], lead_in.end(), False))
    if not found and re.search(r"\bthere\b", text):
        # "Putin flies to Astana on Wednesday and will attend the summit there"
        for lead_in in _WHERE.finditer(text):
            resolved = resolve_phrase(text[lead_in.end():], res, doc.context)
            if resolved and resolved[0].precision in ("site", "settlement"):
                found.append((resolved[0], lead_in.end(), False))
                break
    def placed() -> bool:
        # "on his first visit to Bulgaria" places no meeting: the venue fallbacks still run
        return any(pl.precision != "country" for pl, _, _ in found)

    if not placed():
        found.extend((place, at, False) for place, at in _venue_in_place(text, res, doc))
    if not placed():
        found.extend((place, 0, False) for place in _dateline_for_venue(text, res, doc))
    if not placed() and look_back:
        found.extend((place, at, False) for place, at in _unnamed_venue(doc, index, res))
    venues = {at for place, at, _ in found if place.kind == "venue"}
    # "at the Palacio de las Garzas": the venue, not a town called Palacio
    found = [(pl, at, visit) for pl, at, visit in found if pl.kind == "venue" or at not in venues]
    # "In Budapest, Xi sat down with Orban at the Carmelite Monastery": the venue is the site
    towns = {pl.name.rsplit(", ", 1)[1] for pl, _, _ in found
             if pl.kind == "venue" and ", " in pl.name}
    found = [(pl, at, visit) for pl, at, visit in found
             if pl.kind == "venue" or pl.name not in towns]
    plain = [(pl, at) for pl, at, base_visit in found if not base_visit]
    visits = [(pl, at) for pl, at, base_visit in found if base_visit]
    chosen = plain or (visits if _MET.search(text) else [])
    sites = [pl for pl, _ in chosen if pl.precision == "site"]
    if sites:
        # "flew to Florida ... and spent the day with Trump at Mar-a-Lago": the venue, not a
        # region nor a far town of the same name
        chosen = [(pl, at) for pl, at in chosen if pl.precision == "site" or not any(
            v.country == pl.country and distance_km(pl.lat, pl.lon, v.lat, v.lon) > 100
            for v in sites)]
    return [(place, at) for place, at in (_city_not_country(pl, at, res) for pl, at in chosen)
            if place.precision in _MEETING_PRECISIONS and place.country]


_DATELINE = re.compile(r"^(?:\*\*)?(?P<city>[A-Z][A-Z .'’-]{2,30}?)(?:,[^—–]{0,30})?(?:\*\*)?"
                       r"\s+[—–-]+\s")
_VENUE = re.compile(r"\b(?:at|in|inside)\s+the\s+(?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,3}")


_VENUE_WITHIN = re.compile(r"\b(?:at|in|inside|on)\s+(?:the\s+)?[A-Z][\w'’-]+"
                           r"(?:\s+[A-Z][\w'’-]+){0,3}")
#: The seat of a head of state or government: visiting it is meeting its host.
_SEAT_VISIT = re.compile(
    r"\b(?:visit(?:ed|s|ing)?|arrived\s+at|received\s+at|welcomed\s+at|hosted\s+at)\s+(?:the\s+)?"
    r"(?:White\s+House|Kremlin|Élysée|Elysee|Downing\s+Street|Zhongnanhai|Great\s+Hall\s+of\s+the\s+"
    r"People|Blue\s+House|Kantei|Rashtrapati\s+Bhavan|Akorda|Casa\s+Rosada|Palácio\s+do\s+Planalto|"
    r"Malacañang|Istana|Quirinal)\b")


#: Seats of government: where a story names no town, one is in the host's capital.
_SEAT_WORDS = (r"Palace|Residence|Palacio|Palais|Palazzo|Palácio|Chancellery|"
               r"Council\s+of\s+Ministers|Parliament\s+House")
_VENUE_HEAD = (rf"(?:{_SEAT_WORDS}|Hall|Hotel|House|Castle|Villa|Pavilion|Centre|Center|"
               r"Complex|Kremlin|Schloss|Lodge|Resort|Manor|"
               r"Château|Chateau|Mansion|Forum|Auditorium|Dacha|Estate|Guesthouse|"
               r"Guest\s+House|Museum|Gallery|Library|Cathedral|Monastery|Abbey|Village|"
               r"Theatre|Theater|Opera|Stadium|Haus)")
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+"
_NAMED_VENUE = re.compile(
    rf"(?:(?P<owner>{_NAME_WORD})['’]s\s+)?(?P<venue>(?:Hotel|Palacio|Palais|Palazzo|Palácio|"
    rf"Schloss|Villa|Château|Castle|Fort)\s+(?:(?:de|du|des|di|del)\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}|"
    rf"(?:{_NAME_WORD}\s+(?:(?:and|&)\s+)?){{0,4}}{_VENUE_HEAD}"
    rf"(?:\s+(?:of|de|del|des|du|di|dos|das)\s+(?:the\s+|la\s+|los\s+|las\s+)?{_NAME_WORD}"
    rf"(?:\s+{_NAME_WORD}){{0,2}})?|(?:{_NAME_WORD}\s+){{1,3}}(?:presidential|state|official|"
    rf"royal)\s+(?:residence|palace|compound|guesthouse))(?![\w-])"
    rf"(?:,?\s+(?:in|of)\s+(?:the\s+)?(?=[A-ZÀ-ÖØ-ÞĀ-ſ]))?")


_APPOSED_TOWN = re.compile(r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,5}?(?:above|near|outside|"
                           r"overlooking|in|of|on\s+the\s+edge\s+of)\s+(?=[A-ZÀ-ÖØ-ÞĀ-ſ])")
_VENUE_OF = re.compile(rf"(?:{_NAME_WORD}\s+){{0,3}}{_VENUE_HEAD}\s+of\s+")


def _named_venue(text: str, at: int, res: Resources, doc: Doc, index: int) -> Place | None:
    """A venue nobody curated, at the town it is in: "the Palace of Independence in Astana".

    The point is the town's, so the precision stays the town's; the site keeps the venue's
    name, one marker per venue. A venue the gazetteer knows is left to it.
    """
    named = _NAMED_VENUE.match(text, at)
    if not named:
        return None
    known = res.resolver.resolve(named.group("venue"), doc.context)
    if known and known.precision == "site":
        return None
    if named.group("owner"):
        town = resolve_phrase(named.group("owner"), res, doc.context)
    elif named.end() > named.end("venue"):
        town = resolve_phrase(text[named.end():], res, doc.context)
    elif apposed := _APPOSED_TOWN.match(text, named.end()):
        # "the Fort du Cap Brun, the hilltop fort above Toulon"
        town = resolve_phrase(text[apposed.end():], res, doc.context)
    else:
        own = _venue_town(named.group("venue"), res, doc)
        if own:
            return _venue_at(named.group("venue"), own, "the town in its name")
        day = _town_of_the_day(doc, index, res, at)
        if day:
            return _venue_at(named.group("venue"), day, "the day's town")
        # a seat of government, not a lodge or a resort, is in the capital
        seat = _SEAT_HEAD.search(named.group("venue"))
        capital = _host_capital(doc, index, res, at) if seat else None
        return _venue_at(named.group("venue"), capital, "the host's capital") if capital \
            else None
    if not town or town[0].precision != "settlement":
        return None
    return _venue_at(named.group("venue"), town[0], "its town")


def _venue_town(venue: str, res: Resources, doc: Doc) -> Place | None:
    """The town a venue is named after, in a country of the story: "the Baabda Palace"."""
    words = venue.split()
    if len(words) < 2 or not re.fullmatch(_VENUE_HEAD, words[-1]) \
            or words[0].lower() in _VENUE_ADJECTIVES:
        return None
    name = " ".join(words[:-1])
    town = res.resolver.resolve(name, doc.context)
    if town and town.precision == "settlement" and town.exact \
            and normalize_name(town.name) == normalize_name(name) \
            and doc.context.get(town.country or "", 0) > 0:
        return town
    return None


#: Words that open a venue's name without naming its town ("the Royal Palace").
_VENUE_ADJECTIVES = frozenset("""royal presidential imperial grand great winter summer national
state government peace old new central official""".split())


_SEAT_HEAD = re.compile(rf"\b(?:{_SEAT_WORDS})\b")
_HOSTING = re.compile(r"(?i)\b(?:received|receives|hosted|hosts|welcomed|welcomes)\b")


def _host_capital(doc: Doc, index: int, res: Resources, at: int) -> Place | None:
    """The host's capital, for a palace no town of the story places.

    "Modi held talks with the Amir of Kuwait at the Bayan Palace": the leader met is the
    host; "Kagame received Chapo at ..." makes the subject the host.
    """
    text = doc.sentences[index].text
    refs = [r for r in doc.refs[index] if r.start < at]
    subject = next((r.iso3 for r in refs if r.kind == "leader"), None)
    if subject is None:
        return None
    hosting = _HOSTING.search(text[:at])
    passive = hosting and re.search(r"\b(?:was|were|been|being|is|are)\s+\w*\s*$",
                                    text[:hosting.start()])
    # "Kagame received Chapo": the subject hosts; "Leo was received by Aoun": the other does
    leaders = {r.iso3 for r in doc.refs[index] if r.kind == "leader"}
    # "on Wong's first official visit to Australia": the country visited hosts
    visited = next((r.iso3 for r in doc.refs[index] if r.kind == "name" and r.iso3 in leaders
                    and re.search(r"\bvisit(?:s|ing)?\s+(?:to\s+)?$", text[:r.start])), None)
    host = visited or (subject if hosting and not passive else next(
        (r.iso3 for r in refs if r.iso3 != subject), None))
    name = res.countries.capital(host)
    found = res.resolver.resolve(name, {host: 10.0}) if name and host else None
    return found if found and found.country == host and found.precision == "settlement" \
        else None


def _venue_at(venue: str, town: Place, how: str) -> Place:
    """A venue's own marker at its town's point, with the town's precision."""
    name = re.sub(r"\s+", " ", venue)
    name = name[:1].upper() + name[1:]
    return Place(key=f"venue:{normalize_name(name).replace(' ', '-')}:{town.key}",
                 name=f"{name}, {town.name}", lat=town.lat, lon=town.lon, country=town.country,
                 kind="venue", precision="settlement", geocoder=f"{town.geocoder} ({how})")


def _town_of_the_day(doc: Doc, index: int, res: Resources, at: int) -> Place | None:
    """The town a sentence's unplaced venue is in: its dateline's, or the last meeting's."""
    text = doc.sentences[index].text
    before = list(re.finditer(r"\b(?i:in|at)\s+(?=[A-ZÀ-ÖØ-ÞĀ-ſ])", text[:at]))
    if before:
        # "began the trip in Hanoi, where he met To Lam at the Presidential Palace"
        found = resolve_phrase(text[before[-1].end():at], res, doc.context)
        if found and found[0].precision == "settlement" and found[0].kind != "venue":
            return found[0]
    own = p.DATELINE.match(text)
    if own:
        city = own.group("city")
        found = resolve_phrase(city.title() if city.isupper() else city, res, doc.context)
        if found and found[0].precision == "settlement":
            return found[0]
    for j in range(index - 1, max(-1, index - 4), -1):
        if not p.MEETING_TRIGGER.search(doc.sentences[j].text):
            continue
        for place, _ in _candidate_places(doc, j, res, look_back=False):
            town: Place | None = place
            if place.kind == "venue" and ", " in place.name:
                town = res.resolver.resolve(place.name.rsplit(", ", 1)[1], doc.context)
            if town is not None and town.precision == "settlement" and town.kind != "venue":
                return town
    return _filed_from(doc, res)


_BYLINE_IN = re.compile(r"\bBy\s+[A-Z][\w.'’-]+(?:\s+(?:and\s+)?[A-Z][\w.'’-]+){0,5}\s+in\s+"
                        r"(?P<city>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


def _filed_from(doc: Doc, res: Resources) -> Place | None:
    """The city a story is filed from: "By Helen Achterberg in Apia", or its dateline."""
    byline = _BYLINE_IN.search(doc.article.text[:1500])
    cities = [byline.group("city")] if byline else []
    cities += [d.group("city") for s in doc.sentences[:12]
               if (d := _DATELINE.match(s.text) or p.DATELINE.match(s.text))]
    for city in cities:
        found = resolve_phrase(city.title() if city.isupper() else city, res, doc.context)
        if found and found[0].precision == "settlement":
            return found[0]
    return None


def _venue_in_place(text: str, res: Resources, doc: Doc) -> list[tuple[Place, int]]:
    """Place a meeting at a venue we cannot find by what the venue is in.

    "at the Presidential Complex in Ankara", "in the State Dining Room of the White House".
    """
    for venue in _VENUE_WITHIN.finditer(text):
        within = re.match(r"\s+(?:in|of)\s+(?:the\s+)?(?=[A-ZÀ-ÖØ-ÞĀ-ſ])", text[venue.end():])
        if not within or (within.group(0).split()[0] == "of" and re.search(
                rf"\b{_VENUE_HEAD}$", venue.group(0))):
            continue  # "the Palace of Independence" is a name, not a room of a palace
        at = venue.end() + within.end()
        found = resolve_phrase(text[at:], res, doc.context)
        if found and found[0].precision in ("site", "settlement"):
            return [(found[0], at)]
    return []


_UNNAMED_VENUE = re.compile(
    r"(?i)\b(?:at|in|inside)\s+(?:the|his|her|their)\s+(?P<venue>(?:(?:communist\s+)?party|"
    r"presidential|president's|prime\s+minister's|official|state|royal|government|leader's)\s+"
    r"(?:headquarters|palace|residence|compound|offices?|guest\s?house|dacha))\b")


_UNNAMED_HOTEL = re.compile(r"(?i)\b(?:at|in)\s+(?:the|his|her|their)\s+hotel\b")


def _unnamed_venue(doc: Doc, index: int, res: Resources) -> list[tuple[Place, int]]:
    """Place "met Trong at the party headquarters" in the town of the day.

    An unnamed hotel is no place of its own: "met at the hotel where Xi was staying" is
    the town's marker.
    """
    text = doc.sentences[index].text
    hotel = _UNNAMED_HOTEL.search(text)
    if hotel:
        # "at the hotel where the Chinese leader was staying in Lima"
        after = re.search(r"\bin\s+(?=[A-ZÀ-ÖØ-ÞĀ-ſ])", text[hotel.end():hotel.end() + 80])
        found = resolve_phrase(text[hotel.end() + after.end():], res, doc.context) \
            if after else None
        town = found[0] if found and found[0].precision == "settlement" \
            else _town_of_the_day(doc, index, res, hotel.start())
        return [(town, hotel.start())] if town else []
    venue = _UNNAMED_VENUE.search(text)
    town = _town_of_the_day(doc, index, res, venue.start()) if venue else None
    if venue is None or town is None:
        return []
    return [(_venue_at(venue.group("venue"), town, "the day's town"), venue.start("venue"))]


def _dateline_for_venue(text: str, res: Resources, doc: Doc) -> list[Place]:
    """Place a meeting at a venue we cannot find in the dateline's city.

    "SINGAPORE — Macron and Wong held talks at the Istana on Friday": the palace is in the
    city the story is filed from.
    """
    dateline = _DATELINE.match(text)
    if not dateline or not _VENUE.search(text, dateline.end()):
        return []
    found = resolve_phrase(dateline.group("city").title().strip(), res, doc.context)
    if not found or found[0].precision not in ("settlement", "country"):
        return []
    return [found[0]]


def _city_not_country(place: Place, at: int, res: Resources) -> tuple[Place, int]:
    """Prefer the city over the country of the same name (Djibouti, Kuwait, Singapore)."""
    if place.precision != "country":
        return place, at
    same = [c for c in res.resolver.candidates(place.name)
            if c.country == place.country and c.precision == "settlement"
            and normalize_name(c.name) == normalize_name(place.name)]
    return (max(same, key=lambda c: c.population), at) if same else (place, at)


def _established_meeting(doc: Doc, index: int) -> bool:
    """Tell whether an earlier sentence already reported two leaders meeting."""
    return any(p.MEETING_TRIGGER.search(doc.sentences[j].text) and leader_count(doc, j) >= 2
               for j in range(index))


def _meeting_date(doc: Doc, index: int) -> date | None:
    """Date a meeting sentence; one that does not say when goes on with the story's last.

    "They held talks on Thursday. The two leaders then met at the palace." is Thursday.
    """
    text = doc.sentences[index].text
    if not has_date_cue(text):
        for j in range(index - 1, max(-1, index - 3), -1):
            earlier = doc.sentences[j].text
            if p.MEETING_TRIGGER.search(earlier) and has_date_cue(earlier):
                return resolve_event_date(earlier, doc.article.published)
    return resolve_event_date(text, doc.article.published)


def find_meetings(doc: Doc, index: int, res: Resources) -> list[Mention]:
    """Find meeting sites named in a sentence that reports leaders meeting."""
    sentence = doc.sentences[index]
    if not p.MEETING_TRIGGER.search(sentence.text) or p.NOT_A_MEETING.search(sentence.text):
        return []
    if p.PRESS_ONLY.search(sentence.text) and not _MET_VERB.search(sentence.text):
        return []
    if leader_count(doc, index) < 2 and (p.MET_NON_LEADERS.search(sentence.text) or (
            _ITINERARY.search(sentence.text) and not _MET_VERB.search(sentence.text))):
        return []  # "Biden leaves Lima today for Manaus, before travelling on to Rio"
    leader_countries = _article_leader_countries(doc, index)
    if not _has_leaders(doc, index):
        # "the upcoming Thursday meeting in Bishkek": leaders named elsewhere in the story.
        text = sentence.text
        plural = bool(re.search(r"(?i)\b(?:they|the\s+two|both)\b", text))
        # "arrived from Bangkok, where he attended the BIMSTEC summit, and travels to ...":
        # the summit of the aside is not this sentence's meeting
        main = re.sub(r",\s+where\b[^,;]*[,;]", ",", text)
        if (len(leader_countries) < 2 or not _MET.search(main) or _OFFICIALS.search(text)
                or any(r.kind == "official" for r in doc.refs[index])
                or not (plural or _established_meeting(doc, index))):
            return []
    places = _candidate_places(doc, index, res)
    if not places:
        return []
    here = [r.iso3 for r in doc.refs[index]]
    when = _meeting_date(doc, index)
    mentions = []
    for place, _ in places:
        participants = list(dict.fromkeys(here))
        if len(participants) < 2:
            participants = list(dict.fromkeys([*participants, *leader_countries]))
        countries = tuple(dict.fromkeys([*participants, *([place.country] if place.country
                                                            else [])]))
        mentions.append(Mention(kind="meeting_site", name=place.name, quote=sentence.text,
                                start=sentence.start, end=sentence.end, place=place,
                                host=place.country, countries=countries, date=when,
                                status=None))
    return mentions
