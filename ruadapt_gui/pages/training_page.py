"""The training page: before a training stage runs, its compute plan (training tokens, the FLOPs
formula and total, memory per GPU, hours on one GPU of each kind at the assumed utilisation); after
it ran, what it achieved (tokens/s, TFLOP/s, and MFU, which is only defined on a GPU whose peak is known)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.stages.estimate import StageEstimate
from core.training.compute_plan import StagePlan
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.stage_results import StageResult
from ruadapt_gui.texts import rough_duration, stage_label
from ruadapt_gui.widgets.placeholder_stack import fill_page
from ruadapt_gui.widgets.report_tables import figures_only, fit_rows

PLANNED_STAGES = ("stage1", "stage2")  # the stages core.stages.training_plans plans


class StagePlanBox(QGroupBox):
    """One training stage: its plan and, once it ran, what it achieved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = ""
        self.plan: StagePlan | None = None
        self.result: StageResult | None = None
        self.estimate: StageEstimate | None = None
        self.summary = QLabel(wordWrap=True)
        self.cpu_time = QLabel(wordWrap=True, objectName="cpuEstimate")  # the demo trains on a CPU
        self.formula = QLabel(wordWrap=True, objectName="formula")
        self.formula.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.memory = QLabel(wordWrap=True)
        self.hours = QTableWidget(0, 2)
        figures_only(self.hours)
        self.hours.verticalHeader().hide()
        self.hours.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.hours.horizontalHeader().setStretchLastSection(True)
        self.hours.setMaximumWidth(560)
        self.achieved = QLabel(wordWrap=True, objectName="achieved")
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.cpu_time, self.formula, self.memory, self.hours, self.achieved):
            layout.addWidget(widget)

    def show_stage(self, stage: str, plan: StagePlan | None, result: StageResult | None,
                   estimate: StageEstimate | None = None) -> None:
        self.stage, self.plan, self.result, self.estimate = stage, plan, result, estimate
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(stage_label(self.stage))
        plan = self.plan
        for widget in (self.summary, self.formula, self.memory, self.hours):
            widget.setVisible(plan is not None)
        if plan is not None:
            self.summary.setText(self.tr("{tokens:,} training tokens · {flops:.3g} FLOPs in all").format(
                tokens=plan.tokens, flops=plan.estimate.flops))
            self.formula.setText(plan.estimate.formula)
            self.memory.setText(self._memory_text(plan))
            self._fill_hours(plan)
        self.cpu_time.setText(self._cpu_text())
        self.cpu_time.setVisible(plan is not None and bool(self.cpu_time.text()))
        self.achieved.setText(self._achieved_text())
        self.achieved.setVisible(bool(self.achieved.text()))

    def _cpu_text(self) -> str:
        """core.stages.estimate's time for this stage on this machine's CPU (its figures, not ours)."""
        if self.estimate is None:
            return ""
        how = (self.tr("from this machine's earlier runs") if self.estimate.measured
               else self.tr("its training tokens at a CPU training speed measured on a 2-core machine"))
        return self.tr("On this machine's CPU: {time} ({how}).").format(
            time=rough_duration(self.estimate.seconds), how=how)

    def _fill_hours(self, plan: StagePlan) -> None:
        self.hours.setHorizontalHeaderLabels([
            self.tr("GPU"), self.tr("Time on one GPU ({share:.0%} of bf16 peak)").format(share=plan.utilisation)])
        self.hours.setRowCount(len(plan.hours))
        for row, (gpu, hours) in enumerate(plan.hours.items()):
            self.hours.setItem(row, 0, QTableWidgetItem(gpu))
            time = QTableWidgetItem(self.format_hours(hours))
            time.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.hours.setItem(row, 1, time)
        fit_rows(self.hours)

    def _memory_text(self, plan: StagePlan) -> str:
        m = plan.memory
        how = (self.tr("{strategy}, {n} processes").format(strategy=m.strategy.upper(), n=m.world) if m.world > 1
               else self.tr("one process"))

        def gib(n_bytes: float) -> str:
            return self.tr("{gib:.2f} GiB").format(gib=n_bytes / 2**30)

        return self.tr("Memory per GPU ({how}): weights {weights} + gradients and AdamW {optimizer} + "
                       "activations ~{activations} ≈ {total}").format(
            how=how, weights=gib(m.weights), optimizer=gib(m.grads_optimizer), activations=gib(m.activations),
            total=gib(m.total))

    def format_hours(self, hours: float) -> str:
        minutes = hours * 60
        if minutes < 1:
            return self.tr("{seconds:.1f} s").format(seconds=minutes * 60)
        if minutes < 90:
            return self.tr("{minutes:.1f} min").format(minutes=minutes)
        return self.tr("{hours:.1f} h").format(hours=hours)

    def _achieved_text(self) -> str:
        if self.result is None:
            return self.tr("Not run yet: what it achieves shows here once it has run.") if self.plan else ""
        r = self.result.typed
        if r.skipped:
            return self.tr("Skipped: the stage is off in the project.")
        device = r.device
        if r.mfu is not None:
            mfu = self.tr("MFU {mfu:.1%}").format(mfu=r.mfu)
        elif device.startswith("cuda"):
            mfu = self.tr("MFU n/a (this GPU's peak is not known)")
        else:
            mfu = self.tr("MFU n/a on CPU")
        text = self.tr("Achieved: {steps:,} steps on {device} in {minutes:.1f} min, {speed:,.0f} tokens/s, "
                       "{tflops:.3g} TFLOP/s, {mfu}.").format(
            steps=r.steps, device=device, minutes=r.train_seconds / 60,
            speed=r.tokens_per_s, tflops=r.achieved_tflops, mfu=mfu)
        if self.result.stale:
            text += " " + self.tr("(an earlier run: settings or inputs changed since)")
        return text


