"""One error family, and every public name exported honestly."""

from __future__ import annotations

import dashboard.errors as errors


def test_all_is_honest():
    public = {name for name in dir(errors) if name.endswith("Error")}
    assert set(errors.__all__) == public


def test_every_error_is_a_dashboard_error_and_a_builtin():
    assert issubclass(errors.ArticleError, (errors.DashboardError, ValueError))
    assert issubclass(errors.StoreError, (errors.DashboardError, RuntimeError))
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.DashboardError)
