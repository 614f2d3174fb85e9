#!/usr/bin/env bash
# Installs Ruadapt Studio into ./.venv on a fresh Debian machine with Python 3.11.
#   bash scripts/install.sh          the studio and the CLI
#   bash scripts/install.sh --dev    the same, plus the test and lint tools
# Works as root (containers, cloud VMs) and as a user with sudo.
# GPU users: create .venv with your CUDA build of torch first; it is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--dev" ] && extras="[dev]"
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3

# Every step says what it does; a failure names the step and how to fix it.
step_name="" step_fix=""
step() { step_name=$1; step_fix=$2; echo "==> $step_name"; }
trap 'rc=$?; echo "install.sh: step failed: $step_name (exit $rc)" >&2; echo "How to fix: $step_fix" >&2; exit $rc' ERR

# Qt's xcb/offscreen platforms, xvfb and the llama.cpp build need a few system packages a minimal Debian lacks.
debs="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 \
libxcb-render-util0 libxcb-image0 libxrender1 libxi6 fonts-dejavu-core xvfb xauth cmake build-essential"
missing=""
for d in $debs; do dpkg -s "$d" >/dev/null 2>&1 || missing="$missing $d"; done
# Debian ships venv's pip bootstrap separately (python3.11-venv), and a fresh machine often lacks it.
if [ ! -x .venv/bin/python ] && ! "$PY" -c "import ensurepip" 2>/dev/null; then
  missing="$missing $(basename "$PY")-venv"
fi
if [ -n "$missing" ]; then
  # As root, apt-get runs directly; otherwise through sudo. `env` keeps the variable an assignment
  # either way (after an empty "$sudo" a bare VAR=value word would be taken for a command).
  as_root=(env DEBIAN_FRONTEND=noninteractive)
  [ "$(id -u)" = 0 ] || as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
  step "Installing Debian packages:$missing" \
    "run 'apt-get install$missing' as root (or give this user sudo), then run this script again"
  "${as_root[@]}" apt-get update -qq
  # shellcheck disable=SC2086
  "${as_root[@]}" apt-get install -y -qq $missing >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  step "Creating .venv with $PY" "install Python 3.11 with venv (apt-get install python3.11-venv), or set PYTHON=/path/to/python3.11"
  "$PY" -m venv .venv
fi
pip=(.venv/bin/python -m pip)
step "Upgrading pip in .venv" "check that PyPI is reachable (pip config list shows the index in use)"
"${pip[@]}" install -q --upgrade pip
# CPU torch: the pinned version ships as a local CPU build here; a newer one would pull GBs of CUDA.
if ! .venv/bin/python -c "import torch" 2>/dev/null; then
  step "Installing torch 2.13.0 (CPU build)" "check that PyPI is reachable; GPU users install their CUDA torch into .venv first"
  "${pip[@]}" install -q "torch==2.13.0"
fi
# llama-cpp-python compiles from source: portable flags (a native build crashes on AMX CPUs on Q8_0).
if ! .venv/bin/python -c "import llama_cpp" 2>/dev/null; then
  step "Building llama-cpp-python 0.3.36 (a few minutes the first time; pip caches the wheel)" \
    "it needs cmake and a C++ compiler (apt-get install cmake build-essential); the build log above names the error"
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON -DLLAVA_BUILD=OFF" \
    "${pip[@]}" install -q "llama-cpp-python==0.3.36"
fi
step "Installing Ruadapt Studio${extras:+ with $extras} and its Python dependencies" \
  "check that PyPI is reachable; pip's message above names the package that failed"
# -c: the versions the tests last passed with (scripts/constraints.txt says why and how to move them on).
"${pip[@]}" install -q -c scripts/constraints.txt -e ".$extras"
echo "Installed. Run: .venv/bin/ruadapt-studio   or   .venv/bin/ruadapt --help"
