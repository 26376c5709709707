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
from dashboard.gloss import gloss
from dashboard.knowledge import KnowledgeBase
from dashboard.leaders import HEAD_ROLES, LeaderIndex
from dashboard.models import Article, Installation, Place
from dashboard.sentences import Sentence, split_sentences
from dashboard.textnorm import normalize_name


class Resolver(Protocol):
    """What extraction needs from geocoding: the best place for a name in context."""

    def resolve(self, name: str, context: Mapping[str, float]) -> Place | None: ...

    def candidates(self, name: str) -> list[Place]: ...  # every place called ``name``


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
            kind = "leader" if leader.role in HEAD_ROLES else "official"
            refs.append(CountryRef(leader.start, leader.end, leader.country, kind, leader.name))
    return sorted(refs, key=lambda r: r.start)


def prepare_doc(article: Article, res: Resources, glossed: bool = False) -> Doc:
    """Split an article and weigh the countries it talks about.

    ``glossed`` reads sentences in Spanish, French... through their English gloss; each keeps
    its span in the article, so a mention's quote is taken back from the article's words.
    """
    sentences = split_sentences(article.text)
    if glossed:
        sentences = [Sentence(s.start, s.end, gloss(s.text, article.language)) for s in sentences]
    refs = [find_country_refs(s.text, res, article) for s in sentences]
    counts = Counter(r.iso3 for rs in refs for r in rs)
    context = {iso: 0.5 + 0.5 * min(1.0, n / 3) for iso, n in counts.items()}
    return Doc(article, sentences, refs, context)


_COUNTRY_AFTER = re.compile(
    r"^\s*(?:,|\()\s*(?:in\s+)?(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")


def _country_after(rest: str, res: Resources) -> str | None:
    match = _COUNTRY_AFTER.match(rest)
    if not match:
        return None
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        name = re.sub(r"['’]s?$", "", " ".join(words[:size]))
        found = res.countries.lookup(name)
        if found:
            # "Kant, Kyrgyzstan" names the country; "Le Cannet-des-Maures, German Tiger
            # pilots ..." only an adjective
            named = res.resolver.resolve(name, {})
            return found if named is not None and named.precision == "country" else None
    return None


def _may_stop_before(word: str, res: Resources) -> bool:
    """Tell whether a place name may end before ``word`` (not another name's part)."""
    bare = re.sub(r"['’]s$", "", word).strip(",.;:()")
    return (not word[:1].isupper() or normalize_name(bare) in p.NOT_PLACE_WORDS
            or res.countries.lookup(bare) is not None or word.endswith((",", ";", ":")))


def _the_place(phrase: str, res: Resources, context: Mapping[str, float]
               ) -> tuple[Place, str] | None:
    """Resolve a name that begins with ``The`` only as itself (``The Hague``)."""
    place = res.resolver.resolve(phrase, context)
    if place is None or not place.exact or place.precision == "country":
        return None
    return place, phrase


def resolve_phrase(text: str, res: Resources, context: Mapping[str, float]
                   ) -> tuple[Place, str] | None:
    """Resolve the capitalised place phrase at the start of ``text``, longest prefix first.

    A shorter prefix is tried only where the name may end (``Moscow on Monday``), never
    inside a longer name (``Mina Zayed`` is not ``Mina``). ``Kant, Kyrgyzstan`` and
    ``Kant (Kyrgyzstan)`` restrict the candidates to that country.
    """
    match = p.CAPITALISED_PHRASE.match(text)
    if not match:
        return None
    words = match.group(0).rstrip(".").split()
    if normalize_name(words[0]) == "the" and len(words) > 1:
        return _the_place(" ".join(words[:2]).rstrip(",.;:"), res, context)
    if normalize_name(words[0]) in p.NOT_SITE_START:
        return None
    for size in range(len(words), 0, -1):
        if size < len(words) and (words[size] == "of" or not _may_stop_before(words[size], res)
                                  and not re.search(r"['’]s$", words[size - 1])):
            continue  # "the Horn of Africa" is not the German town of Horn
        phrase = re.sub(r"['’]s$", "", " ".join(words[:size])).rstrip(",")
        last = normalize_name(words[size - 1])
        if last in p.NOT_PLACE_WORDS or (size == 1 and last in p.GENERIC_PLACE_WORDS):
            continue
        if size == 1 and phrase.replace(".", "").isupper():
            # Acronyms are places only as countries ("US" is not the French village of Us).
            iso = res.countries.lookup(phrase)
            place = res.resolver.resolve(res.countries.label(iso), context) if iso else None
            if place is not None and place.country == iso:
                return place, phrase
            continue
        span = re.match(r"\s+".join(re.escape(w) for w in words[:size]), text)
        country = _country_after(text[span.end():], res) if span else None
        scoped = {**context, country: 10.0} if country else context
        place = res.resolver.resolve(phrase, scoped)
        if place is not None and not place.exact and place.country not in scoped \
                and place.population < 100_000:
            continue  # a foreign spelling of a small place in a country the story never names
        if place is not None and not place.exact and place.population < 5_000 \
                and place.precision == "settlement" \
                and scoped.get(place.country or "", 0.0) < 1.0:
            continue  # "the Istana" is not, by an alternate spelling, the hamlet of Easton
        if place is not None and (country is None or place.country == country
                                  or place.precision == "country"):
            return place, phrase
    return None


