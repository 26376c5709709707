"""Installation mention records: type, status and the record itself from a located phrase."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from dashboard import patterns as p
from dashboard.context import Doc
from dashboard.knowledge import place_of
from dashboard.models import Installation, Mention, Place

_TYPE_WORDS = (("naval", "naval"), ("navy", "naval"), ("port", "naval"), ("harbo", "naval"),
               ("submarine", "naval"), ("air", "air"), ("fighter", "air"), ("radar", "radar"),
               ("logistic", "logistics"), ("training", "training"), ("space", "space"),
               ("missile", "missile"), ("signal", "signals"), ("listening", "signals"),
               ("communication", "signals"), ("army", "army"), ("garrison", "army"))

#: "withdrawn its ageing F-15C/D fighters from Kadena": aircraft leave, the base stays
_EQUIPMENT_AFTER = re.compile(
    r"\s+(?:(?:its|their|the|some|all|[\w-]+)\s+){0,3}(?:fighters|jets|aircraft|bombers|"
    r"squadrons?|drones|helicopters|warships|ships|frigates|missiles|systems|F-\d+\S*)\b",
    re.IGNORECASE)


def guess_type(noun: str) -> str:
    """Guess an installation type from the words that name it."""
    lowered = noun.lower()
    return next((kind for word, kind in _TYPE_WORDS if word in lowered), "other")


def guess_status(text: str) -> str | None:
    """Read planned or closed from the sentence; None when it does not say."""
    closing = p.CLOSED_CUES.search(text)
    if closing and not _EQUIPMENT_AFTER.match(text[closing.end():]):
        return "closed"
    if p.PLANNED_CUES.search(text):
        return "planned"
    return None


def status_on(item: Installation, day: dt.date | None) -> str:
    """Return a curated installation's status on a day.

    A base closed later was open then; one opened later was still planned.
    """
    opened, closed = item.opened.strip(), item.closed.strip()
    dated = r"\d{4}(?:-\d{2}){0,2}"
    if day is not None and re.fullmatch(dated, opened) and day.isoformat()[:len(opened)] < opened:
        return "planned"
    if item.status != "closed" or day is None or not re.fullmatch(dated, closed):
        return item.status
    return "active" if day.isoformat()[:len(closed)] < closed else item.status


def installation_mention(doc: Doc, index: int, place: Place, noun_text: str,
                         operator: str | None, item: Installation | None) -> Mention | None:
    """Build the mention of a located base phrase, or None when it is not foreign."""
    sentence = doc.sentences[index]
    if item is not None:
        place, operator = place_of(item), item.operator
    host = place.country
    if operator is None or host is None or operator == host or place.precision == "country":
        return None
    kind = item.type if item else guess_type(noun_text)
    status = guess_status(sentence.text) or (status_on(item, doc.article.published)
                                             if item else "active")
    where = place.name
    if item is None and place.key.startswith("kb:"):
        # Another country's curated base marks the spot: name the spot, not that base.
        where = place.name.split("(")[0].strip()
        place = replace(place, key=f"at-{place.key}", name=where)
    label = "Deployment" if noun_text.lower() in p.PRESENCE_VERBS else noun_text.strip()
    if not p.PROPER_BASE.match(label):
        label = label.capitalize()  # "Air base, Mihail Kogălniceanu", but "Camp Able Sentry"
    name = item.name if item else f"{label}, {where}"
    return Mention(kind="installation", name=name, quote=sentence.text, start=sentence.start,
                   end=sentence.end, place=place, operator=operator, host=host,
                   countries=tuple(dict.fromkeys(c for c in (operator, host) if c)),
                   date=doc.article.published, status=status, installation_type=kind,
                   installation_id=item.id if item else None)
