"""Who operates an installation a sentence names: the phrase's owner first, then context."""

from __future__ import annotations

import re

from dashboard import patterns as p
from dashboard.context import Doc, article_foreign, nearest_foreign
from dashboard.countries import CountryRef

_SERVICES = p.AIR_FORCE_HOMES
_SERVICE_PREFIX = re.compile(r"(" + "|".join(_SERVICES) + r")\s")
_LEASED_TO = re.compile(r"(?i)\b(?:leases?|leased|leasing|rents?|rented|renting)\b[^.;]{0,60}"
                        r"\bto\s+(?:the\s+)?$")
_LOCATIVE_LEAD = re.compile(r"(?i)\b(?:in|at|on|from|across|inside|near)\s+(?:the\s+)?"
                            r"(?:[a-z][a-z-]+\s+)?$")  # "In central Libya, ..."
_HOSTING = re.compile(r"\s+(?:also\s+|still\s+|now\s+)?(?:hosts|hosted|has\s+hosted|houses|"
                      r"is\s+(?:also\s+)?home\s+to|was\s+home\s+to)\b", re.IGNORECASE)
_SERVICE_NAME = re.compile(r"(?i)\b(?:navy|army|air\s+force|marines|RAF|military)\b")
_RELATIVE = re.compile(r"(?i)\b(?:where|which|whose)\b(?![^,;]*\bagainst\b)")
_AIRCRAFT_AFTER = re.compile(r"\s+(?:[A-Z][\w]*-\d+\w*|Gripens?|Rafales?|Typhoons?|Mirages?|"
                             r"Tornados?|Hornets?)\b")
_OWN = re.compile(r"(?:['’]s)?\s+own\b")
_SUPPORT_SUFFIX = re.compile(r"-(?:backed|funded|built|trained|made|allied|friendly|leaning)$")
_MILITARY_AFTER = re.compile(
    r"\s+(?:military|armed\s+forces|forces|troops|soldiers|army|navy|air\s+force|marines|"
    r"personnel|contingent|jets|aircraft|warships|drones|special\s+forces|frigates?|"
    r"destroyers?|ships|vessels|submarines?|fighters|bombers|helicopters|sailors|airmen|"
    r"instructors|advisers|peacekeepers)\b", re.IGNORECASE)


def hosts_own(doc: Doc, index: int, position: int, host: str | None) -> bool:
    """Tell whether the sentence gives the host its own forces before ``position``."""
    text = doc.sentences[index].text
    return any(r.iso3 == host and r.end <= position and _OWN.match(text[r.end:])
               for r in doc.refs[index])


def hosts_forces(doc: Doc, index: int, position: int, host: str | None) -> bool:
    """Tell whether the host's own forces or aircraft come before ``position``."""
    text = doc.sentences[index].text
    return any(r.iso3 == host and r.end <= position and (
        _MILITARY_AFTER.match(text[r.end:]) or _AIRCRAFT_AFTER.match(text[r.end:]))
        for r in doc.refs[index])


_ATTACKED = re.compile(r"(?i)\b(?:fired|fires|launched|launches|struck|strikes|attacked|attacks|"
                       r"targeted|targets|hit|hits|shelled|bombed|raided)\b")


def find_operator(doc: Doc, index: int, noun_start: int, host: str | None
                  ) -> tuple[str | None, bool]:
    """Name who operates the installation: the phrase's own owner first, then context.

    ``the Bundeswehr's training grounds`` in Germany is German, hence domestic (None back
    from the caller); a foreign country elsewhere in the sentence counts only when it is
    tied to troops or forces, or when the sentence names no other country at all.
    """
    refs = doc.refs[index]
    text = doc.sentences[index].text
    if hosts_own(doc, index, noun_start, host):
        return None, True  # "Georgia's own armed forces train at the Vaziani base"
    for named in refs:
        if p.OPERATOR_PHRASE.search(text[:named.start]) and named.iso3 != host:
            return named.iso3, True
    refs = [r for r in refs if not _SUPPORT_SUFFIX.search(r.text)]
    inside = [r for r in refs if r.start == noun_start and r.iso3 != host]
    if inside:
        return inside[0].iso3, True  # "RAF Gan"
    service = _SERVICE_PREFIX.match(text[noun_start:])
    if service and _SERVICES[service.group(1)] != host and not any(
            r.end <= noun_start and r.iso3 not in (host, _SERVICES[service.group(1)])
            for r in refs):
        return _SERVICES[service.group(1)], True  # "In Cyprus, RAF Akrotiri has been..."
    leased = [r for r in refs if r.iso3 != host and _LEASED_TO.search(text[:r.start])]
    if leased:
        return leased[0].iso3, True  # "Kazakhstan leases ranges to Russia"
    close = [r for r in refs if r.end <= noun_start and noun_start - r.end <= 45
             and not re.search(r"[,;:]|\b(?:and|with|to|from|for|against)\b",
                               text[r.end:noun_start])
             and not (r.iso3 == host and _HOSTING.match(text[r.end:]))
             and not _ATTACKED.search(text, r.end, noun_start)]
    military = [r for r in refs if r.iso3 != host and (_MILITARY_AFTER.match(text[r.end:])
                                                       or _SERVICE_NAME.search(r.text))]
    # "Romania expands the air base, where 1,700 US soldiers are deployed": the guests run it
    guests = [r for r in military if r.start > noun_start
              and _RELATIVE.search(text[noun_start:r.start])]
    subject = next((r for r in refs if not _LOCATIVE_LEAD.search(text[:r.start])), None)
    if subject and _ATTACKED.search(text, subject.end, noun_start):
        subject = None  # "Iran fired missiles at Al Udeid Air Base": the attacker runs nothing
    if close:
        if close[-1].iso3 == host and subject and subject.iso3 != host \
                and subject.start <= 30 and subject.end <= close[-1].start:
            return subject.iso3, True  # "Turkey trains Somali army units at Camp TURKSOM"
        return (guests[0] if close[-1].iso3 == host and guests else close[-1]).iso3, True
    before = [r for r in military if r.end <= noun_start]
    if before:
        return min(before, key=lambda r: noun_start - r.end).iso3, True
    if subject and subject.start <= 30 and subject.end <= noun_start and not (
            subject.iso3 == host and _HOSTING.match(text[subject.end:])):
        # The sentence's subject: "Italy leads the command from Camp Villaggio Italia";
        # "Riyadh fights from King Khalid Air Base" (the host itself) is domestic, unless
        # foreign troops are named too ("..., where 1,700 US soldiers are deployed").
        if subject.iso3 != host:
            return subject.iso3, True
        return (guests[0].iso3, True) if guests else (None, True)
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
