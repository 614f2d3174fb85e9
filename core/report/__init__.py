"""The evaluation report: one Markdown and one HTML file with PNG charts, readable without the studio."""
