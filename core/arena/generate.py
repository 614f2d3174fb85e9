"""The job that writes a session's answers ahead of time, one model at a time, each answer committed
as soon as it exists (a killed job resumes with the answers still missing)."""

from __future__ import annotations

from core.arena.session import Session
from core.inference.client import ChatWorker
from core.inference.llama_session import SamplingParams
from core.jobs.context import StageContext


def run(ctx: StageContext) -> dict:
    cfg = ctx.settings
    session = Session.open(cfg["session"])
    try:
        missing = session.missing_answers()
        total, prompts, models = len(missing), dict(session.prompts()), session.models()
        params = SamplingParams(**cfg["params"])
        done = 0
        for model_id in sorted({m for _, m in missing}):
            name, path = models[model_id]
            ctx.log(f"generating with {name}")
            with ChatWorker(path, n_ctx=cfg["n_ctx"], threads=cfg["threads"]) as worker:
                for prompt_id in [p for p, m in missing if m == model_id]:
                    ctx.progress(done, total, "answers", f"{name}: prompt {prompt_id}")
                    answer = worker.generate(messages=[{"role": "user", "content": prompts[prompt_id]}],
                                             params=params)
                    stats = answer["stats"]
                    session.add_answer(prompt_id, model_id, answer["text"], stats["completion_tokens"],
                                       stats["ttft_s"] + stats["decode_s"])
                    done += 1
        ctx.progress(total, total, "answers")
        summary = f"{total} answers written ({len(prompts)} prompts × {len(models)} models in all)"
        ctx.log(summary)
        return {"session": cfg["session"], "generated": total, "summary": summary}
    finally:
        session.close()
