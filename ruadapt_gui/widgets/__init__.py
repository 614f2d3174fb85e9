"""The studio's pages and widgets, one feature per file."""
