"""The training view: a training run's metrics land on their own plots in the monitor (other stages
keep one plot), the original model's bits per character as a dashed reference, and the training
page's compute plan before a stage runs and what it achieved after."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.jobs.registry import Registry
from core.project import load_project
from core.stages.training_plans import project_plans
from core.training.flops import GPU_PEAK_TFLOPS
from ruadapt_gui.job_runner import JobRunner
from ruadapt_gui.pages.training_page import TrainingPage
from ruadapt_gui.widgets.job_monitor import JobMonitor

pytest_plugins = ["conftest_gui", "gui_pipeline"]


@pytest.fixture
def monitor(qtbot, gui_leak_guard):
    runner = JobRunner(Registry())
    monitor = JobMonitor(runner)
    qtbot.addWidget(monitor)
    monitor.resize(900, 700)
    monitor.show()
    yield runner, monitor
    monitor.shutdown()
    runner.shutdown()


def feed(runner: JobRunner, run_id: str, metrics: list[tuple[str, int, float]]) -> None:
    """What the runner emits while it tails a run's events."""
    for name, step, value in metrics:
        runner.metric.emit(run_id, name, step, value)


def test_training_metrics_go_to_their_own_plots(qtbot, monitor):
    runner, monitor = monitor
    runner.started.emit("r1", "stage1")
    monitor.show_run("r1")
    monitor.set_original(2.36, 1.24)
    feed(runner, "r1", [(name, step, 1.0 / step) for step in range(1, 11)
                        for name in ("loss", "lr", "tokens_per_s")])
    feed(runner, "r1", [(name, step, 3.0 - step / 10) for step in (5, 10)
                        for name in ("eval_loss", "bpc_ru", "top1_chars_ru")])
    plots = monitor.training_plots.plots
    qtbot.waitUntil(lambda: plots["bpc"].curve_names == ["bpc_ru"], timeout=5_000)  # painted at most every 200 ms
    assert monitor.plots.currentWidget() is monitor.training_plots and monitor.plots.isVisible()
    assert plots["loss"].curve_names == ["eval_loss", "loss"]
    assert plots["lr"].curve_names == ["lr"] and plots["speed"].curve_names == ["tokens_per_s"]
    assert plots["top1"].curve_names == ["top1_chars_ru"] and plots["top1"].reference == 1.24
    assert plots["loss"].point_count("loss") == 10 and plots["loss"].point_count("eval_loss") == 2
    assert not plots["other"].isVisible() and monitor.plot.curve_names == []

    reference = plots["bpc"]._reference_item
    assert plots["bpc"].reference == 2.36
    assert reference.opts["pen"].style() == Qt.PenStyle.DashLine
    assert list(reference.xData) == [5.0, 10.0] and list(reference.yData) == [2.36, 2.36]  # across the steps
    assert "original model" in plots["bpc"].view.getPlotItem().titleLabel.text  # named in the title line

    runner.metric.emit("r1", "grad_norm", 3, 0.5)  # a metric no plot names is still drawn
    qtbot.waitUntil(lambda: plots["other"].isVisible(), timeout=5_000)
    assert plots["other"].curve_names == ["grad_norm"]


def test_other_stages_keep_one_plot_and_switching_runs_redraws(qtbot, monitor):
    runner, monitor = monitor
    runner.started.emit("b1", "baseline")
    runner.started.emit("c1", "calibration")
    feed(runner, "b1", [("bpc_ru", step, 2.0) for step in range(5)])
    feed(runner, "c1", [("loss", step, 2.0) for step in range(3)])
    monitor.show_run("b1")
    qtbot.waitUntil(lambda: monitor.plot.curve_names == ["bpc_ru"], timeout=5_000)
    assert monitor.plots.currentWidget() is monitor.plot
    assert monitor.training_plots.plots["bpc"].curve_names == []

    monitor.show_run("c1")  # calibration is a training stage
    qtbot.waitUntil(lambda: monitor.training_plots.plots["loss"].curve_names == ["loss"], timeout=5_000)
    assert monitor.plots.currentWidget() is monitor.training_plots and monitor.plot.curve_names == []


def test_reference_survives_clearing_and_can_be_removed(qtbot, monitor):
    _, monitor = monitor
    bpc = monitor.training_plots.plots["bpc"]
    top1 = monitor.training_plots.plots["top1"]
    monitor.set_original(1.5, 1.2)
    monitor.forget_all()
    assert bpc.reference == 1.5 and bpc._reference_item is not None and top1.reference == 1.2
    monitor.set_original(None)
    assert bpc.reference is None and bpc._reference_item is None and top1.reference is None


