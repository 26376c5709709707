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
#: "After Chad and Côte d'Ivoire, the French presence shrinks to ...": not the subject
_ADVERBIAL_LEAD = re.compile(r"(?i)(?:after|before|like|unlike|besides|following|as\s+with|"
                             r"apart\s+from)\b[^,;]*$")
_HOSTING = re.compile(r"\s+(?:also\s+|still\s+|now\s+)?(?:hosts|hosted|has\s+hosted|houses|"
                      r"is\s+(?:also\s+)?home\s+to|was\s+home\s+to)\b", re.IGNORECASE)
_SERVICE_NAME = re.compile(r"(?i)\b(?:navy|army|air\s+force|marines|RAF|military|Bundeswehr|"
                           r"Luftwaffe|PLA|IDF|Tsahal|USAF|IRGC|Revolutionary\s+Guards|Wagner|"
                           r"Corps|Fleet|Legion|Barkhane|Self-Defen[cs]e|Defen[cs]e\s+Force)")
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


_PRONOUN_FORCES = re.compile(r"(?:Its|Their)\s+(?:own\s+)?(?:air\s+force|army|navy|military|"
                             r"armed\s+forces|forces|troops|marines)\b")


def hosts_own(doc: Doc, index: int, position: int, host: str | None) -> bool:
    """Tell whether the sentence gives the host its own forces before ``position``."""
    text = doc.sentences[index].text
    if any(r.iso3 == host and _OWN.match(text[r.end:]) and (
            r.end <= position or r.start - position <= 40
            and not re.search(r"[,;:]", text[position:r.start]))
           for r in doc.refs[index]):
        return True  # "Georgia's own forces"; "its main base on Russia's own Black Sea coast"
    # "Belarus's own forces are also being reorganised. Its air force has moved ..."
    pronoun = _PRONOUN_FORCES.match(text)
    earlier = doc.refs[index - 1] if index > 0 else []
    return bool(pronoun and position > pronoun.end() and earlier and earlier[0].iso3 == host)


def hosts_forces(doc: Doc, index: int, position: int, host: str | None) -> bool:
    """Tell whether the host's own forces or aircraft come before ``position``."""
    text = doc.sentences[index].text
    return any(r.iso3 == host and r.end <= position and (
        _MILITARY_AFTER.match(text[r.end:]) or _AIRCRAFT_AFTER.match(text[r.end:]))
        for r in doc.refs[index])


_ATTACKED = re.compile(r"(?i)\b(?:fired|fires|launched|launches|struck|strikes|attacked|attacks|"
                       r"targeted|targets|hit|hits|shelled|bombed|raided)\b")


_IN_PHRASE = re.compile(r"(?:[^,;]*,\s+)?(?i:at|in|on|from|near|inside)\s+(?:the\s+)?"
                        r"(?:[\w'’-]+\s+){0,4}")
_PEOPLE_AFTER = re.compile(
    r"(?:\s+(?:and|or)\s+[A-Z][\w-]+)?(?:\s+[\w-]+){0,2}?\s+(?:crews|pilots|troops|soldiers|"
    r"forces|personnel|units|sailors|airmen|marines|instructors|advisers|trainers|engineers|"
    r"peacekeepers|jets|aircraft|warships|helicopters|drones|squadrons?|battalions?|"
    r"contingents?|detachments?)\b")


def _fronted_subject(text: str, refs: list[CountryRef], noun_start: int, host: str | None
                     ) -> str | None:
    """The guests after a fronted place: "At Évreux air base in Normandy, German and French
    crews fly ..." is run by the Germans (the French host them)."""
    comma = text.find(",", noun_start)
    if comma < 0 or comma - noun_start > 80 or not _IN_PHRASE.fullmatch(text, 0, noun_start) \
            or re.search(r"\b(?:is|was|are|were|has|have|had|will)\b", text[noun_start:comma]):
        return None
    for ref in refs:
        if re.fullmatch(r",\s*(?:the\s+)?(?:[A-Z][\w-]+\s+and\s+)?", text[comma:ref.start]) \
                and ref.iso3 != host \
                and _PEOPLE_AFTER.match(text, ref.end):
            return ref.iso3
    return None


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
    subject = next((r for r in refs if not _LOCATIVE_LEAD.search(text[:r.start])
                    and not _ADVERBIAL_LEAD.match(text[:r.start])), None)
    if subject and _ATTACKED.search(text, subject.end, noun_start):
        subject = None  # "Iran fired missiles at Al Udeid Air Base": the attacker runs nothing
    if close:
        if close[-1].iso3 == host and subject and subject.iso3 != host \
                and subject.start <= 30 and subject.end <= close[-1].start:
            return subject.iso3, True  # "Turkey trains Somali army units at Camp TURKSOM"
        return (guests[0] if close[-1].iso3 == host and guests else close[-1]).iso3, True
    fronted = _fronted_subject(text, refs, noun_start, host)
    if fronted is not None:
        return fronted, True
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
