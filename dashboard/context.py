"""What extraction knows about an article: sentences, country references, resources."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from dashboard import patterns as p
from dashboard.alliances import AllianceTable
from dashboard.countries import CountryIndex, CountryRef
from dashboard.knowledge import KnowledgeBase
from dashboard.leaders import LeaderIndex
from dashboard.models import Article, Place
from dashboard.sentences import Sentence, split_sentences
from dashboard.textnorm import normalize_name


class Resolver(Protocol):
    """What extraction needs from geocoding: the best place for a name in context."""

    def resolve(self, name: str, context: Mapping[str, float]) -> Place | None: ...

    def candidates(self, name: str) -> list[Place]: ...


@dataclass(frozen=True)
class Resources:
    """Everything extraction consults, passed in rather than loaded here."""

    countries: CountryIndex
    leaders: LeaderIndex
    knowledge: KnowledgeBase
    alliances: AllianceTable
    resolver: Resolver
    kb_pattern: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Doc:
    """An article split into sentences, each with the countries it refers to."""

    article: Article
    sentences: list[Sentence]
    refs: list[list[CountryRef]]
    context: dict[str, float]


def find_country_refs(text: str, res: Resources, article: Article) -> list[CountryRef]:
    """Find countries named in text, counting a named leader as their country."""
    refs = res.countries.find(text)
    for leader in res.leaders.find(text, article.published):
        if not any(r.start < leader.end and leader.start < r.end for r in refs):
            refs.append(CountryRef(leader.start, leader.end, leader.country, "leader",
                                   leader.name))
    return sorted(refs, key=lambda r: r.start)


def prepare_doc(article: Article, res: Resources) -> Doc:
    """Split an article and weigh the countries it talks about."""
    sentences = split_sentences(article.text)
    refs = [find_country_refs(s.text, res, article) for s in sentences]
    counts = Counter(r.iso3 for rs in refs for r in rs)
    context = {iso: 0.5 + 0.5 * min(1.0, n / 3) for iso, n in counts.items()}
    return Doc(article, sentences, refs, context)


def resolve_phrase(text: str, res: Resources, context: Mapping[str, float]
                   ) -> tuple[Place, str] | None:
    """Resolve the capitalised place phrase at the start of ``text``, longest prefix first."""
    match = p.CAPITALISED_PHRASE.match(text)
    if not match:
        return None
    words = match.group(0).rstrip(".").split()
    if normalize_name(words[0]) in p.NOT_PLACE_WORDS:
        return None
    for size in range(len(words), 0, -1):
        phrase = re.sub(r"['’]s$", "", " ".join(words[:size])).rstrip(",")
        last = normalize_name(words[size - 1])
        if last in p.NOT_PLACE_WORDS or (size == 1 and last in p.GENERIC_PLACE_WORDS):
            continue
        place = res.resolver.resolve(phrase, context)
        if place is not None:
            return place, phrase
    return None


def nearest_foreign(refs: list[CountryRef], position: int, host: str | None,
                    before_only: bool = False) -> CountryRef | None:
    """Pick the country reference nearest ``position`` that is not the host."""
    candidates = [r for r in refs if r.iso3 != host and (not before_only or r.end <= position)]
    if not candidates:
        return None
    return min(candidates, key=lambda r: abs(position - r.end))


def article_foreign(doc: Doc, host: str | None) -> str | None:
    """Return the country the article names most often, other than the host."""
    counts = Counter(r.iso3 for rs in doc.refs for r in rs if r.iso3 != host)
    return counts.most_common(1)[0][0] if counts else None
