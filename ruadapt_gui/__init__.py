"""Ruadapt Studio: the PySide6 front end over `core` (configure a project, run stages, watch them)."""
