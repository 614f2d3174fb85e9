"""The stall benchmark runs and reports (its times are printed, never asserted: machines differ)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).with_name("bench_gui_stall.py")


def test_stall_benchmark_runs_and_prints(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(BENCH), "--seconds", "1.5", "--baseline-seconds", "0.5"],
                          env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "job finished and seen: True" in done.stdout
    assert "worst stall:" in done.stdout and "ratio to baseline" in done.stdout
