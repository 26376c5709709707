"""What analysts add: mentions extraction missed, and the place names it could not resolve."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.engine import Connection

from dashboard.access import Editor, require_editor
from dashboard.errors import CorrectionError
from dashboard.models import UnresolvedPlace
from dashboard.store.corrections import (
    _check_change,
    _merge_target,
    apply_corrections,
    apply_merges,
)
from dashboard.store.schema import (
    UnresolvedRow,
    articles,
    mention_additions,
    mention_alliances,
    mention_rejections,
    mentions,
    sites,
    unresolved_places,
)
from dashboard.store.stats import refresh_site_stats
from dashboard.store.words import count_words


@dataclass(frozen=True)
class NewSite:
    """A site an analyst places by hand for a mention extraction missed."""

    name: str
    kind: str
    lat: float | str
    lon: float | str
    precision: str = "site"
    operator: str | None = None
    host: str | None = None


def _new_site_values(site: NewSite) -> dict[str, Any]:
    checked = {f: _check_change(f, getattr(site, f))
               for f in ("name", "kind", "lat", "lon", "precision", "operator", "host")}
    slug = re.sub(r"[^\w]+", "-", str(checked["name"]).lower()).strip("-")
    return {**checked, "id": f"analyst:{checked['kind']}:{slug}",
            "lat": float(checked["lat"] or 0), "lon": float(checked["lon"] or 0),
            "geocoder": "analyst"}


def _site_snapshot(conn: Connection, site: str | NewSite) -> dict[str, Any]:
    if isinstance(site, NewSite):
        return _new_site_values(site)
    row = conn.execute(select(sites.c.id, sites.c.name, sites.c.kind, sites.c.lat, sites.c.lon,
                              sites.c.precision, sites.c.geocoder, sites.c.operator,
                              sites.c.host).where(sites.c.id == site)).mappings().first()
    if row is None:
        raise CorrectionError(f"there is no site {site!r}")
    return dict(row)


def add_mention(engine: Engine, article_id: str, start: int, end: int, site: str | NewSite, *,
                editor: Editor | None, alliances: Sequence[str] = ()) -> str:
    """Add a mention extraction missed (an existing site's id, or a new site); return its site.

    The addition is recorded with who and when, and comes back whenever the article is
    ingested again.
    """
    checked = require_editor(editor)
    with engine.begin() as conn:
        article = conn.execute(select(articles.c.text, articles.c.published)
                               .where(articles.c.id == article_id)).first()
        if article is None:
            raise CorrectionError(f"there is no article {article_id!r}")
        if not 0 <= start < end <= len(article.text) or not article.text[start:end].strip():
            raise CorrectionError(f"{start}–{end} is not a span of words in the article")
        values = _site_snapshot(conn, site)
        countries = list(dict.fromkeys(c for c in (values["operator"], values["host"]) if c))
        conn.execute(mention_additions.insert().values(
            article_id=article_id, start=start, end=end, quote=article.text[start:end],
            site_id=values["id"], name=values["name"], kind=values["kind"], lat=values["lat"],
            lon=values["lon"], precision=values["precision"], geocoder=values["geocoder"],
            operator=values["operator"], host=values["host"], date=article.published,
            countries=json.dumps(countries), alliances=json.dumps(list(alliances)),
            editor=checked.name, at=datetime.now(UTC).replace(tzinfo=None)))
        touched = reapply_additions(conn, article_id)
        if not touched:
            raise CorrectionError("that quote is already a mention of this site")
        refresh_site_stats(conn, touched)
        return next(iter(touched))


def reapply_additions(conn: Connection, article_id: str) -> set[str]:
    """Insert an article's added mentions that are missing; return the sites given one."""
    rejected = dict(((s, e), at) for s, e, at in conn.execute(
        select(mention_rejections.c.start, mention_rejections.c.end, mention_rejections.c.at)
        .where(mention_rejections.c.article_id == article_id)))
    present = {tuple(r) for r in conn.execute(
        select(mentions.c.site_id, mentions.c.start, mentions.c.end)
        .where(mentions.c.article_id == article_id))}
    touched: set[str] = set()
    for row in conn.execute(select(mention_additions).where(
            mention_additions.c.article_id == article_id)
            .order_by(mention_additions.c.id)).mappings().all():
        if (row["start"], row["end"]) in rejected and rejected[row["start"], row["end"]] \
                >= row["at"]:
            continue  # rejected after it was added
        target = _merge_target(conn, row["site_id"])
        if (target, row["start"], row["end"]) in present:
            continue
        if conn.execute(select(sites.c.id).where(sites.c.id == target)).first() is None:
            conn.execute(sites.insert().values(
                id=target, **{k: row[k] for k in ("name", "kind", "lat", "lon", "precision",
                                                  "geocoder", "operator", "host")}))
        mention_id = conn.execute(mentions.insert().values(
            article_id=article_id, site_id=target, kind=row["kind"], quote=row["quote"],
            start=row["start"], end=row["end"], date=row["date"], operator=row["operator"],
            host=row["host"], countries=row["countries"], alliances=row["alliances"],
        ).returning(mentions.c.id)).scalar_one()
        for org in json.loads(row["alliances"]):
            conn.execute(mention_alliances.insert().values(mention_id=mention_id, org=org,
                                                           site_id=target))
        count_words(conn, [(target, row["quote"])])
        present.add((target, row["start"], row["end"]))
        touched.add(target)
    for site_id in touched:
        apply_corrections(conn, site_id)
    return touched


def reapply_review(conn: Connection, article_id: str, site_ids: Iterable[str]) -> None:
    """After an article is saved again, apply the merges and additions analysts recorded."""
    touched = apply_merges(conn, site_ids) | reapply_additions(conn, article_id)
    refresh_site_stats(conn, touched)


def additions_of(engine: Engine, article_id: str | None = None
                 ) -> list[tuple[str, int, int, str, str, str]]:
    """Return ``(article, start, end, site id, editor, when)`` for each added mention."""
    query = (select(mention_additions.c.article_id, mention_additions.c.start,
                    mention_additions.c.end, mention_additions.c.site_id,
                    mention_additions.c.editor, mention_additions.c.at)
             .order_by(mention_additions.c.at, mention_additions.c.id))
    if article_id is not None:
        query = query.where(mention_additions.c.article_id == article_id)
    with engine.connect() as conn:
        return [(a, s, e, site, who, at.isoformat(timespec="seconds"))
                for a, s, e, site, who, at in conn.execute(query)]


def save_unresolved(engine: Engine, article_id: str, places: Iterable[UnresolvedPlace], *,
                    editor: Editor | None) -> int:
    """Replace the unresolved place names recorded for an article; return how many."""
    require_editor(editor)
    with engine.begin() as conn:
        return replace_unresolved(conn, article_id, places)


def replace_unresolved(conn: Connection, article_id: str, places: Iterable[UnresolvedPlace]
                       ) -> int:
    """Replace an article's unresolved place names inside a transaction; return how many."""
    rows = {(p.start, p.end): p for p in places}
    conn.execute(delete(unresolved_places).where(unresolved_places.c.article_id == article_id))
    if rows:
        conn.execute(unresolved_places.insert(), [
            {"article_id": article_id, "start": p.start, "end": p.end, "name": p.name,
             "reason": p.reason, "sentence_start": p.sentence_start,
             "sentence_end": p.sentence_end, "sentence": p.sentence} for p in rows.values()])
    return len(rows)


def list_unresolved(engine: Engine) -> list[UnresolvedRow]:
    """Return the unresolved place names no mention covers yet, article by article."""
    query = (select(unresolved_places.c.article_id, articles.c.title, unresolved_places.c.name,
                    unresolved_places.c.start, unresolved_places.c.end,
                    unresolved_places.c.reason, unresolved_places.c.sentence_start,
                    unresolved_places.c.sentence_end, unresolved_places.c.sentence)
             .join(articles, articles.c.id == unresolved_places.c.article_id)
             .order_by(articles.c.title, unresolved_places.c.start))
    with engine.connect() as conn:
        found = [UnresolvedRow(a, t or "Untitled article", *rest)
                 for a, t, *rest in conn.execute(query)]
        spans: dict[str, list[tuple[int, int]]] = {}
        for article_id, start, end in conn.execute(
                select(mentions.c.article_id, mentions.c.start, mentions.c.end)
                .where(mentions.c.article_id.in_({r.article_id for r in found}))):
            spans.setdefault(article_id, []).append((start, end))
    # An analyst who added a mention over the name has dealt with it.
    return [r for r in found
            if not any(s <= r.start and r.end <= e for s, e in spans.get(r.article_id, []))]
