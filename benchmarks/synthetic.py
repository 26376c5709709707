"""Write a synthetic corpus of news articles about foreign bases and leaders' meetings.

Usage: python benchmarks/synthetic.py FOLDER [--count 1000] [--seed 0]

The articles are built from the curated tables (installations, leaders, country names and
demonyms), so extraction finds real sites in them: installation sentences with operator and
host, "X met Y in Z" meetings, dates in several formats, filler paragraphs, and the noise of
real pages (site furniture, reader comments, related-article lists), plus empty files,
articles in other languages, exact duplicates and syndicated copies under other bylines.
Article ``n`` depends only on the seed and ``n``; each file is written as soon as it is made,
so a 100,000-article corpus never sits in memory.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.knowledge import read_installations  # noqa: E402  (after the path is set)
from dashboard.models import Installation  # noqa: E402
from dashboard.settings import DATA_DIR  # noqa: E402

PER_FOLDER = 1000
OUTLETS = ("Daily Courier", "Eurasia Monitor", "The Frontier Post", "Wire Service",
           "Steppe Review", "Atlantic Ledger", "Gulf Observer", "Pacific Dispatch")
ROLES = {"president": "President", "prime_minister": "Prime Minister",
         "chancellor": "Chancellor", "king": "King", "emir": "Emir"}
INSTALLATION_LINES = (
    "{demonym} troops remain stationed at {name} in {host}, officials said.",
    "The {operator} military operates {name} near {place}, in {host}.",
    "{operator} plans to expand {name}, its {type} base in {host}, the defence ministry said.",
    "Satellite images show new hangars at {name}, the {demonym} {type} base in {place}.",
    "About 2,000 {demonym} personnel serve at {name} in {place}, {host}.",
    "Officials in {host} confirmed that {operator} will keep {name} open for another decade.",
)
MEETING_LINES = (
    "{role_a} {a} met {role_b} {b} in {city} on {day}.",
    "{a} and {b} held talks in {city} on {day}, their offices said.",
    "{role_a} {a} hosted {b} in {city}, where the two leaders discussed security ties.",
)
FILLER = (
    "Trade between {c1} and {c2} grew by {n} percent last year, according to customs data.",
    "Analysts say the decision reflects a broader shift in the region's security policy.",
    "The ministry did not respond to a request for comment by the time of publication.",
    "Opposition lawmakers in {c1} criticised the government for a lack of transparency.",
    "Fuel prices in {c2} rose again this week as the national currency weakened.",
    "Heavy rain disrupted traffic in several provinces of {c1} over the weekend.",
    "A spokesperson said further details would be announced after the parliamentary session.",
    "Residents interviewed by local media said they were more worried about jobs and wages.",
    "The agreement still needs to be ratified by the parliament of {c2} before it takes effect.",
    "Diplomats described the atmosphere of the talks as constructive but cautious.",
)
FOREIGN = {
    "ru": ("Министерство обороны сообщило о начале учений вблизи границы.",
           "Эксперты считают, что переговоры продолжатся в следующем месяце.",
           "Президент провёл совещание с членами правительства во вторник."),
    "fr": ("Le ministère de la Défense a annoncé de nouveaux exercices militaires.",
           "Les experts estiment que les négociations reprendront le mois prochain.",
           "Le président a réuni son gouvernement mardi pour discuter de la sécurité."),
    "es": ("El ministerio de Defensa anunció nuevas maniobras cerca de la frontera.",
           "Los analistas creen que las negociaciones continuarán el próximo mes.",
           "El presidente se reunió con su gabinete el martes para hablar de seguridad."),
}
RELATED = ("Related articles", "Read more", "More from World")
COMMENTERS = ("Guest", "Aibek", "J. Miller", "observer77", "Nadia K.")


@dataclass(frozen=True)
class Leader:
    """A leader's term, as the curated table gives it."""

    name: str
    country: str
    role: str
    start: date
    end: date


@dataclass(frozen=True)
class Vocabulary:
    """The curated names the articles are made of."""

    installations: tuple[Installation, ...]
    leaders: tuple[Leader, ...]
    countries: dict[str, str]
    demonyms: dict[str, str]


def _day(text: str, default: date) -> date:
    try:
        return date.fromisoformat(text) if text else default
    except ValueError:
        return default