class TrainingPage(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plans: list[StagePlan] | None = None
        self.results: dict[str, StageResult | None] = {}
        self.estimates: dict[str, StageEstimate] = {}
        self.placeholder = QLabel(objectName="placeholder", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.intro = QLabel(objectName="muted", wordWrap=True)
        self.boxes = {stage: StagePlanBox() for stage in PLANNED_STAGES}
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.intro)
        for box in self.boxes.values():
            layout.addWidget(box)
        layout.addStretch(1)
        self.stack = fill_page(self, self.placeholder, body)
        self.retranslate()

    def retranslate(self) -> None:
        self._paint()


    def _placeholder_text(self) -> str:
        """Before `import`: the plan needs the model's sizes, but the CPU time needs only the settings."""
        text = self.tr("Run “{stage}” to see the compute plan of the training stages: it needs the source "
                       "model's sizes.").format(stage=stage_label("import"))
        times = [self.tr("{stage} — {time}").format(stage=stage_label(stage), time=rough_duration(e.seconds))
                 for stage, e in self.estimates.items()]
        if times:
            text += "\n\n" + self.tr("On this machine's CPU: {times}.").format(times="; ".join(times))
        return text

    def show_plans(self, plans: list[StagePlan] | None, results: dict[str, StageResult | None],
                   estimates: dict[str, StageEstimate] | None = None) -> None:
        """`plans`: from core.stages.training_plans (None: the source model is not imported yet);
        `estimates`: core.stages.estimate's time of each training stage on this machine's CPU."""
        self.plans, self.results, self.estimates = plans, results, estimates or {}
        self._paint()

    def _paint(self) -> None:
        if self.plans is None:
            self.placeholder.setText(self._placeholder_text())
            self.stack.show_body(False)
            return
        self.stack.show_body(True)
        by_stage = {plan.stage: plan for plan in self.plans}
        vocabulary = (self.tr("The plan counts the new vocabulary's size.") if self.results.get("tokenizer")
                      else self.tr("The plan counts the source vocabulary; it changes once “{stage}” has run.")
                      .format(stage=stage_label("tokenizer")))
        self.intro.setText(self.tr("Training FLOPs per token: 6·N for full training; (4·N + 2·N_trainable) when "
                                   "the body is frozen (N: parameters in matrix products; D: training tokens). ")
                           + vocabulary)
        for stage, box in self.boxes.items():
            plan, result = by_stage.get(stage), self.results.get(stage)
            box.setVisible(plan is not None or result is not None)
            box.show_stage(stage, plan, result, self.estimates.get(stage))
