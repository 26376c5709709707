"""Command line: ``python -m dashboard ingest|refresh|export|build|toponyms``."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from pathlib import Path

from dashboard.access import Editor
from dashboard.errors import DashboardError
from dashboard.filters import Filters
from dashboard.settings import SETTINGS_TABLE, database_url, load_settings


def _parser() -> argparse.ArgumentParser:
    settings_help = "\n".join(f"  {var:22} {text}" for _, var, _, text in SETTINGS_TABLE)
    parser = argparse.ArgumentParser(
        prog="python -m dashboard", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Find foreign military installations and leader meetings in articles.",
        epilog=f"environment:\n{settings_help}")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="read article files, folders or web pages")
    ingest.add_argument("paths", nargs="*", help=".txt, .md, .html or .pdf files, folders, "
                                                 "or http(s) links to articles")
    ingest.add_argument("--feed", action="append", default=[], metavar="URL",
                        help="an RSS or Atom feed whose articles to fetch (repeatable)")
    ingest.add_argument("--db", help="database file path or URL (default: DASHBOARD_DB)")
    ingest.add_argument("--quiet", action="store_true", help="print only failures and totals")
    ingest.add_argument("--subscribe", action="store_true",
                        help="also subscribe to each --feed: `refresh` reads its new links")
    ingest.add_argument("--workers", type=_workers, metavar="N",
                        help="processes reading and extracting files (default: one per core "
                             "for large folders; 1: all in this process)")
    export = commands.add_parser("export", help="write the sites as GeoJSON, CSV or KML")
    export.add_argument("--db", help="database file path or URL (default: DASHBOARD_DB)")
    export.add_argument("--format", choices=["geojson", "csv", "kml"], default="geojson")
    export.add_argument("--output", type=Path, help="file to write (default: standard output)")
    view = export.add_argument_group("the view to export (as the map's filters; repeatable)")
    view.add_argument("--operator", action="append", default=[], metavar="ISO3",
                      help="foreign (operating) country")
    view.add_argument("--host", action="append", default=[], metavar="ISO3", help="host country")
    view.add_argument("--alliance", action="append", default=[], metavar="ORG",
                      help="membership of any country involved at the mention's date")
    view.add_argument("--kind", action="append", default=[],
                      choices=["installation", "meeting_site"])
    view.add_argument("--precision", action="append", default=[],
                      choices=["site", "settlement", "region", "country"])
    view.add_argument("--search", default="", help="text in a site name or quote")
    view.add_argument("--from", dest="start", type=_day, help="first day, YYYY-MM-DD")
    view.add_argument("--to", dest="end", type=_day, help="last day, YYYY-MM-DD")
    toponyms = commands.add_parser("toponyms", help="list every place mention with coordinates")
    toponyms.add_argument("paths", nargs="+", type=Path, help="text or HTML files, or folders")
    toponyms.add_argument("--format", choices=["compact", "jsonl"], default="jsonl",
                          help="compact: one line per file, 'name,,mention,,lat,,lon,,start,,"
                               "end' items joined by '||'; jsonl: one JSON object per file")
    build = commands.add_parser("build", help="build the bundled database from data/articles")
    build.add_argument("--db", help="database file path or URL (default: DASHBOARD_DB)")
    refresh = commands.add_parser("refresh", help="ingest the new links of subscribed feeds")
    refresh.add_argument("--db", help="database file path or URL (default: DASHBOARD_DB)")
    refresh.add_argument("--quiet", action="store_true", help="print only failures and totals")
    return parser


def _workers(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of workers like 4")
    return int(text)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2023-05-08") from exc


def _view(args: argparse.Namespace) -> Filters:
    """Build the export's filters from the command line."""
    return Filters(operators=tuple(c.upper() for c in args.operator),
                   hosts=tuple(c.upper() for c in args.host),
                   alliances=tuple(a.upper() for a in args.alliance), kinds=tuple(args.kind),
                   precisions=tuple(args.precision), text=args.search, start=args.start,
                   end=args.end)


