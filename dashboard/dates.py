"""Find publication dates and resolve event dates against them."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from dashboard.patterns import DATELINE

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"[^\W\d_]{3,12}\.?"  # a month name in any alphabet: "Μαρτίου", "марта"
#: Chinese and Japanese dates: "2024年12月7日".
_CJK_DATE = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+|of\s+)?{_MONTH},?\s+"
               r"(?:de\s+)?\d{4}\b"),
    _CJK_DATE,
    re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"),
    re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{4}\b"),
)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)")
_FUTURE_CUES = re.compile(
    r"\b(?:will|upcoming|next|forthcoming|scheduled|planned|expected|is to|are to|due to|"
    r"plans? to|set to|is going to|shall|flies|travels|heads|arrives|attends|begins)\b",
    re.IGNORECASE,
)
_WEEKDAY_RE = re.compile(
    r"\b(?:(last|next|this|upcoming|previous|coming)\s+)?(" + "|".join(WEEKDAYS) + r")(?:'s)?\b",
    re.IGNORECASE,
)
_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last week": -7,
                  "next week": 7, "earlier this week": -2, "later this week": 2,
                  "last month": -30, "next month": 30, "this weekend": 3, "last weekend": -5}
_RELATIVE_RE = re.compile(
    r"\b(yesterday|today|tomorrow|tonight|last\s+week|next\s+week|earlier\s+this\s+week|"
    r"later\s+this\s+week|last\s+month|next\s+month|this\s+weekend|last\s+weekend)\b",
    re.IGNORECASE)
#: English month names and their news abbreviations ("Aug. 29", "13 Sept").
_MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|"
               r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)")
_DAY_MONTH_RE = re.compile(
    rf"\b(?:on\s+)?(\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAME}(?!\w)|{_MONTH_NAME}\s+"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\b)(?!,?\s+\d{{4}})"
)


@lru_cache(maxsize=8192)
def parse_date(text: str) -> date | None:
    """Parse one date expression in any language dateparser knows; None when it is not one.

    Numeric dates are read day first (``05/03/2021`` is 5 March), as most of the world
    writes them, unless the second number cannot be a month (``03/25/2021``).
    """
    cleaned = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th|er|º|\.(?=\s))", r"\1", text.strip())
    numeric = re.fullmatch(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})", cleaned)
    if numeric:
        first, sep, second, year = numeric.groups()
        day, month = (second, first) if int(second) > 12 else (first, second)
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            return None
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", cleaned) \
        or _CJK_DATE.fullmatch(cleaned)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    settings = {"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"}
    # English first: most dates are, and trying every locale costs several times as much.
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings) \
        or dateparser.parse(cleaned, settings=settings)
    return parsed.date() if parsed else None


def find_dates(text: str) -> list[tuple[int, date]]:
    """List every full date (with a year) written in the text, with its offset."""
    found: list[tuple[int, date]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            parsed = parse_date(match.group(0))
            if parsed and 1900 < parsed.year < 2100:
                found.append((match.start(), parsed))
                taken.append(match.span())
    return sorted(found)


def date_from_url(url: str | None) -> date | None:
    """Read a /YYYY/MM/DD/ date out of an article URL."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def find_publication_date(body: str, removed: str = "", url: str | None = None
                          ) -> tuple[date | None, str | None]:
    """Find when an article appeared: a byline date, the URL, else the first comment date.

    Returns the date and its basis (``text``, ``url``, ``comments``), or ``(None, None)``.
    """
    head = "\n".join(body.split("\n")[:12])[:1500]
    in_head = find_dates(head)
    if in_head:
        return in_head[0][1], "text"
    from_url = date_from_url(url)
    if from_url:
        return from_url, "url"
    comment_dates = [d for _, d in find_dates(removed)]
    if comment_dates:
        # Comments come after publication: the earliest is an upper bound close to it.
        return min(comment_dates), "comments"
    return None, None


def is_future(sentence: str) -> bool:
    """Tell whether a sentence speaks of something still to come."""
    return bool(_FUTURE_CUES.search(sentence))


def resolve_weekday(weekday: str, qualifier: str, anchor: date, future: bool) -> date:
    """Return the date of the named weekday nearest the anchor in the sentence's direction."""
    target = WEEKDAYS.index(weekday.lower())
    delta = target - anchor.weekday()
    qualifier = qualifier.lower()
    if qualifier in ("next", "upcoming", "coming"):
        return anchor + timedelta(days=delta if delta > 0 else delta + 7)
    if future and qualifier != "last":
        return anchor + timedelta(days=delta if delta >= 0 else delta + 7)
    if qualifier in ("last", "previous"):
        return anchor + timedelta(days=delta if delta < 0 else delta - 7)
    return anchor + timedelta(days=delta if delta <= 0 else delta - 7)


def _clause_before(sentence: str, position: int) -> str:
    """Return the words just before a date expression, back to the clause boundary."""
    window = sentence[max(0, position - 60):position]
    return re.split(r"[,;:()\u201c\u201d\"]", window)[-1]


def has_date_cue(sentence: str) -> bool:
    """Tell whether a sentence says when: a date, a day of the month or week, a relative day."""
    return bool(find_dates(sentence) or _DAY_MONTH_RE.search(sentence)
                or _WEEKDAY_RE.search(sentence) or _RELATIVE_RE.search(sentence))


def resolve_event_date(sentence: str, published: date | None) -> date | None:
    """Date the event a sentence reports: an explicit date, a weekday or a relative day.

    A date in the dateline is when the piece was filed: "yesterday" after it counts from it.
    """
    dateline = DATELINE.match(sentence)
    if dateline and (find_dates(sentence[:dateline.end()])
                     or _DAY_MONTH_RE.search(sentence, 0, dateline.end())):
        filed = _resolve_in(sentence[:dateline.end()], published)
        return _resolve_in(sentence[dateline.end():], filed)
    return _resolve_in(sentence, published)


def _resolve_in(sentence: str, published: date | None) -> date | None:
    explicit = find_dates(sentence)
    if explicit:
        return explicit[0][1]
    if published is None:
        return None
    day_month = _DAY_MONTH_RE.search(sentence)
    if day_month:
        future = is_future(_clause_before(sentence, day_month.start()))
        parsed = dateparser.parse(
            day_month.group(1),
            settings={"RELATIVE_BASE": datetime.combine(published, datetime.min.time()),
                      "PREFER_DATES_FROM": "future" if future else "past"},
        )
        if parsed:
            return parsed.date()
    weekday = _WEEKDAY_RE.search(sentence)
    if weekday:
        future = is_future(_clause_before(sentence, weekday.start()))
        return resolve_weekday(weekday.group(2), weekday.group(1) or "", published, future)
    relative = _RELATIVE_RE.search(sentence)
    if relative:
        key = re.sub(r"\s+", " ", relative.group(1).lower())
        return published + timedelta(days=_RELATIVE_DAYS[key])
    return published
