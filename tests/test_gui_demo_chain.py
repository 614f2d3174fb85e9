"""The whole demo: stages run one after another through the JobRunner as real child jobs, stages
already up to date are not run again, and cancel stops the running stage and everything after it."""

from __future__ import annotations

from core.jobs.registry import Registry
from core.jobs.states import JobState
from core.project import load_project
from ruadapt_gui.demo_chain import DemoChain
from ruadapt_gui.job_runner import JobRunner

pytest_plugins = ["conftest_gui"]

CHAIN_TIMEOUT_MS = 240_000  # each stage is a fresh interpreter (torch import) on a slow 2-core machine


class ChainRecord:
    def __init__(self, chain: DemoChain) -> None:
        self.launched: list[tuple[str, str]] = []
        self.ended: list[tuple[str, str, str]] = []
        chain.run_started.connect(lambda run_id, stage: self.launched.append((run_id, stage)))
        chain.ended.connect(lambda *args: self.ended.append(args))


def test_the_demo_runs_stages_in_order_from_the_studio(qtbot, tiny_project, studio):
    """(tiny_project before studio: writing its model starts tqdm's monitor thread, not a leak.)"""
    window = studio()
    window.open_project(tiny_project)
    pages = window.pages
    qtbot.waitUntil(lambda: pages.demo_action.isEnabled(), timeout=30_000)
    chain, record = pages.chain, ChainRecord(pages.chain)
    project = load_project(tiny_project)
    chain.start(project, tiny_project, ["import", "corpus"])
    assert pages.demo_bar.isVisible() and pages.demo_bar.label.text().startswith("All stages: 1 of 2")
    assert not pages.demo_action.isEnabled() and pages.cancel_action.isEnabled()
    assert pages.results.demo_button.text() == "Stop running all stages"
    qtbot.waitUntil(lambda: len(record.launched) == 1, timeout=CHAIN_TIMEOUT_MS)
    assert window.monitor.run_id == record.launched[0][0]  # the monitor follows the demo
    qtbot.waitUntil(lambda: bool(record.ended), timeout=CHAIN_TIMEOUT_MS)

    assert record.ended == [("done", "corpus", "")]
    assert [stage for _, stage in record.launched] == ["import", "corpus"]
    registry = Registry()
    first, second = (registry.get(run_id) for run_id, _ in record.launched)
    assert first.state == second.state == JobState.DONE and first.ended <= second.started
    assert not pages.demo_bar.isVisible() and pages.demo_action.isEnabled()
    assert "All 2 stages are done." in window.statusBar().currentMessage()

    chain.start(project, tiny_project, ["import", "corpus"])  # both up to date: nothing runs again
    qtbot.waitUntil(lambda: len(record.ended) == 2, timeout=30_000)
    assert record.ended[1] == ("done", "corpus", "") and len(record.launched) == 2


def test_cancel_stops_the_running_stage_and_starts_nothing_after_it(qtbot, gui_leak_guard, small_project,
                                                                   hold_stage):
    hold_stage("corpus")  # the corpus stage waits mid-way until the cancel lands
    runner = JobRunner(Registry())
    chain = DemoChain(runner)
    record = ChainRecord(chain)
    try:
        chain.start(load_project(small_project), small_project, ["corpus", "baseline"])
        qtbot.waitUntil(lambda: bool(record.launched), timeout=CHAIN_TIMEOUT_MS)
        chain.cancel()
        assert chain.cancelling
        qtbot.waitUntil(lambda: bool(record.ended), timeout=CHAIN_TIMEOUT_MS)
        assert record.ended == [("cancelled", "corpus", "")]
        assert [stage for _, stage in record.launched] == ["corpus"]  # baseline never started
        assert Registry().get(record.launched[0][0]).state == JobState.CANCELLED
        assert not chain.running
    finally:
        runner.shutdown()


def test_a_refused_stage_ends_the_demo_with_the_reason(qtbot, gui_leak_guard, small_project):
    runner = JobRunner(Registry())
    chain = DemoChain(runner)
    record = ChainRecord(chain)
    try:
        chain.start(load_project(small_project), small_project, ["baseline"])  # its inputs have not run
        qtbot.waitUntil(lambda: bool(record.ended), timeout=30_000)
        outcome, stage, message = record.ended[0]
        assert (outcome, stage) == ("failed", "baseline") and "needs" in message and not record.launched
    finally:
        runner.shutdown()


def test_detach_stops_following_and_leaves_the_run_alone(qtbot, gui_leak_guard, small_project):
    runner = JobRunner(Registry())
    chain = DemoChain(runner)
    record = ChainRecord(chain)
    try:
        with qtbot.waitSignal(runner.finished, timeout=CHAIN_TIMEOUT_MS) as finished:
            chain.start(load_project(small_project), small_project, ["corpus", "baseline"])
            chain.detach()  # e.g. another project was opened while `corpus` was being prepared
            assert record.ended == [("detached", "corpus", "")] and not chain.running
        assert Registry().get(finished.args[0]).state == JobState.DONE  # the run itself went on
        assert record.launched == []
    finally:
        runner.shutdown()
