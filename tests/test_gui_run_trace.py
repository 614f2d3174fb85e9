"""The monitor's data side without widgets: folding event bursts, ETA, formatting, stage statuses."""

from __future__ import annotations

import pytest

from core.jobs.events import Cancelled, Finished, Log, Metric, Progress, Started
from ruadapt_gui.event_batch import MAX_LOG_LINES, fold
from ruadapt_gui.run_trace import EtaEstimator, RunTrace, format_amount, format_duration


def test_fold_keeps_the_last_progress_every_metric_and_stops_at_the_end():
    events = [Started(stage="corpus", pid=1)]
    events += [Progress(done=i, total=100) for i in range(50)]
    events += [Metric(name="bpc_ru", value=1.0 + i, step=i) for i in range(20)]
    events += [Log(message="hello"), Log(message="careful", level="warning"), Finished(result={"summary": "ok"}),
               Log(message="after the end")]
    batch = fold("r1", events)
    assert batch.started and batch.progress.done == 49
    assert [m.step for m in batch.metrics] == list(range(20))
    assert batch.logs == ["hello", "[warning] careful"]
    assert isinstance(batch.terminal, Finished)


def test_fold_caps_the_log_lines_of_one_burst():
    batch = fold("r1", [Log(message=str(i)) for i in range(MAX_LOG_LINES + 30)])
    assert batch.skipped_logs == 30 and len(batch.logs) == MAX_LOG_LINES and batch.logs[-1] == str(MAX_LOG_LINES + 29)


def test_fold_of_nothing_is_empty_and_a_cancel_is_terminal():
    assert fold("r1", []).empty
    assert isinstance(fold("r1", [Cancelled()]).terminal, Cancelled)


def test_eta_follows_the_recent_rate_and_restarts_with_a_new_total():
    eta = EtaEstimator(window_s=10)
    assert eta.seconds_left() is None
    eta.add(0, 100, now=0.0)
    eta.add(10, 100, now=1.0)  # 10 per second, 90 to go
    assert eta.seconds_left() == pytest.approx(9.0)
    eta.add(0, 50, now=2.0)  # a new phase
    assert eta.seconds_left() is None
    for t in range(3, 30):
        eta.add((t - 2) * 1.0, 50, now=float(t))  # 1 per second; old samples leave the window
    assert eta.seconds_left() == pytest.approx(50 - 27, rel=0.01)


def test_trace_collects_curves_and_log_lines():
    trace = RunTrace("r1", "baseline")
    trace.set_progress(5, 10, "tokens", "reading")
    trace.set_progress(6, 10, "tokens", "")
    trace.add_metric("bpc_ru", 1, 2.5)
    trace.add_log("a\nb")
    assert trace.fraction == pytest.approx(0.6) and trace.message == "reading"
    assert trace.curves["bpc_ru"].values == [2.5] and list(trace.log) == ["a", "b"] == trace.new_log


@pytest.mark.parametrize("seconds, text", [(5, "0:05"), (65, "1:05"), (3725, "1:02:05")])
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text


@pytest.mark.parametrize("value, unit, text", [(512, "bytes", "512 B"), (3 << 20, "bytes", "3.0 MB"),
                                               (1234, "tokens", "1,234 tokens"), (2.5, "", "2.5")])
def test_format_amount(value, unit, text):
    assert format_amount(value, unit) == text
