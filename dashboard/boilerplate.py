"""Separate an article's body from page furniture, related-article lists and reader comments.

Works on plain text (a page saved as text, or text extracted from HTML): furniture lines are
dropped wherever they stand; a section header that opens comments, related articles or a
newsletter box ends the body, and what follows is kept apart as non-evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_COMMENT_WORDS = (
    r"comments?|comentários?|comentarios?|commentaires?|kommentare?|commenti|"
    r"комментари[йяи]?|коментар[іи]?|yorum(?:lar)?|reactions?|responses?|replies"
)
_SECTION_END = re.compile(
    r"""^(?:
        (?:\d[\d,.]*\s*(?:views?|visualizações|vues)\s*)?\d+\s*(?:COMMENT_WORDS)
      | (?:COMMENT_WORDS)(?:\s*\(\d+\))?
      | (?:leave|post|add|write|submit)\s+(?:a\s+)?(?:comment|reply|response)
      | reader\s+comments | join\s+the\s+(?:discussion|conversation) | show\s+comments
      | related(?:\s+(?:articles?|posts?|stories|news|content|reading|coverage|links?|headlines|
        topics|videos))?
        (?:\s+(?:on|from|at|in)\s+.{1,40})?
      | (?:more|other)\s+(?:stories|articles|news|coverage|reading)(?:\s+from\s+.{0,40})?
      | more\s+(?:from|on|about)\s+.{1,40} | (?:sponsored|partner|promoted)\s+(?:content|stories)
      | (?:what\s+to\s+read\s+next|read\s+next|read\s+more|up\s+next|editor'?s\s+picks?
        |in\s+other\s+news)
      | (?:you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in))
      | recommended(?:\s+for\s+you)?
      | (?:readers|people|others|visitors)\s+(?:also\s+)?(?:viewed|read|liked|watched)(?:\s+\w+)?
      | (?:also\s+(?:viewed|popular|on\s+.{1,40})|don'?t\s+miss|elsewhere\s+on\s+.{1,40})
      | (?:see\s+also|also\s+read|further\s+reading|most\s+(?:read|popular)|trending(?:\s+now)?)
      | (?:latest|popular|top)\s+(?:news|stories|articles|posts)
      | (?:subscribe|sign\s+up)\b.{0,120}?(?:newsletter|updates|inbox|stay\s+informed).{0,80}?
      | (?:about\s+the\s+author|tags?)
      | (?:à\s+)?(?:leia|lea|lire|voir|lesen\s+sie|leer|citește|citeste)\s+(?:também|también|aussi|
        auch|más|mas|și|si)
      | (?:sur\s+le\s+même\s+sujet|dans\s+la\s+même\s+rubrique|también\s+te\s+puede\s+interesar
        |noticias\s+relacionadas|weitere\s+artikel|mehr\s+zum\s+thema)
      | (?:читайте\s+также|по\s+теме|похожие\s+(?:статьи|новости))
    )\s*[:.!]*\s*$""".replace("COMMENT_WORDS", _COMMENT_WORDS),
    re.IGNORECASE | re.VERBOSE,
)
_FURNITURE = re.compile(
    r"""^(?:
        top\s+of\s+page | bottom\s+of\s+page | skip\s+to\s+(?:main\s+)?content | back\s+to\s+top
      | (?:\d[\d,.]*\s*(?:views?|reads?|shares?)\s*)+
      | (?:share|tweet|print|e-?mail|facebook|twitter|whatsapp|telegram|linkedin|copy\s+link)
        (?:\s+(?:on|via|this)\s+\w+)?
      | advertisement | sponsored(?:\s+content)?
      | (?:image|photo|picture|credit)s?\s*(?:by|:).{0,80}
      | (?:all\s+rights\s+reserved|©|copyright\b).{0,120}
      | (?:read\s+more|also\s+read|see\s+also|read\s+also|related(?:\s+\w+)?)\s*:.{0,200}
      | (?:follow\s+us|posted\s+in|filed\s+under|categories?)\b.{0,120}
      | (?:tags?|topics?|keywords?)\s*:.{0,160}
      | (?:accept|manage)\s+(?:all\s+)?cookies.{0,120} | this\s+(?:site|website)\s+uses\s+cookies.*
      | \d+\s+min(?:ute)?s?\s+read
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class Cleaned:
    """The article body, and the text that was cut away as non-evidence."""

    body: str
    removed: str


def is_furniture(line: str) -> bool:
    """Tell whether a single line is page furniture (counters, share buttons, captions)."""
    stripped = line.strip()
    if stripped and not stripped.strip("-*_=~# "):
        return True
    bare = _undecorate(line)
    head, colon, _ = bare.partition(":")
    if colon and len(head) <= 60 and _SECTION_END.match(head.strip()):
        return True  # "MORE FROM THE DISPATCH: Al Dhafra's new hangars | Kuwait's …"
    return bool(_FURNITURE.match(bare))


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`)")


def strip_markdown(text: str) -> str:
    """Reduce Markdown to plain text: headings, emphasis, links and quote marks go."""
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"^\s{0,3}(?:#{1,6}\s+|>\s?)", "", line)
        line = _MD_LINK.sub(r"\1", line)
        lines.append(_MD_MARKS.sub("", line))
    return "\n".join(lines)


def _undecorate(line: str) -> str:
    return line.strip().strip("#*_>=-~|[]").strip()


def is_section_end(line: str) -> bool:
    """Tell whether a line opens comments, related articles or a newsletter box.

    Bilingual headers count when any half does: ``ARTICOLE CONEXE / RELATED``.
    """
    stripped = _undecorate(line)
    if len(stripped) > 160:
        return False
    if _SECTION_END.match(stripped):
        return True
    parts = re.split(r"\s[/|]\s", stripped)
    return len(parts) == 2 and not re.search(r"\d", stripped) and any(
        _SECTION_END.match(_undecorate(part)) for part in parts)


def clean_text(raw: str) -> Cleaned:
    """Keep the article body; drop furniture and everything from comments or related lists on."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    removed: list[str] = []
    body_words = 0
    for index, line in enumerate(lines):
        if is_section_end(line) and body_words >= 20:
            removed.extend(lines[index:])
            break
        if is_furniture(line):
            removed.append(line)
            continue
        kept.append(line.rstrip())
        body_words += len(line.split())
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return Cleaned(body=body, removed="\n".join(removed))


def guess_title(body: str) -> str:
    """Pick the first heading-like line: a few words, not a full sentence."""
    for line in body.split("\n")[:12]:
        text = line.strip().lstrip("#").strip()
        words = text.split()
        if 4 <= len(words) <= 30 and not text.endswith((".", ",", ";", ":")):
            return text
    first = next((ln.strip() for ln in body.split("\n") if ln.strip()), "")
    return first[:200]