def test_training_page_shows_the_plan_then_what_was_achieved(qtbot, gui_leak_guard, ruadapt_home, tiny_pipeline):
    page = TrainingPage()
    qtbot.addWidget(page)
    page.show_plans(None, {})
    assert page.stack.currentWidget() is page.placeholder and "Import source model" in page.placeholder.text()

    tiny_pipeline.registry_into(ruadapt_home)
    plans = project_plans(load_project(tiny_pipeline.project), tiny_pipeline.project, Registry())
    page.show_plans(plans, {"stage1": None, "stage2": None, "tokenizer": None})
    box = page.boxes["stage1"]
    assert page.stack.currentIndex() == 1 and not box.isHidden()
    assert box.formula.text() == plans[0].estimate.formula
    memory = plans[0].memory
    assert f"Memory per GPU (one process): weights {memory.weights / 2**30:.2f} GiB" in box.memory.text()
    assert f"≈ {memory.total / 2**30:.2f} GiB" in box.memory.text()
    assert f"{plans[0].tokens:,} training tokens" in box.summary.text()
    assert box.hours.rowCount() == len(GPU_PEAK_TFLOPS)
    assert box.hours.item(0, 0).text() == next(iter(GPU_PEAK_TFLOPS))
    assert "Not run yet" in box.achieved.text()
    assert "source vocabulary" in page.intro.text()

    results = {stage: tiny_pipeline.result(stage) for stage in ("stage1", "stage2", "tokenizer")}
    page.show_plans(plans, results)
    achieved = results["stage1"].result
    assert f"{achieved['tokens_per_s']:,.0f} tokens/s" in box.achieved.text()
    assert "MFU n/a on CPU" in box.achieved.text() and "on cpu" in box.achieved.text()
    assert "new vocabulary" in page.intro.text()


def test_the_plots_route_exactly_the_metrics_the_training_loop_reports(qapp, tiny_pipeline):
    """Metric names are constants in core that both sides import: every name a training run reports has a
    plot of its own (none falls to "Other metrics"), and no plot waits for a name nothing reports."""
    from core.jobs.events import Metric
    from core.metric_names import TRAINING_METRICS
    from ruadapt_gui.widgets.training_plots import PANEL_OF

    reported = {e.name for stage in ("stage1", "stage2", "calibration") for e in tiny_pipeline.runs[stage].events()
                if isinstance(e, Metric)}
    assert reported == set(TRAINING_METRICS) == set(PANEL_OF)


def test_the_training_tab_shows_each_stages_time_on_this_machines_cpu(qtbot, studio, ruadapt_home, tiny_pipeline):
    """The demo trains on a CPU: the Training tab says how long, with core's estimate (issue 18)."""
    from core.stages.estimate import estimate_stages
    from ruadapt_gui.texts import rough_duration

    tiny_pipeline.registry_into(ruadapt_home)
    window = studio()
    window.open_project(tiny_pipeline.project)
    box = window.pages.training.boxes["stage1"]
    qtbot.waitUntil(lambda: bool(box.cpu_time.text()), timeout=30_000)
    window.tabs.setCurrentWidget(window.pages.training)
    estimate = estimate_stages(load_project(tiny_pipeline.project), ["stage1"], Registry())[0]
    assert box.cpu_time.isVisible() and "On this machine's CPU" in box.cpu_time.text()
    assert rough_duration(estimate.seconds) in box.cpu_time.text()


def test_before_the_import_the_training_tab_already_shows_the_cpu_time(qtbot, studio, small_project):
    """The plan needs the model's sizes; the CPU time needs only the settings, so it shows at once."""
    from core.stages.estimate import estimate_stages
    from ruadapt_gui.texts import rough_duration

    window = studio()
    window.open_project(small_project)
    page = window.pages.training
    qtbot.waitUntil(lambda: "On this machine's CPU" in page.placeholder.text(), timeout=30_000)
    window.tabs.setCurrentWidget(page)
    project = load_project(small_project)
    stage1 = estimate_stages(project, ["stage1"], Registry())[0]
    assert page.placeholder.isVisible() and "Import source model" in page.placeholder.text()
    assert f"Stage 1: embeddings — {rough_duration(stage1.seconds)}" in page.placeholder.text()
    assert ("Stage 2: LoRA" in page.placeholder.text()) == project.stage2.enabled  # an off stage trains nothing
