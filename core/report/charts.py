"""PNG charts of the report (matplotlib, no display needed)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

COLORS = {"original": "#8a9bb0", "adapted": "#2f6fdb"}


def grouped_bars(path: Path, title: str, ylabel: str, groups: list[str], series: dict[str, list[float]],
                 fmt: str = "{:.2f}") -> Path:
    """Bars per group (e.g. Russian, English), one colour per series (original, adapted)."""
    fig, ax = plt.subplots(figsize=(5.2, 3.0))
    width = 0.8 / max(1, len(series))
    for i, (name, values) in enumerate(series.items()):
        xs = [g + (i - (len(series) - 1) / 2) * width for g in range(len(groups))]
        bars = ax.bar(xs, values, width, label=name, color=COLORS.get(name))
        for bar, value in zip(bars, values):
            ax.annotate(fmt.format(value), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(groups)), groups)
    return _save(fig, ax, path, title, ylabel)


def curves(path: Path, title: str, series: dict[str, list[tuple[int, float]]], ylabel: str,
           reference: tuple[str, float] | None = None) -> Path:
    fig, ax = plt.subplots(figsize=(5.2, 3.0))
    for name, points in series.items():
        if points:
            ax.plot([s for s, _ in points], [v for _, v in points], label=name, marker="." if len(points) < 30 else None)
    if reference:
        ax.axhline(reference[1], color="#888", linestyle="--", linewidth=1, label=reference[0])
    ax.set_xlabel("step")
    return _save(fig, ax, path, title, ylabel)


def _save(fig, ax, path: Path, title: str, ylabel: str) -> Path:
    """The report's one chart style: titled, legend without frame, no top/right spines."""
    ax.set_ylabel(ylabel)
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path