def _ingest(args: argparse.Namespace, db: str, paths: list[str]) -> int:
    from tqdm import tqdm

    from dashboard.pipeline import (
        IngestReport,
        feed_articles,
        ingest_paths,
        ingest_urls,
        load_resources,
        make_fetcher,
    )
    from dashboard.store import connect

    urls = [p for p in paths if p.startswith(("http://", "https://"))]
    files = [Path(p) for p in paths if p not in urls]
    feeds = getattr(args, "feed", [])
    refresh = getattr(args, "command", "") == "refresh"
    if not (urls or files or feeds or refresh):
        print("error: give files, folders, links or --feed URL", file=sys.stderr)
        return 2
    settings = load_settings()
    engine = connect(database_url(db))
    resources = load_resources(settings)
    fetcher = make_fetcher(settings)
    report = IngestReport()
    subscribed = feeds if getattr(args, "subscribe", False) else []
    links, failed_feeds = feed_articles([f for f in feeds if f not in subscribed], fetcher)
    report.results.extend(failed_feeds)
    urls = list(dict.fromkeys(urls + links))
    bar = tqdm(total=0, unit="article", file=sys.stderr, disable=args.quiet, leave=False)

    def progress(number: int, total: int, path: str) -> None:
        if bar.total != total:
            bar.reset(total=total)
        bar.set_postfix_str(Path(path).name[:40])
        bar.update(1)

    editor = Editor(f"{getpass.getuser()} (command line)", "cli")
    if files:
        report.results.extend(ingest_paths(engine, files, resources, progress, editor=editor,
                                           workers=getattr(args, "workers", None),
                                           settings=settings).results)
    if urls:
        report.results.extend(ingest_urls(engine, urls, resources, fetcher, progress,
                                          editor=editor).results)
    if subscribed or refresh:
        from dashboard.subscriptions import subscribe_and_check

        report.results.extend(subscribe_and_check(engine, subscribed, resources, fetcher,
                                                  progress, editor=editor,
                                                  every=refresh).results)
    bar.close()
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
    from dashboard.export import export_csv, export_geojson, export_kml
    from dashboard.store import connect

    writers = {"geojson": export_geojson, "csv": export_csv, "kml": export_kml}
    text = writers[args.format](connect(database_url(db)), _view(args))
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")
    return 0


def _toponyms(args: argparse.Namespace) -> int:
    import json

    from dashboard.ingest import read_text_file
    from dashboard.pipeline import load_resources
    from dashboard.toponyms import as_record, find_toponyms, format_compact

    resources = load_resources(load_settings())
    failed = 0
    for path in _expand(args.paths):
        try:
            text = read_text_file(path)
        except DashboardError as exc:
            print(f"error: {path}: {exc}", file=sys.stderr)
            failed += 1
            text = ""
        found = find_toponyms(text, resources) if text else []
        if args.format == "compact":
            print(format_compact(found))
        else:
            print(json.dumps({"source": str(path), "toponyms": [as_record(t) for t in found]},
                             ensure_ascii=False))
    return 1 if failed else 0


def _expand(paths: list[Path]) -> list[Path]:
    """Expand folders to their files, numerically named files in number order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            children = [c for c in path.iterdir() if c.is_file() and not c.name.startswith(".")]
            files.extend(sorted(children, key=lambda c: (not c.name.isdigit(),
                                                         int(c.name) if c.name.isdigit() else 0,
                                                         c.name)))
        else:
            files.append(path)
    return files


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status."""
    args = _parser().parse_args(argv)
    settings = load_settings()
    db = getattr(args, "db", None) or settings.db
    try:
        if args.command == "ingest":
            return _ingest(args, db, args.paths)
        if args.command == "export":
            return _export(args, db)
        if args.command == "toponyms":
            return _toponyms(args)
        if args.command == "refresh":
            return _ingest(args, db, [])
        return _ingest(argparse.Namespace(quiet=False, feed=[]), db,
                       [str(settings.articles_dir)])
    except DashboardError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
