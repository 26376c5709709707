"""Place names extraction saw beside a base or meeting phrase but could not put on the map.

A sentence that talks about a base or a leaders' meeting and gave no mention is looked at
again: a capitalised name after ``in``/``at``/``near`` that no gazetteer knows is listed, and
a base phrase placed only in a country is listed as a phrase without a place. Analysts see
them on the review page and can add the mention by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dashboard import patterns as p
from dashboard.context import Resources
from dashboard.models import Article, Mention, UnresolvedPlace
from dashboard.sentences import Sentence, split_sentences
from dashboard.textnorm import normalize_name

NOT_IN_GAZETTEER = "not in the gazetteer"
NO_PLACE = "no place below country level"
_BEFORE_NAME = re.compile(
    r"\b(?:in|at|near|outside|to)\s+(?:the\s+)?(?:(?:town|city|village|port|island|region|"
    r"province|district|area|oblast)\s+of\s+)?(?=[A-ZÀ-ÖØ-Þ])")


def _is_cue(sentence: Sentence, article: Article, res: Resources) -> bool:
    """Tell whether a sentence talks about a base or a leaders' meeting."""
    text = sentence.text
    if p.MILITARY_CONTEXT.search(text) and _strong_base(text):
        return True
    return bool(p.MEETING_TRIGGER.search(text) and res.leaders.find(text, article.published))


def _strong_base(text: str) -> re.Match[str] | None:
    """Find a base phrase that is more than a bare word (``air base``, not ``troops``)."""
    for noun in p.BASE_NOUN.finditer(text):
        if re.search(r"[\s-]", noun.group(0)) or noun.group(0).lower() in ("airbase", "airfield",
                                                                            "garrison"):
            return noun
    return None


def _names(text: str) -> Iterable[tuple[int, int, str]]:
    for before in _BEFORE_NAME.finditer(text):
        phrase = p.CAPITALISED_PHRASE.match(text, before.end())
        if not phrase:
            continue
        parts = re.split(r"([ \t]+)", phrase.group(0))
        words = parts[::2]
        # "Zzyzx Lodge on Monday": a connector before a weekday or month ends the name.
        cut = next((i for i in range(1, len(words) - 1) if words[i].islower()
                    and normalize_name(words[i + 1]) in p.NOT_PLACE_WORDS), len(words))
        name = re.sub(r"['’]s$", "", "".join(parts[:2 * cut - 1])).rstrip(",.")
        key = normalize_name(name)
        if key and key.split()[0] not in p.NOT_PLACE_WORDS:
            yield before.end(), before.end() + len(name), name


def _lookup(name: str, res: Resources) -> str | None:
    """Say what the longest known start of a name is: ``country``, ``place`` or None."""
    words = name.split()
    for size in range(len(words), 0, -1):
        prefix = " ".join(words[:size]).rstrip(",.")
        if res.countries.lookup(prefix):
            return "country"
        if res.resolver.candidates(prefix):
            return "place"
    return None


def _is_headline(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def _sentence_places(sentence: Sentence, res: Resources) -> list[UnresolvedPlace]:
    found: list[UnresolvedPlace] = []
    known = set()
    for start, end, name in _names(sentence.text):
        kind = _lookup(name, res)
        known.add(kind)
        if kind is None:
            found.append(UnresolvedPlace(name, sentence.start + start, sentence.start + end,
                                         NOT_IN_GAZETTEER, sentence.start, sentence.end,
                                         sentence.text))
    base = _strong_base(sentence.text)
    # "a support base in Djibouti": the base was dropped because only a country places it.
    if known == {"country"} and base and p.MILITARY_CONTEXT.search(sentence.text):
        found.append(UnresolvedPlace(base.group(0), sentence.start + base.start(),
                                     sentence.start + base.end(), NO_PLACE, sentence.start,
                                     sentence.end, sentence.text))
    return found


def find_unresolved(article: Article, found: Iterable[Mention], res: Resources
                    ) -> list[UnresolvedPlace]:
    """List the place names of cue sentences that gave no mention and could not be placed."""
    spans = [(m.start, m.end) for m in found]
    unresolved: list[UnresolvedPlace] = []
    for sentence in split_sentences(article.text):
        if any(sentence.start <= s < sentence.end for s, _ in spans):
            continue
        if _is_cue(sentence, article, res) and not _is_headline(sentence.text):
            unresolved.extend(_sentence_places(sentence, res))
    return unresolved
