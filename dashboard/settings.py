"""Settings, declared once as data and read from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.errors import ConfigError

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"

#: name, environment variable, default, help: used by the CLI help and the README.
SETTINGS_TABLE: tuple[tuple[str, str, str, str], ...] = (
    ("db", "DASHBOARD_DB", str(DATA_DIR / "cache" / "dashboard.sqlite"),
     "database file path or SQLAlchemy URL (sqlite:///…, postgresql://…)"),
    ("data_dir", "DASHBOARD_DATA_DIR", str(DATA_DIR), "folder with the curated tables"),
    ("cache_dir", "DASHBOARD_CACHE_DIR", str(DATA_DIR / "cache"),
     "folder for the built gazetteer index and the bundled database"),
    ("geocoder", "DASHBOARD_GEOCODER", "offline",
     "'offline' (local gazetteer) or 'nominatim' (online, opt-in)"),
    ("tiles", "DASHBOARD_TILES", "",
     "optional online tile URL template; empty keeps the offline country basemap"),
    ("user_agent", "DASHBOARD_USER_AGENT", "foreign-presence-dashboard",
     "user agent sent to an online geocoder and when fetching pages"),
    ("allow_private_urls", "DASHBOARD_ALLOW_PRIVATE_URLS", "0",
     "1 lets URL ingestion reach loopback and private addresses (an intranet); 0 refuses them"),
)

GEOCODERS = ("offline", "nominatim")


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with defaults pointing into data/."""

    db: str = SETTINGS_TABLE[0][2]
    data_dir: Path = DATA_DIR
    cache_dir: Path = DATA_DIR / "cache"
    geocoder: str = "offline"
    tiles: str = ""
    user_agent: str = "foreign-presence-dashboard"
    allow_private_urls: bool = False
    articles_dir: Path = field(default=DATA_DIR / "articles")

    def __post_init__(self) -> None:
        if self.geocoder not in GEOCODERS:
            raise ConfigError(
                f"DASHBOARD_GEOCODER must be one of {', '.join(GEOCODERS)}, got {self.geocoder!r}"
            )


def database_url(db: str) -> str:
    """Turn a file path or URL into an SQLAlchemy URL."""
    if not db.strip():
        raise ConfigError("the database setting is empty: give a file path or a URL")
    if "://" in db:
        return db
    path = Path(db).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Build settings from environment variables, falling back to the defaults."""
    source = os.environ if env is None else env
    values = {name: source.get(var, default) for name, var, default, _ in SETTINGS_TABLE}
    data_dir = Path(values["data_dir"])
    return Settings(
        db=values["db"],
        data_dir=data_dir,
        cache_dir=Path(values["cache_dir"]),
        geocoder=values["geocoder"],
        tiles=values["tiles"],
        user_agent=values["user_agent"],
        allow_private_urls=_flag("DASHBOARD_ALLOW_PRIVATE_URLS", values["allow_private_urls"]),
        articles_dir=data_dir / "articles",
    )


def _flag(name: str, value: str) -> bool:
    lowered = value.strip().lower()
    if lowered not in ("0", "1", "true", "false", "yes", "no", ""):
        raise ConfigError(f"{name} must be 0 or 1, got {value!r}")
    return lowered in ("1", "true", "yes")
