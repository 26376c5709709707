"""The deploy files agree with pyproject.toml, so Streamlit Community Cloud installs the same."""

from __future__ import annotations

import tomllib

from dashboard.settings import PROJECT_DIR

PYPROJECT = tomllib.loads((PROJECT_DIR / "pyproject.toml").read_text(encoding="utf-8"))


def requirements() -> list[str]:
    lines = (PROJECT_DIR / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_requirements_are_the_runtime_dependencies_and_the_postgres_driver():
    project = PYPROJECT["project"]
    expected = project["dependencies"] + project["optional-dependencies"]["postgres"]
    assert requirements() == expected


def test_no_file_that_cloud_would_prefer_to_requirements_txt():
    for name in ("uv.lock", "Pipfile", "environment.yml", "poetry.lock"):
        assert not (PROJECT_DIR / name).exists(), name


def test_the_entry_point_and_the_python_version():
    assert (PROJECT_DIR / "dashboard" / "app.py").exists()
    assert PYPROJECT["project"]["requires-python"] == ">=3.11"
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    assert "dashboard/app.py" in readme and "Python 3.12" in readme


def test_secrets_example_has_what_the_app_reads():
    example = tomllib.loads((PROJECT_DIR / ".streamlit" / "secrets.toml.example")
                            .read_text(encoding="utf-8"))
    assert example["database"]["url"].startswith("postgresql+psycopg://")
    assert {"token", "emails"} <= set(example["editors"])
    assert {"redirect_uri", "cookie_secret", "client_id", "client_secret",
            "server_metadata_url"} <= set(example["auth"])
    ignored = (PROJECT_DIR / ".gitignore").read_text(encoding="utf-8").split()
    assert ".streamlit/secrets.toml" in ignored


def test_upload_limit_and_usage_statistics_in_the_streamlit_config():
    config = tomllib.loads((PROJECT_DIR / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert 0 < config["server"]["maxUploadSize"] <= 25
