"""`ruadapt-studio [PROJECT_FILE] [--annotate [SESSION]]`: start the studio on a project, the last one, or the
default one; with --annotate, in the Annotate workspace.

In a frozen app the same executable also runs jobs and chat workers (`--run-job …`, `--chat-worker …`,
see core.child_entry); those flags are handled before any Qt is started. (The frozen entry,
packaging/entry.py, dispatches them before this module is even imported, so they load no Qt at all.)"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from core.child_entry import child_main
from core.errors import UserError
from core.jobs.registry import Registry
from core.project.default import default_project_path
from ruadapt_gui.crash_report import CrashReporter
from ruadapt_gui.i18n import Translations, resolve_language
from ruadapt_gui.resources import app_icon
from ruadapt_gui.studio_settings import StudioSettings, configure_identity
from ruadapt_gui.theme import follow_system_theme


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ruadapt-studio", description="Ruadapt Studio")
    parser.add_argument("project", nargs="?", type=Path,
                        help="a project file (project.toml); default: the last project, else the demo project")
    parser.add_argument("--annotate", nargs="?", const="", metavar="SESSION",
                        help="open straight into Annotate, on SESSION (else the last session); "
                             "no project is opened unless one is named")
    return parser.parse_args(argv)


def project_to_open(explicit: Path | None, settings: StudioSettings) -> Path:
    if explicit is not None:
        return explicit
    last = settings.last_project()
    return last if last is not None and last.is_file() else default_project_path()


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    configure_identity()
    app.setWindowIcon(app_icon())
    follow_system_theme(app)
    return app


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    if (code := child_main(argv[1:])) is not None:  # --run-job / --chat-worker: a frozen app's child process
        return code
    args = parse_args(argv[1:])
    app = create_application(argv[:1])
    CrashReporter(parent=app).install()  # a bug shows a dialog and lands in the log, even without a terminal
    settings = StudioSettings()
    translations = Translations()
    translations.apply(resolve_language(settings.language()))

    from ruadapt_gui.main_window import MainWindow  # after the translators: widgets translate as they build

    window = MainWindow(Registry(), settings, translations)
    window.show()
    if args.annotate is not None:  # an annotator: maybe no project at all
        window.workspaces.show_annotate(Path(args.annotate) if args.annotate else None)
        if args.project is None:
            return app.exec()
    try:
        window.open_project(project_to_open(args.project, settings))
    except UserError as exc:  # the default project's packages are missing: say so, start empty
        window.show_message(QCoreApplication.translate("MainWindow", "Could not create the default project"),
                            str(exc))
    return app.exec()
