"""The LEP page: what LEP and calibration did to the instruct model. One table (the original instruct
model, after LEP, after calibration) with the copy task and held-out bits per character, which compare
models across their tokenizers, and the facts of the LEP fit. Without a base/instruct pair (the default
demo has none) it says so and names the settings to fill in."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from core.evaluation.darucopy import CopyTaskScore
from core.project.schema import SECTION_LABELS, Lep, Models, Project
from core.stages.results import CalibrationResult, LepResult
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.stage_results import StageResult
from ruadapt_gui.texts import section_text, stage_label
from ruadapt_gui.widgets import report_tables as rt
from ruadapt_gui.widgets.placeholder_stack import fill_page


def field_label(section: type, name: str) -> str:
    """A setting's label as the settings form shows it (the schema's own)."""
    return next(f.metadata["label"] for f in dataclasses.fields(section) if f.name == name)


def has_pair(project: Project) -> bool:
    """LEP is on and has an instruct model to work on."""
    return project.lep.enabled and bool(project.models.instruct)


def ran(result: StageResult | None) -> LepResult | CalibrationResult | None:
    """A stage's result when the stage really ran (a stage turned off in the project records 'skipped')."""
    return result.typed if result is not None and not result.typed.skipped else None


class LepPage(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pair = True
        self.lep: StageResult | None = None
        self.calibration: StageResult | None = None
        self.rows: list[tuple[str, dict[str, CopyTaskScore] | None, float | None]] = []
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.placeholder = QLabel(objectName="placeholder", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.stale = QLabel(objectName="staleBanner", wordWrap=True)
        self.no_pair = QLabel(wordWrap=True)
        self.heading = QLabel(objectName="sectionHeading")
        self.table_box = QVBoxLayout()  # the table, rebuilt for each result
        self.measured_on = QLabel(objectName="muted", wordWrap=True)
        self.fit_heading = QLabel(objectName="sectionHeading")
        self.fit = QLabel(wordWrap=True)
        body = QWidget()
        layout = QVBoxLayout(body)
        for widget in (self.stale, self.no_pair, self.heading):
            layout.addWidget(widget)
        layout.addLayout(self.table_box)
        for widget in (self.measured_on, self.fit_heading, self.fit):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.stack = fill_page(self, self.placeholder, body)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("LEP & calibration"))
        self.fit_heading.setText(self.tr("The LEP fit"))
        self.stale.setText(self.tr("Some of these results are from an earlier run: the project's settings or "
                                   "inputs changed since. Run the stages again to update them."))
        self._paint()


    def show_results(self, project: Project, lep: StageResult | None, calibration: StageResult | None) -> None:
        """The project (has it a base/instruct pair?) and the lep and calibration stages' finished runs."""
        if (has_pair(project), lep, calibration) == (self.pair, self.lep, self.calibration):
            return
        self.pair, self.lep, self.calibration = has_pair(project), lep, calibration
        self._paint()

    # -- painting -------------------------------------------------------------------------------

    def _paint(self) -> None:
        self.rows = self._rows()
        run_them = self.tr("Run “{lep}” (and “{calibration}”) to compare the original instruct model with the "
                           "adapted one: the copy task and bits per character on held-out Russian, before and "
                           "after.").format(lep=stage_label("lep"), calibration=stage_label("calibration"))
        self.placeholder.setText(run_them if self.pair else self._no_pair_text())
        self.no_pair.setText(self._no_pair_text())
        while (item := self.table_box.takeAt(0)) is not None:
            item.widget().hide()
            item.widget().deleteLater()
        self.stack.show_body(bool(self.rows))
        if not self.rows:
            return
        self.stale.setVisible(any(r.stale for r in (self.lep, self.calibration) if ran(r) is not None))
        self.no_pair.setVisible(not self.pair)
        table = rt.table(rt.lep_rows(self.rows))
        # the model names are long (more so in Russian): their column fits them, the figures share the rest
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table_box.addWidget(table)
        self.measured_on.setText(self._measured_on())
        lep = ran(self.lep)
        self.fit_heading.setVisible(lep is not None)
        self.fit.setVisible(lep is not None)
        if lep is not None:
            self.fit.setText(self._fit_text(lep, self.lep.settings.lep))

    def _rows(self) -> list[tuple[str, dict[str, CopyTaskScore] | None, float | None]]:
        lep, calibration = ran(self.lep), ran(self.calibration)
        rows = []
        if lep is not None:
            rows += [(self.tr("Original instruct model"), lep.copy_before, lep.bpc_before),
                     (self.tr("After LEP"), lep.copy_after, lep.bpc_after)]
        if calibration is not None:
            if lep is None:  # calibration started from the adapted base (LEP off): show its own start
                rows.append((self.tr("Adapted base model, before calibration"), calibration.copy_before,
                             calibration.bpc_before))
            rows.append((self.tr("After calibration"), calibration.copy_after, calibration.bpc_after))
        return rows

    def _no_pair_text(self) -> str:
        return self.tr(
            "The default demo has no base/instruct pair: only SmolLM2-135M-Instruct ships offline, so LEP is off "
            "there. LEP needs a pair you provide: in Project settings set {models} → “{instruct}” "
            "(and “{base}” if the source model is not the instruct model's base), then turn on "
            "{lep} → “{enabled}”.").format(
            models=section_text(SECTION_LABELS["models"]), instruct=field_label(Models, "instruct"),
            base=field_label(Models, "base"), lep=section_text(SECTION_LABELS["lep"]),
            enabled=field_label(Lep, "enabled"))

    def _measured_on(self) -> str:
        results = {section: r for section, r in (("lep", ran(self.lep)), ("calibration", ran(self.calibration)))
                   if r is not None}
        passages = {section: max(task.n for task in r.copy_after.values())
                    for section, r in results.items() if r.copy_after}
        chars = max((r.bpc_chars for r in results.values()), default=0)
        parts = []
        if passages:  # facts as "name: number", which reads right in Russian without plural forms
            counts = set(passages.values())
            n = str(counts.pop()) if len(counts) == 1 else ", ".join(
                f"{n} ({section_text(SECTION_LABELS[section])})" for section, n in passages.items())
            parts.append(self.tr(
                "DaruCopy (llmtf's copy tasks), held-out texts per task and model: {n}. cp_sent (len) is the mean "
                "token-length ratio of copy and source; cp_para (lcs), the share of copies whose matching blocks "
                "cover at least 99% of the source.").format(n=n))
        if chars:
            parts.append(self.tr(
                "Bits per character on held-out Russian, characters: {chars:,}, the same text for every row (lower "
                "is better; unlike loss per token, it compares models with different tokenizers).")
                .format(chars=chars))
        return " ".join(parts)

    def _fit_text(self, lep: LepResult, settings: Lep) -> str:
        parts = [self.tr("Projection: {mode}").format(mode=lep.mode)]
        if lep.mode != "swap":  # swap takes the adapted embeddings as they are: nothing is fitted
            parts.append(self.tr("rows fitted: {rows:,}").format(rows=lep.fit_rows))
            residual = self.tr("relative fit residual: {input:.3g} (input embeddings)").format(
                input=lep.residual_input)
            if lep.residual_head is not None:
                residual += ", " + self.tr("{head:.3g} (output head)").format(head=lep.residual_head)
            parts.append(residual)
        if lep.tied:
            parts.append(self.tr("output head tied to the input embeddings"))
        parts.append(self.tr("added tokens (chat markers) from the instruct model: {n}").format(
            n=lep.added_copied))
        parts.append(self.tr("layer weights with the stage-2 update merged: {n} (scale {scale:g})").format(
            n=lep.layers_delta_merged, scale=settings.lora_scale))
        return " · ".join(parts)
