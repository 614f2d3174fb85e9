"""Try the CLI as a hostile or careless user would (issue 17) and count what happens, per category:
a clean error (what / where / how to fix, exit 1 or 2) or correct handling, a traceback, data loss,
or an input accepted or answered misleadingly.

    PYTHONPATH=CHECKOUT python scripts/robustness_probe.py

Runs the code importable from PYTHONPATH (so the same script measures an old checkout and a new one).
Disk-full and read-only cases use real tiny tmpfs mounts and need root; without it they are skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

CLEAN, TRACEBACK, LOSS, ACCEPTED, SKIPPED = "clean", "traceback", "data loss", "accepted/misleading", "skipped"
CASES: list[tuple[str, str, object]] = []
ROOT = Path(os.environ.get("PYTHONPATH", ".").split(os.pathsep)[0]).resolve()
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def case(category: str):
    def register(fn):
        CASES.append((category, fn.__name__, fn))
        return fn
    return register


def cli(*args, env=None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "core.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, **(env or {})}, timeout=600, **kw)


def judged(out: subprocess.CompletedProcess, refused: bool = True) -> str:
    text = out.stdout + out.stderr
    if "Traceback" in text or "(traceback in" in text:  # the CLI's, or a stage's kept in its log.txt
        return TRACEBACK
    if refused:
        return CLEAN if out.returncode in (1, 2) and ("error" in text or "How to fix" in text or "✗" in text) \
            else ACCEPTED
    return CLEAN if out.returncode == 0 else ACCEPTED


def supports(*args) -> bool:
    return "--annotator" in cli(*args, "--help").stdout


# ---- fixtures ---------------------------------------------------------------------------------

def session(tmp: Path, name: str = "s.sqlite"):
    from core.arena.session import Session

    s = Session.create(tmp / name, ["Вопрос один?", "Вопрос два?", "Вопрос три?"],
                       {"original": "/m/original.gguf", "adapted": "/m/adapted.gguf"}, {"max_tokens": 8}, seed=1)
    for pid in (1, 2, 3):
        for mid in sorted(s.models()):
            s.add_answer(pid, mid, f"ответ {mid} {pid}", 10, 0.5)
    return s


def copy_for(owner, path: Path, annotator: str):
    from core.arena.session import Session

    try:
        owner.export_annotator_copy(path, annotator)
    except TypeError:  # an older core: copies are not issued to anyone
        owner.export_annotator_copy(path)
    c = Session.open(path)
    for n, v in enumerate("aba", 1):
        c.vote(annotator, n, v)
    c.close()


def owner_state(path: Path) -> tuple:
    con = sqlite3.connect(path)
    try:
        return tuple(con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in ("models", "votes"))
    finally:
        con.close()


def export_args(sess: Path, out: Path, annotator: str = "anna") -> list:
    return ["arena", "export", sess, out, *(["-a", annotator] if ANNOTATOR else [])]


def merged_owner(tmp: Path):
    owner = session(tmp)
    copy_for(owner, tmp / "boris.sqlite", "boris")
    owner.merge([tmp / "boris.sqlite"])
    owner.close()
    return tmp / "s.sqlite"


def small_project(tmp: Path, text: str | None = None, check_models: bool = True, **sections) -> Path:
    from conftest import russian_text

    from core.project import project_from_dict, save_project

    (tmp / "ru.txt").write_text(text if text is not None else russian_text(200), encoding="utf-8")
    (tmp / "model.gguf").write_bytes(b"GGUF")
    raw = {"project": {"name": "probe"}, "models": {"source": "model.gguf"},
           "corpus": {"russian": ["ru.txt"], "heldout_fraction": 0.2}}
    for name, values in sections.items():
        raw[name] = {**raw.get(name, {}), **values}
    save_project(project_from_dict(raw, base=tmp if check_models else None), tmp / "project.toml")
    return tmp / "project.toml"


# ---- arena --------------------------------------------------------------------------------------

@case("arena: export")
def export_over_the_session_itself(tmp):
    sess = merged_owner(tmp)
    before = owner_state(sess)
    out = cli(*export_args(sess, sess))
    return LOSS if owner_state(sess) != before else judged(out)


@case("arena: export")
def export_over_an_existing_copy(tmp):
    sess = merged_owner(tmp)
    before = (tmp / "boris.sqlite").read_bytes()
    out = cli(*export_args(sess, tmp / "boris.sqlite"))
    return LOSS if (tmp / "boris.sqlite").read_bytes() != before else judged(out)


@case("arena: export")
def export_over_another_owners_session(tmp):
    sess = merged_owner(tmp)
    other = tmp / "other"
    other.mkdir()
    merged_owner(other)
    before = owner_state(other / "s.sqlite")
    out = cli(*export_args(sess, other / "s.sqlite"))
    return LOSS if owner_state(other / "s.sqlite") != before else judged(out)


@case("arena: export")
def export_to_a_folder(tmp):
    return judged(cli(*export_args(merged_owner(tmp), tmp)))


def forged(tmp: Path, sql: str, *params) -> str:
    sess = merged_owner(tmp)
    from core.arena.session import Session

    owner = Session.open(sess)
    copy_for(owner, tmp / "anna.sqlite", "anna")
    owner.close()
    con = sqlite3.connect(tmp / "anna.sqlite")
    a, b = con.execute("SELECT a_model, b_model FROM votes LIMIT 1").fetchone()
    con.execute(sql.replace("{a}", a).replace("{b}", b), params)
    con.commit()
    con.close()
    before = owner_state(sess)
    merged = cli("arena", "merge", sess, tmp / "anna.sqlite")
    results = cli("arena", "results", sess, "--rounds", "5")
    if "Traceback" in results.stdout + results.stderr:
        return TRACEBACK
    if owner_state(sess) != before:  # forged votes in the owner's file: the leaderboard is no longer the votes cast
        return LOSS
    return judged(merged)


@case("arena: merge")
def merge_500_invented_annotators(tmp):
    return forged(tmp, "INSERT INTO votes SELECT 1, 'bot' || value, '{a}', '{b}', 'a', '', ? FROM "
                       "json_each('[' || (SELECT group_concat(n) FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL "
                       "SELECT n + 1 FROM c WHERE n < 500) SELECT n FROM c)) || ']')", time.time())


@case("arena: merge")
def merge_a_future_timestamp(tmp):
    return forged(tmp, "UPDATE votes SET voted_at = ?", time.time() + 86400 * 365)


@case("arena: merge")
def merge_item_999(tmp):
    return forged(tmp, "UPDATE votes SET item_id = 999 WHERE rowid = 1")


@case("arena: merge")
def merge_m1_vs_m1(tmp):
    return forged(tmp, "UPDATE votes SET b_model = a_model")


@case("arena: merge")
def merge_a_model_m9(tmp):
    return forged(tmp, "UPDATE votes SET a_model = 'm9' WHERE rowid = 1")


@case("arena: merge")
def merge_overwriting_boris(tmp):
    return forged(tmp, "UPDATE votes SET annotator = 'boris', voted_at = ?", time.time() + 1)


@case("arena: merge")
def merge_the_session_into_itself(tmp):
    sess = merged_owner(tmp)
    before = owner_state(sess)
    out = cli("arena", "merge", sess, sess)
    return LOSS if owner_state(sess) != before else judged(out)


@case("arena: merge")
def merge_a_damaged_copy(tmp):
    sess = merged_owner(tmp)
    con = sqlite3.connect(tmp / "boris.sqlite")
    size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name='votes'").fetchone()[0]
    con.close()
    with open(tmp / "boris.sqlite", "r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\xff" * size)
    return judged(cli("arena", "merge", sess, tmp / "boris.sqlite"))


@case("arena: blindness")
def copy_keeps_tokens_and_seconds(tmp):
    sess = merged_owner(tmp)
    cli(*export_args(sess, tmp / "c.sqlite"))
    con = sqlite3.connect(tmp / "c.sqlite")
    columns = [r[1] for r in con.execute("PRAGMA table_info(answers)")]
    return ACCEPTED if "tokens" in columns or "seconds" in columns else CLEAN


@case("arena: blindness")
def public_ids_follow_the_model_order(tmp):
    from core.arena.session import Session

    firsts = set()
    for n in range(12):
        s = Session.create(tmp / f"{n}.sqlite", ["x"], {"first": "a", "second": "b"}, {})
        firsts.add(next(mid for mid, (name, _) in s.models().items() if name == "first"))
        s.close()
    return ACCEPTED if firsts == {"m1"} else CLEAN


def python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)


@case("arena: ratings")
def bradley_terry_of_no_battles(tmp):
    return judged(python("from core.arena.ratings import bradley_terry; print(bradley_terry([]))"), refused=False)


@case("arena: ratings")
def bootstrap_of_no_battles(tmp):
    return judged(python("from core.arena.ratings import bootstrap; print(bootstrap([], 'bt'))"), refused=False)


@case("arena: ratings")
def unconverged_unbeaten_model(tmp):
    out = python("from core.arena.ratings import bradley_terry as bt\n"
                 "b = [('x','y','a')]*100 + [('y','p0','a'), ('p0','y','a')] + [t for i in range(8) for t in "
                 "((f'p{i}', f'p{i+1}', 'a'), (f'p{i+1}', f'p{i}', 'a'))]\n"
                 "print(abs(bt(b)['x'] - bt(b, iterations=20000, tol=1e-14)['x']))")
    return ACCEPTED if out.returncode or float(out.stdout) > 0.01 else CLEAN


@case("arena: ratings")
def results_without_warnings_for_degenerate_votes(tmp):
    s = session(tmp)  # one vote: one model unbeaten, the other winless, a single battle
    s.vote("anna", 1, "a")
    s.close()
    out = cli("arena", "results", tmp / "s.sqlite", "--rounds", "5")
    return TRACEBACK if "Traceback" in out.stderr else CLEAN if "never lost" in out.stdout else ACCEPTED


# ---- resume and stale results ------------------------------------------------------------------

def sleeper() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])


@case("resume")
def run_after_kill_9_of_supervisor_and_worker(tmp):
    from core.jobs.events import Started, append_event
    from core.jobs.registry import Registry
    from core.jobs.states import JobState
    from core.project import load_project
    from core.stages.plan import prepare_run

    project = small_project(tmp)
    registry = Registry()
    first = prepare_run(load_project(project), project, "corpus", registry).run
    sup, work = sleeper(), sleeper()
    registry.set_state(first.id, JobState.RUNNING, pid=sup.pid)
    append_event(first.events_path, Started(stage="corpus", pid=work.pid))
    (first.path / "checkpoint").mkdir()
    (first.path / "checkpoint" / "latest").write_text("step-00001600")
    for p in (sup, work):
        p.send_signal(signal.SIGKILL)
        p.wait()
    out = cli("run", project, "--stage", "corpus")
    runs = [r for r in Registry().list() if r.id != first.id]
    if "Traceback" in out.stderr:
        return TRACEBACK
    return CLEAN if runs and runs[0].run.spec().get("resume_from") else LOSS  # 1,600 steps of work thrown away


@case("resume")
def import_up_to_date_after_the_cache_is_deleted(tmp):
    from tiny_models import make_tiny_gguf

    gguf = make_tiny_gguf(tmp / "m.gguf")
    project = small_project(tmp, models={"source": str(gguf)})
    first = cli("run", project, "--stage", "import")
    cache = Path(os.environ["RUADAPT_HOME"]) / "models"
    for folder in cache.iterdir():
        if folder.is_dir():
            shutil.rmtree(folder)
    again = cli("run", project, "--stage", "import")
    if first.returncode:
        return judged(first)
    return ACCEPTED if "up to date" in again.stdout else judged(again, refused=False)


@case("resume")
def two_runs_of_one_stage_at_once(tmp):
    from core.jobs.registry import Registry

    project = small_project(tmp, text=("Москва стоит на реке.\n\n" * 400_000))
    procs = [subprocess.Popen([sys.executable, "-m", "core.cli", "run", str(project), "--stage", "corpus"],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    if any("Traceback" in e for _, e in outs):
        return TRACEBACK
    return CLEAN if len([r for r in Registry().list() if r.stage == "corpus"]) == 1 else ACCEPTED


@case("resume")
def partial_files_left_by_killed_runs_and_imports(tmp):
    from core.jobs.registry import Registry
    from core.jobs.states import JobState
    from core.project import load_project
    from core.stages.plan import prepare_run

    project = small_project(tmp)
    registry = Registry()
    run = prepare_run(load_project(project), project, "corpus", registry).run
    (run.partial_outputs).mkdir()
    (run.partial_outputs / ".adapted-q8_0.gguf.unchecked.partial-999999").write_bytes(b"\0" * 24)
    registry.set_state(run.id, JobState.FAILED, outcome="killed")
    cache = Path(os.environ["RUADAPT_HOME"]) / "models"
    cache.mkdir(exist_ok=True)
    dead = sleeper()
    dead.send_signal(signal.SIGKILL)
    dead.wait()
    (cache / f".m-abc-v1.partial-{dead.pid}").mkdir()
    cli("run", project, "--stage", "corpus")
    left = run.partial_outputs.exists() or (cache / f".m-abc-v1.partial-{dead.pid}").exists()
    return ACCEPTED if left else CLEAN


# ---- ordinary OS conditions ---------------------------------------------------------------------

def tmpfs(where: Path, size: str, *options: str) -> Path | None:
    where.mkdir(parents=True, exist_ok=True)
    opts = ",".join((f"size={size}", *options))
    if subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(where)], capture_output=True).returncode:
        return None
    MOUNTS.append(where)
    return where


MOUNTS: list[Path] = []


def hf_model(tmp: Path) -> Path:
    from tiny_models import make_tiny_hf_model

    return make_tiny_hf_model(tmp / "hf")


@case("os: disk full")
def disk_full_corpus(tmp):
    full = tmpfs(tmp / "full", "256k")
    if full is None:
        return SKIPPED
    project = small_project(tmp, text=("Москва стоит на реке.\n\n" * 40_000), project={"runs_dir": str(full)})
    return judged(cli("run", project, "--stage", "corpus"))


@case("os: disk full")
def disk_full_export(tmp):
    full = tmpfs(tmp / "full", "64k")
    if full is None:
        return SKIPPED
    out = cli("export", hf_model(tmp), full / "m.gguf", "--no-parity")
    return LOSS if [p for p in full.iterdir()] and out.returncode else judged(out)


@case("os: disk full")
def disk_full_import(tmp):
    from tiny_models import make_tiny_gguf

    home = tmpfs(tmp / "home", "1m")
    if home is None:
        return SKIPPED
    gguf = make_tiny_gguf(tmp / "m.gguf")
    project = small_project(tmp, models={"source": str(gguf)})
    env = {"RUADAPT_HOME": str(home)}
    cli("status", env=env)  # the registry exists; then the disk fills up, leaving less than the import needs
    with open(home / "filler", "wb") as fh:
        fh.write(b"\0" * max(0, shutil.disk_usage(home).free - 200 * 1024))
    return judged(cli("run", project, "--stage", "import", env=env))


@case("os: disk full")
def disk_full_registry(tmp):
    home = tmpfs(tmp / "home", "256k")
    if home is None:
        return SKIPPED
    project = small_project(tmp)
    env = {"RUADAPT_HOME": str(home)}
    with open(home / "filler", "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError:
            pass
    return judged(cli("run", project, "--stage", "corpus", env=env))


@case("os: folder / file")
def validate_a_folder(tmp):
    return judged(cli("validate", tmp))


@case("os: folder / file")
def runs_dir_is_a_file(tmp):
    project = small_project(tmp)
    (tmp / "runs-file").write_text("x")
    project.write_text(project.read_text().replace('runs_dir = "runs"', 'runs_dir = "runs-file"'))
    return judged(cli("run", project, "--stage", "corpus"))


@case("os: folder / file")
def export_to_an_existing_folder(tmp):
    (tmp / "out").mkdir()
    return judged(cli("export", hf_model(tmp), tmp / "out", "--no-parity"))


@case("os: read-only")
def export_to_a_read_only_place(tmp):
    ro = tmpfs(tmp / "ro", "1m", "ro")
    if ro is None:
        return SKIPPED
    out = cli("export", hf_model(tmp), ro / "m.gguf", "--no-parity")
    return judged(out) if "Read-only" in out.stderr or "read-only" in out.stderr or "Traceback" in out.stderr \
        else ACCEPTED


@case("settings")
def learning_rate_nan(tmp):
    project = small_project(tmp)
    project.write_text(project.read_text() + "\n")
    text = project.read_text().replace("learning_rate = 0.0002", "learning_rate = nan", 1)
    project.write_text(text)
    return judged(cli("validate", project))


@case("settings")
def status_into_a_closed_pipe(tmp):
    read, write = os.pipe()
    os.close(read)
    out = subprocess.run([sys.executable, "-m", "core.cli", "status"], stdout=write, stderr=subprocess.PIPE,
                         text=True, cwd=ROOT, timeout=120)
    os.close(write)
    return TRACEBACK if "Traceback" in out.stderr or "BrokenPipe" in out.stderr else CLEAN


@case("settings")
def run_failure_without_the_how_to_fix_line(tmp):
    project = small_project(tmp)
    (tmp / "ru.txt").write_bytes("Привет".encode("cp1251"))
    out = cli("run", project, "--stage", "corpus")
    return judged(out) if "How to fix" in out.stdout + out.stderr else ACCEPTED


@case("settings")
def export_over_an_existing_file(tmp):
    out = tmp / "m.gguf"
    out.write_bytes(b"earlier export")
    result = cli("export", hf_model(tmp), out, "--no-parity")
    return LOSS if out.read_bytes() != b"earlier export" else judged(result)


@case("settings")
def one_line_corpus_alone(tmp):
    project = small_project(tmp, text=("Москва стоит на реке. " * 200_000).strip() + "\n")
    from core.jobs.registry import Registry

    out = cli("run", project, "--stage", "corpus")
    result = next((r.run.result() for r in Registry().list() if r.stage == "corpus"), None) or {}
    split = result.get("train_ru_docs", 0) > 0 and result.get("heldout_ru_docs", 0) > 0
    return judged(out, refused=False) if split else TRACEBACK if "Traceback" in out.stderr else ACCEPTED


@case("settings")
def trust_remote_code_without_a_warning(tmp):
    project = small_project(tmp, models={"trust_remote_code": True})
    out = cli("validate", project)
    return CLEAN if "trust_remote_code" in out.stderr else ACCEPTED


@case("settings")
def lep_pair_of_different_widths_passes_validate(tmp):
    from tiny_models import make_tiny_hf_model

    wide, narrow = make_tiny_hf_model(tmp / "wide"), make_tiny_hf_model(tmp / "narrow", hidden=32)
    project = small_project(tmp, check_models=False, models={"source": str(wide), "instruct": str(narrow)},
                            lep={"enabled": True})
    return judged(cli("validate", project))


def main() -> int:
    global ANNOTATOR
    ANNOTATOR = supports("arena", "export")
    counts: dict[str, Counter] = defaultdict(Counter)
    detail = []
    for category, name, fn in CASES:
        with tempfile.TemporaryDirectory(prefix="probe-") as tmp:
            os.environ["RUADAPT_HOME"] = str(Path(tmp) / "ruadapt-home")
            work = Path(tmp) / "w"
            work.mkdir()
            try:
                outcome = fn(work)
            except Exception as exc:  # the probe's own setup broke on this checkout
                outcome = f"probe error: {type(exc).__name__}: {exc}"
            finally:
                while MOUNTS:
                    subprocess.run(["umount", str(MOUNTS.pop())], capture_output=True)
        counts[category][outcome] += 1
        detail.append((category, name, outcome))
        print(f"{category:<20} {name:<48} {outcome}", flush=True)
    kinds = (CLEAN, TRACEBACK, LOSS, ACCEPTED, SKIPPED)
    print(f"\n| Category | Cases | {' | '.join(kinds)} |\n|---|---:|{'---:|' * len(kinds)}")
    for category, c in counts.items():
        print(f"| {category} | {sum(c.values())} | {' | '.join(str(c[k]) for k in kinds)} |")
    total = sum(counts.values(), Counter())
    print(f"| all | {sum(total.values())} | {' | '.join(str(total[k]) for k in kinds)} |")
    Path(os.environ.get("PROBE_JSON", "/dev/null")).write_text(json.dumps(detail))
    return 0


ANNOTATOR = False

if __name__ == "__main__":
    sys.exit(main())
