"""`ruadapt arena …`: prepare blind annotation sessions, hand out copies, merge them, see the results."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from core.arena.prompts import load_prompts
from core.arena.session import Session, SessionError
from core.cli_progress import follow
from core.inference.llama_session import SamplingParams
from core.jobs.launch import launch_detached
from core.jobs.registry import Registry
from core.jobs.rundir import RunDir
from core.jobs.states import JobState

EXIT_DONE, EXIT_FAILED = 0, 1


def start_generation(session_path: Path, n_ctx: int = 2048, threads: int = 0,
                     params: SamplingParams = SamplingParams(max_tokens=512)) -> RunDir:
    """The answer-generation job of a session, in `<session>.runs/` (resumable: only missing answers)."""
    from dataclasses import asdict

    from core.stages.plan import create_run

    registry = Registry()
    run = create_run(session_path.with_name(session_path.name + ".runs"), "answers", "core.arena.generate:run",
                     {"session": str(session_path.resolve()), "n_ctx": n_ctx, "threads": threads,
                      "params": asdict(params)}, registry, project=str(session_path.resolve()))
    launch_detached(run.path)
    return run


def generate_missing(session_path: Path, n_ctx: int = 2048, threads: int = 0) -> RunDir:
    """Start (or resume) the job that writes the answers still missing, with the session's own settings
    (`ruadapt arena generate`, and the studio's Generate button)."""
    session = Session.open(session_path)
    try:
        if not session.is_owner:
            raise SessionError("an annotator's copy cannot generate answers", where=str(session_path),
                               fix="open the owner's session file")
        settings = json.loads(session.meta("settings"))
        seed = int(session.meta("seed"))
    finally:
        session.close()
    params = SamplingParams(max_tokens=settings["max_tokens"], temperature=settings["temperature"], seed=seed)
    return start_generation(Path(session_path), n_ctx, threads, params)


def _follow(run: RunDir) -> int:
    state = follow(run, Registry(), "answers")
    return {JobState.DONE: EXIT_DONE, JobState.CANCELLED: 130}.get(state, EXIT_FAILED)


def cmd_prepare(args: argparse.Namespace) -> int:
    prompt_set = load_prompts(args.prompts)
    for problem in prompt_set.problems:
        print(f"skipped: {problem}")
    models = {}
    for spec in args.model:
        name, sep, path = spec.partition("=")
        if not sep or not name or not Path(path).is_file():
            raise SessionError(f"--model {spec!r}: expected NAME=PATH to an existing .gguf file",
                               fix="e.g. --model original=original-q8_0.gguf")
        models[name] = str(Path(path).resolve())
    params = SamplingParams(max_tokens=args.max_tokens, temperature=args.temperature, seed=args.seed)
    session = Session.create(args.output, prompt_set.prompts, models,
                             {"max_tokens": args.max_tokens, "temperature": args.temperature}, seed=args.seed)
    session.close()
    print(f"session {args.output}: {len(prompt_set.prompts)} prompts × {len(models)} models")
    return _follow(start_generation(Path(args.output), args.n_ctx, args.threads, params))


def cmd_generate(args: argparse.Namespace) -> int:
    return _follow(generate_missing(Path(args.session), args.n_ctx, args.threads))


def cmd_export(args: argparse.Namespace) -> int:
    session = Session.open(args.session)
    try:
        missing = session.missing_answers()
        if missing:
            raise SessionError(f"{len(missing)} answers are still missing", where=args.session,
                               fix=f"run `ruadapt arena generate {args.session}` first")
        path = session.export_annotator_copy(args.output, args.annotator, force=args.force)
    finally:
        session.close()
    print(f"wrote {path}: a blind copy for {args.annotator.strip()} (no model names, token counts or timings)")
    return EXIT_DONE


def cmd_merge(args: argparse.Namespace) -> int:
    session = Session.open(args.session)
    try:
        for path, n in session.merge(args.copies).items():
            print(f"merged {n} votes from {path}")
    finally:
        session.close()
    return EXIT_DONE


def cmd_results(args: argparse.Namespace) -> int:
    from core.arena.results import export, session_results, to_markdown

    session = Session.open(args.session)
    try:
        results = session_results(session, rounds=args.rounds)
    finally:
        session.close()
    print(to_markdown(results), end="")
    if args.output:
        for path in export(results, Path(args.output)):
            print(f"wrote {path}")
    return EXIT_DONE


def register(sub) -> None:
    arena = sub.add_parser("arena", help="blind side-by-side annotation sessions and arena ratings")
    arena_sub = arena.add_subparsers(required=True, metavar="ACTION")
    prepare = arena_sub.add_parser("prepare", help="create a session and generate its answers")
    prepare.add_argument("prompts", help=".txt (one per line), .jsonl or .csv prompt file")
    prepare.add_argument("-m", "--model", action="append", required=True, help="NAME=PATH.gguf (two or more)")
    prepare.add_argument("-o", "--output", required=True, help="the session file to create (.sqlite)")
    prepare.add_argument("--max-tokens", type=int, default=512)
    prepare.add_argument("--temperature", type=float, default=0.0)
    prepare.add_argument("--seed", type=int, default=0)
    prepare.add_argument("--n-ctx", type=int, default=2048)
    prepare.add_argument("--threads", type=int, default=0)
    prepare.set_defaults(func=cmd_prepare)
    generate = arena_sub.add_parser("generate", help="generate the answers still missing (resume)")
    generate.add_argument("session")
    generate.add_argument("--n-ctx", type=int, default=2048)
    generate.add_argument("--threads", type=int, default=0)
    generate.set_defaults(func=cmd_generate)
    exp = arena_sub.add_parser("export", help="write a blind copy of the session for an annotator")
    exp.add_argument("session")
    exp.add_argument("output")
    exp.add_argument("-a", "--annotator", required=True,
                     help="who the copy is for: only this annotator's votes are merged back from it")
    exp.add_argument("--force", action="store_true",
                     help="replace an existing file (never the owner's session, which is always refused)")
    exp.set_defaults(func=cmd_export)
    merge = arena_sub.add_parser("merge", help="merge annotators' copies into the owner's session")
    merge.add_argument("session")
    merge.add_argument("copies", nargs="+")
    merge.set_defaults(func=cmd_merge)
    results = arena_sub.add_parser("results", help="leaderboard, pairs and agreement (owner's session)")
    results.add_argument("session")
    results.add_argument("-o", "--output", help="also write OUTPUT.json, .csv and .md")
    results.add_argument("--rounds", type=int, default=200, help="bootstrap rounds")
    results.set_defaults(func=cmd_results)
