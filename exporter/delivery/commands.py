"""CLI for delivery: ``exporter send``, ``exporter devices`` and ``--send`` on an export run.

`exporter.cli` calls `register` when it starts; nothing here is imported
otherwise. stdout carries only where each book went (or the device list);
notes and errors go to stderr in the CLI's voice.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from ..argparsing import RaisingParser  # raises UsageError instead of exiting, as the other commands do
from ..errors import DeliveryError, ExitStatus
from .paths import default_config_path

PROG = "exporter"
CONFIG_HELP = "delivery settings (TOML; default: {default})"


def register(commands: dict, after_export: list[Callable], export_arguments: list[Callable],
             before_export: list[Callable] | None = None) -> None:
    """Hook into `exporter.cli`: two subcommands, one export option, a check before and a step after export."""
    commands["send"] = (build_send_parser, run_send)
    commands["devices"] = (build_devices_parser, run_devices)
    export_arguments.append(add_send_option)
    after_export.append(send_after_export)
    if before_export is not None:
        before_export.append(check_send_before_export)


def check_send_before_export(args: argparse.Namespace) -> None:
    """``--send``: fail (exit 2) before exporting when the target or the SMTP set-up cannot work."""
    target_name = getattr(args, "send", None)
    if not target_name:
        return
    from . import check_target, load_config

    check_target(target_name, load_config(args.send_config))


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    return RaisingParser(prog=f"{PROG} {prog}", description=description, epilog=_config_epilog())


def _config_epilog() -> str:
    return (
        f"Config file: {default_config_path()} ([smtp] host, port, security, username, from; "
        "[devices.NAME] email = ... or path = ...). The SMTP password comes from the keyring "
        "(`keyring set article-exporter USERNAME`) or EXPORTER_SMTP_PASSWORD, never from the command line."
    )


def _add_config_argument(parser: argparse.ArgumentParser, flag: str = "--config") -> None:
    parser.add_argument(flag, type=Path, metavar="FILE",
                        help=CONFIG_HELP.format(default=default_config_path()))


def build_send_parser() -> argparse.ArgumentParser:
    parser = _parser("send", "Send EPUBs to an e-reader by e-mail or onto a mounted reader (USB).")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="EPUB files to send")
    parser.add_argument("--to", required=True, metavar="TARGET",
                        help="an e-mail address, a device from the config, or a mounted reader's name")
    _add_config_argument(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="no notes or summary on stderr")
    parser.add_argument("--traceback", action="store_true", help="show tracebacks of internal errors")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each step does")
    return parser


def build_devices_parser() -> argparse.ArgumentParser:
    parser = _parser("devices", "List configured devices and the Kindle and Kobo readers mounted now.")
    _add_config_argument(parser)
    parser.add_argument("--traceback", action="store_true", help="show tracebacks of internal errors")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each step does")
    return parser


def add_send_option(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("delivery")
    group.add_argument("--send", metavar="TARGET",
                       help="after exporting, send each EPUB written to TARGET (see 'exporter send --help')")
    _add_config_argument(group, "--send-config")


def run_send(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from . import check_target, load_config

    config = load_config(args.config)
    target = check_target(args.to, config)  # config problems stop here, before any file: exit 2
    return _send_all(args.files, target, config, stdout, stderr, quiet=args.quiet, paths_to_stdout=True)


def run_devices(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from . import list_devices, load_config

    config = load_config(args.config)
    devices = list_devices(config)
    if not devices:
        where = config.source or default_config_path()
        stderr.write(f"{PROG}: note: no devices configured in {where} and no Kindle or Kobo mounted\n")
        return ExitStatus.SUCCESS
    rows = []
    for device in devices:
        if device.kind == "email":
            where, state = device.email, "e-mail"
        else:
            where = str(device.path)
            state = f"mounted, {device.free_bytes / 1e9:.1f} GB free" if device.mounted else "not mounted"
        if not device.configured:
            state += ", not in config"
        rows.append((device.name, device.kind, where, state))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + f"  {row[3]}\n")
    return ExitStatus.SUCCESS


def send_after_export(args: argparse.Namespace, report, status: int, stdout: TextIO, stderr: TextIO) -> int:
    """After-export step for ``--send``: send every EPUB the run wrote (or found up to date)."""
    target_name = getattr(args, "send", None)
    if not target_name or status == ExitStatus.INTERRUPTED:
        return status
    from . import check_target, load_config

    epubs = [
        Path(output["path"])
        for file_report in [*report.files, *([report.collection] if report.collection else [])]
        for output in file_report.outputs
        if output.get("format") == "epub"
    ]
    quiet = args.quiet or args.json
    if not epubs:
        if not quiet:
            stderr.write(f"{PROG}: note: --send: no EPUB was written, nothing sent\n")
        return status
    try:
        config = load_config(args.send_config)
        target = check_target(target_name, config)
    except DeliveryError as err:
        # The books were exported: this is a failed send (1), not "nothing was attempted" (2).
        stderr.write(f"{PROG}: error: --send: {_one_line(err)}\n")
        return max(status, ExitStatus.SOME_FAILED)
    sent = _send_all(epubs, target, config, stdout, stderr, quiet=quiet, paths_to_stdout=False)
    return max(status, sent)


def _send_all(files, target, config, stdout: TextIO, stderr: TextIO, *, quiet: bool, paths_to_stdout: bool) -> int:
    from . import send_book

    failed = 0
    for path in files:
        try:
            result = send_book(path, target, config)
        except DeliveryError as err:
            failed += 1
            message = _one_line(err)
            if err.path is None:
                message = f"{path}: {message}"
            stderr.write(f"{PROG}: error: {message}\n")
            continue
        if not quiet:
            for notice in result.notices:
                stderr.write(f"{PROG}: note: {notice}\n")
        if paths_to_stdout:
            stdout.write(result.destination + "\n")
        elif not quiet:
            stderr.write(f"{PROG}: sent {path} to {result.destination}\n")
    if not quiet:
        done = len(files) - failed
        summary = f"{done} book{'s' if done != 1 else ''} sent to {target.label}"
        stderr.write(f"{PROG}: {summary}{f', {failed} failed' if failed else ''}\n")
    return ExitStatus.SOME_FAILED if failed else ExitStatus.SUCCESS


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())
