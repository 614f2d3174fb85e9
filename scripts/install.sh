#!/usr/bin/env bash
# Installs Ruadapt Studio into ./.venv on a fresh Debian machine with Python 3.11.
#   bash scripts/install.sh          the studio and the CLI
#   bash scripts/install.sh --dev    the same, plus the test tools
# GPU users: install your CUDA build of torch into .venv first; it is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--dev" ] && extras="[dev]"
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3

# Qt's xcb/offscreen platforms and xvfb need a few system libraries a minimal Debian lacks.
debs="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 \
libxcb-render-util0 libxcb-image0 libxrender1 libxi6 fonts-dejavu-core xvfb xauth cmake"
missing=$(for d in $debs; do dpkg -s "$d" >/dev/null 2>&1 || echo "$d"; done)
if [ -n "$missing" ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing system packages: $missing"
  $sudo apt-get update -qq && $sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

[ -x .venv/bin/python ] || "$PY" -m venv .venv
pip=".venv/bin/python -m pip"
$pip install -q --upgrade pip
# CPU torch: the pinned version ships as a local CPU build here; a newer one would pull GBs of CUDA.
.venv/bin/python -c "import torch" 2>/dev/null || $pip install -q "torch==2.13.0"
# llama-cpp-python compiles from source: portable flags (a native build crashes on AMX CPUs on Q8_0).
if ! .venv/bin/python -c "import llama_cpp" 2>/dev/null; then
  echo "Building llama-cpp-python (a few minutes the first time; pip caches the wheel)"
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON -DLLAVA_BUILD=OFF" \
    $pip install -q "llama-cpp-python==0.3.36"
fi
$pip install -q -e ".$extras"
echo "Installed. Run: .venv/bin/ruadapt-studio   or   .venv/bin/ruadapt --help"