_ATTRIBUTIVE_HEADS = re.compile(
    r"\s+(?:think[-\s]tanks?|referendum|government|officials?|authorities|administration|"
    r"office|residents|police|embassy|court|parliament|media|newspaper|daily|agency|analysts?|"
    r"correspondents?|bureau|institute|university|stock|exchange|decision|policy|consensus|"
    r"declaration|format|process|talks\s+(?:format|process)|accords?|agreement|protocol|"
    r"negotiators?|delegation|regime|leadership|establishment|elite|team|club|based)\b",
    re.IGNORECASE)


def is_attributive(rest: str) -> bool:
    """Tell whether the words after a name make it an adjective (``a Washington think tank``)."""
    if re.match(r"['’]s\s+[A-Z]", rest):
        return False  # "Granada's Palacio de Congresos": the city holds the venue
    return bool(re.match(r"['’]s\b", rest) or _ATTRIBUTIVE_HEADS.match(rest)
                or re.match(r"-(?:based|led|backed)\b", rest))


def locate_phrase(text: str, noun: str, res: Resources, context: Mapping[str, float]
                  ) -> tuple[Place | None, str, tuple[Installation, ...]] | None:
    """Resolve a place phrase through the gazetteer and the installation knowledge base."""
    found = resolve_phrase(text, res, context)
    match = p.CAPITALISED_PHRASE.match(text)
    phrase = found[1] if found else (re.sub(r"['’]s$", "", match.group(0).rstrip(".,"))
                                     if match else "")
    if not phrase or normalize_name(phrase.split()[0]) in p.NOT_SITE_START and not found:
        return None
    span = re.match(r"\s+".join(re.escape(w) for w in phrase.split()), text)
    if span and is_attributive(text[span.end():]):
        return None
    # A country is not a word of a base's name ("Brunei" in "British Forces Brunei"), nor
    # is a demonym ("on Polish soil" is not the Irish-Polish battalion's camp)
    named = res.knowledge.named(phrase, noun, loose=not (
        found and found[0].precision == "country" or res.countries.lookup(phrase)))
    whole = match.group(0).rstrip(".,") if match else ""
    if found and not named and len(whole) > len(phrase) and not whole.endswith("'s"):
        # "Ain al-Asad" is the air base, not the Emirati city of Al Ain
        forms = (whole, f"{whole} {noun}", f"{whole} Air Base", f"{whole} Naval Base")
        longer = next((found_ for f in forms if (found_ := res.knowledge.match_alias(f))), ())
        if longer:
            return None, whole, longer
    if found is None and not named:
        return None
    return (found[0] if found else None), phrase, named


def nearest_foreign(refs: list[CountryRef], position: int, host: str | None,
                    before_only: bool = False) -> CountryRef | None:
    """Pick the country reference nearest ``position`` that is not the host."""
    candidates = [r for r in refs if r.iso3 != host and (not before_only or r.end <= position)]
    if not candidates:
        return None
    return min(candidates, key=lambda r: abs(position - r.end))


def article_ranking(doc: Doc, host: str | None) -> tuple[str, ...]:
    """Rank the countries an article names, most often first, leaving out the host."""
    counts = Counter(r.iso3 for rs in doc.refs for r in rs if r.iso3 != host)
    return tuple(country for country, _ in counts.most_common())


def article_foreign(doc: Doc, host: str | None) -> str | None:
    """Return the country the article names most often, other than the host."""
    ranking = article_ranking(doc, host)
    return ranking[0] if ranking else None
