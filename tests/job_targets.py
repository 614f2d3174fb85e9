"""Stage functions used only by the job tests (imported by the worker child through PYTHONPATH)."""

import time


def spawn_grandchild_then_wait(ctx):
    """A stage with its own child (a data loader, torchrun): the kill must take the whole tree."""
    import subprocess
    import sys
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    (ctx.run.path / "grandchild.pid").write_text(str(child.pid))
    ctx.progress(0, 1)
    time.sleep(600)


def finish_when_told(ctx):
    """A stage that ends when the test creates `go` in its run folder: a pause point the test controls."""
    go = ctx.run.path / "go"
    while not go.exists():
        time.sleep(0.02)
    return {"summary": "told to finish"}