def load_vocabulary(data_dir: Path = DATA_DIR) -> Vocabulary:
    """Read installations, leaders, country names and demonyms from the curated data."""
    with (data_dir / "leaders.csv").open(encoding="utf-8", newline="") as handle:
        leaders = tuple(Leader(row["name"], row["country"], row["role"],
                               _day(row["start"], date(1990, 1, 1)),
                               _day(row["end"], date(2030, 1, 1)))
                        for row in csv.DictReader(handle) if row["role"] in ROLES)
    with (data_dir / "country_points.csv").open(encoding="utf-8", newline="") as handle:
        countries = {row["iso3"]: row["name"] for row in csv.DictReader(handle)}
    demonyms: dict[str, str] = {}
    with (data_dir / "country_terms.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] == "demonym":
                demonyms.setdefault(row["country"], row["term"])
    return Vocabulary(tuple(read_installations(data_dir / "installations")), leaders,
                      countries, demonyms)


def format_day(day: date, rng: random.Random) -> str:
    """Write a date the way some outlet would."""
    style = rng.randrange(5)
    month = day.strftime("%B")
    if style == 0:
        return f"{month} {day.day}, {day.year}"
    if style == 1:
        return f"{day.day} {month} {day.year}"
    if style == 2:
        return day.isoformat()
    if style == 3:
        return f"{day.strftime('%A')}, {month} {day.day}, {day.year}"
    return f"{day.strftime('%b')}. {day.day}, {day.year}"


def _installation_line(vocab: Vocabulary, rng: random.Random) -> str:
    site = rng.choice(vocab.installations)
    return rng.choice(INSTALLATION_LINES).format(
        name=rng.choice((site.name, *site.aliases[:1])), place=site.place,
        host=vocab.countries.get(site.host, site.host),
        operator=vocab.countries.get(site.operator, site.operator),
        demonym=vocab.demonyms.get(site.operator, vocab.countries.get(site.operator, "")),
        type={"air": "air", "naval": "naval"}.get(site.type, "military"))


def _meeting_line(vocab: Vocabulary, day: date, rng: random.Random) -> str | None:
    serving = [leader for leader in vocab.leaders if leader.start <= day <= leader.end]
    if len(serving) < 2:
        return None
    a, b = rng.sample(serving, 2)
    if a.country == b.country:
        return None
    cities = [s.place for s in vocab.installations if s.host == a.country] or \
        [vocab.countries.get(a.country, a.country)]
    return rng.choice(MEETING_LINES).format(
        a=a.name, b=b.name, role_a=ROLES[a.role], role_b=ROLES[b.role],
        city=rng.choice(cities), day=format_day(day, rng))


def _filler(vocab: Vocabulary, rng: random.Random) -> str:
    names = list(vocab.countries.values())
    return rng.choice(FILLER).format(c1=rng.choice(names), c2=rng.choice(names),
                                     n=rng.randint(2, 40))


def make_story(vocab: Vocabulary, number: int, seed: int) -> tuple[str, date, list[str]]:
    """Make article ``number``'s headline, date and paragraphs (the same for a seed)."""
    rng = random.Random(f"{seed}:story:{number}")
    day = date(2005, 1, 1) + timedelta(days=rng.randrange(20 * 365))
    paragraphs = []
    for _ in range(rng.randint(3, 7)):
        sentences = [_filler(vocab, rng) for _ in range(rng.randint(1, 3))]
        roll = rng.random()
        if roll < 0.45:
            sentences.insert(rng.randrange(len(sentences) + 1), _installation_line(vocab, rng))
        elif roll < 0.7:
            meeting = _meeting_line(vocab, day, rng)
            if meeting:
                sentences.insert(0, meeting)
        paragraphs.append(" ".join(sentences))
    headline = paragraphs[0].split(",")[0].split(" on ")[0][:90].rstrip(".")
    return headline, day, paragraphs


def _furniture(rng: random.Random, day: date, headlines: list[str]) -> tuple[str, str]:
    """Return a related-articles list and a reader-comments section, as plain text."""
    related = rng.choice(RELATED) + "\n" + "\n".join(f"- {h}" for h in headlines)
    later = day + timedelta(days=rng.randint(1, 30))
    comments = f"{rng.randint(1, 9)} comments\n" + "\n".join(
        f"{rng.choice(COMMENTERS)} · {later.isoformat()}\nInteresting, but who pays for this?"
        for _ in range(rng.randint(1, 3)))
    return related, comments


def render_text(headline: str, byline: str, paragraphs: list[str], extras: list[str]) -> str:
    """Lay an article out as a plain-text page copy."""
    return "\n\n".join([headline, byline, *paragraphs, *extras]) + "\n"


def render_html(headline: str, byline: str, paragraphs: list[str], related: str,
                comments: str, outlet: str, day: date) -> str:
    """Lay an article out as a news site's HTML page, with navigation and footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    items = "".join(f"<li><a href='#'>{html.escape(line[2:])}</a></li>"
                    for line in related.splitlines()[1:])
    notes = "".join(f"<div class='comment'>{html.escape(line)}</div>"
                    for line in comments.splitlines())
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{html.escape(headline)} | {outlet}</title>"
            f"<meta property='article:published_time' content='{day.isoformat()}'></head>"
            f"<body><header><nav><a href='/'>Home</a> <a href='/world'>World</a> "
            f"<a href='/subscribe'>Subscribe</a></nav></header><main><article>"
            f"<h1>{html.escape(headline)}</h1><p class='byline'>{html.escape(byline)}</p>"
            f"{body}</article><aside><h2>Related articles</h2><ul>{items}</ul></aside>"
            f"<section id='comments'>{notes}</section></main><footer>© {day.year} {outlet}. "
            f"All rights reserved. Newsletter · Privacy · Contact</footer></body></html>")


def write_article(folder: Path, vocab: Vocabulary, number: int, seed: int) -> Path:
    """Write article ``number`` of the corpus (and sometimes its sidecar); return its path."""
    rng = random.Random(f"{seed}:page:{number}")
    stem = folder / f"{number // PER_FOLDER:04d}" / f"article-{number:06d}"
    stem.parent.mkdir(parents=True, exist_ok=True)
    roll = rng.random()
    if roll < 0.02:
        path = stem.with_suffix(".txt")
        path.write_text(rng.choice(("", "\n\n", "   ")), encoding="utf-8")
        return path
    if roll < 0.06:
        language = rng.choice(sorted(FOREIGN))
        path = stem.with_suffix(".txt")
        path.write_text("\n\n".join(rng.sample(FOREIGN[language], 3) * 2), encoding="utf-8")
        return path
    # A syndicated copy or an exact duplicate tells an earlier article's story again.
    story = rng.randrange(number) if number and roll < 0.14 else number
    headline, day, paragraphs = make_story(vocab, story, seed)
    outlet = rng.choice(OUTLETS)
    copy = random.Random(f"{seed}:copy:{story}") if roll < 0.10 else rng
    byline = f"By {outlet} staff | {format_day(day, copy)}"
    headlines = [make_story(vocab, number + k, seed + 1)[0] for k in range(1, 4)]
    related, comments = _furniture(copy, day, headlines)
    if copy.random() < 0.4:
        path = stem.with_suffix(".html")
        path.write_text(render_html(headline, byline, paragraphs, related, comments,
                                    outlet, day), encoding="utf-8")
        return path
    path = stem.with_suffix(".txt")
    extras = [related, comments] if copy.random() < 0.5 else [comments]
    path.write_text(render_text(headline, byline, paragraphs, extras), encoding="utf-8")
    if copy.random() < 0.3:
        Path(f"{path}.json").write_text(json.dumps(
            {"outlet": outlet, "published": day.isoformat()}), encoding="utf-8")
    return path


def write_corpus(folder: Path, count: int, seed: int = 0, data_dir: Path = DATA_DIR) -> int:
    """Write ``count`` articles into ``folder`` (1,000 per subfolder); return the count."""
    vocab = load_vocabulary(data_dir)
    for number in range(count):
        write_article(folder, vocab, number, seed)
    return count


def main(argv: list[str] | None = None) -> int:
    """Write a corpus from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where to write the articles")
    parser.add_argument("--count", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=0, help="the same seed, the same corpus")
    args = parser.parse_args(argv)
    written = write_corpus(args.folder, args.count, args.seed)
    print(f"{written} articles written to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
