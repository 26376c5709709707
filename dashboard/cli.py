"""Command line: ``python -m dashboard ingest|export|build``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.errors import DashboardError
from dashboard.settings import SETTINGS_TABLE, database_url, load_settings


def _parser() -> argparse.ArgumentParser:
    settings_help = "\n".join(f"  {var:22} {text}" for _, var, _, text in SETTINGS_TABLE)
    parser = argparse.ArgumentParser(
        prog="python -m dashboard", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Find foreign military installations and leader meetings in articles.",
        epilog=f"environment:\n{settings_help}")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="read article files or folders into the database")
    ingest.add_argument("paths", nargs="+", type=Path, help=".txt, .md or .html files, or folders")
    ingest.add_argument("--db", help="database file path or URL (default: DASHBOARD_DB)")
    ingest.add_argument("--quiet", action="store_true", help="print only failures and totals")
    export = commands.add_parser("export", help="write the sites as GeoJSON")
    export.add_argument("--db", help="database file path or URL (default: DASHBOARD_DB)")
    export.add_argument("--format", choices=["geojson"], default="geojson")
    export.add_argument("--output", type=Path, help="file to write (default: standard output)")
    build = commands.add_parser("build", help="build the bundled database from data/articles")
    build.add_argument("--db", help="database file path or URL (default: DASHBOARD_DB)")
    return parser


def _ingest(args: argparse.Namespace, db: str, paths: list[Path]) -> int:
    from dashboard.pipeline import ingest_paths, load_resources
    from dashboard.store import connect

    settings = load_settings()
    engine = connect(database_url(db))
    resources = load_resources(settings)

    def progress(number: int, total: int, path: str) -> None:
        if not args.quiet:
            print(f"[{number}/{total}] {path}", file=sys.stderr)

    report = ingest_paths(engine, paths, resources, progress)
    for result in report.results:
        if not result.ok:
            print(f"error: {result.path}: {result.message}", file=sys.stderr)
        elif not args.quiet:
            print(f"ok: {result.path}: {result.message}")
    done = len(report.results) - len(report.failed)
    print(f"{done} of {len(report.results)} files ingested, {len(report.failed)} failed",
          file=sys.stderr)
    return 1 if report.failed and not done else 0


def _export(args: argparse.Namespace, db: str) -> int:
    from dashboard.export import export_geojson
    from dashboard.store import connect

    text = export_geojson(connect(database_url(db)))
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status."""
    args = _parser().parse_args(argv)
    settings = load_settings()
    db = args.db or settings.db
    try:
        if args.command == "ingest":
            return _ingest(args, db, args.paths)
        if args.command == "export":
            return _export(args, db)
        return _ingest(args, db, [settings.articles_dir])
    except DashboardError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
