"""Ruadapt engine: headless stages, project files, jobs. Never imports Qt."""

__version__ = "0.1.0"
