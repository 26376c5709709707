"""Settings come from the environment with defaults into data/."""

from __future__ import annotations

import pytest

from dashboard.errors import ConfigError
from dashboard.settings import database_url, load_settings


def test_defaults_point_into_data():
    settings = load_settings({})
    assert settings.db.endswith("dashboard.sqlite")
    assert settings.geocoder == "offline"


def test_environment_overrides():
    settings = load_settings({"DASHBOARD_DB": "postgresql://x/y", "DASHBOARD_GEOCODER":
                              "nominatim"})
    assert settings.db == "postgresql://x/y" and settings.geocoder == "nominatim"


def test_bad_geocoder_is_refused():
    with pytest.raises(ConfigError, match="DASHBOARD_GEOCODER"):
        load_settings({"DASHBOARD_GEOCODER": "magic"})


def test_database_url(tmp_path):
    assert database_url("postgresql://h/db") == "postgresql://h/db"
    assert database_url(str(tmp_path / "a" / "b.db")).startswith("sqlite:///")
    assert (tmp_path / "a").is_dir()
    with pytest.raises(ConfigError):
        database_url(" ")
