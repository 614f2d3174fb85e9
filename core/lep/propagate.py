"""Building the adapted instruct model: inner layers from the original instruct model, embeddings from
the adapted base projected by P, the rows of every added token of the new tokenizer (chat markers
included) from the instruct model, and optionally the adapted base's stage-2 update (adapted −
original base) added to the instruct model's layers with a scale. Which rows are the instruct
model's, and the tokenizer and ids that go with them, is `core.lep.added_tokens`'s job."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from core.errors import ModelError
from core.lep.modes import MODES
from core.lep.projection import fit_projection, project, relative_residual
from core.transplant.piece_map import PieceMap


@dataclass(frozen=True)
class LepReport:
    mode: str
    fit_rows: int
    residual_input: float   # relative fit error ‖XP − Y‖/‖Y‖ on sampled rows (0 for swap)
    residual_head: float | None
    added_copied: int       # rows of added tokens (chat markers…) taken from the instruct model
    added_appended: int     # instruct tokens the new tokenizer lacked, appended to it
    layers_delta_merged: int
    tied: bool

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def check_pair(base_config, instruct_config, base_vocab: int, instruct_vocab: int) -> None:
    """Base and instruct must be the same network: same architecture, widths and vocabulary."""
    facts = [("architecture", base_config.model_type, instruct_config.model_type),
             ("hidden size", base_config.hidden_size, instruct_config.hidden_size),
             ("layers", base_config.num_hidden_layers, instruct_config.num_hidden_layers),
             ("vocabulary", base_vocab, instruct_vocab)]
    for what, b, i in facts:
        if b != i:
            raise ModelError(f"the base and instruct models differ in {what}: {b} vs {i}",
                             where="[models] base / instruct",
                             fix="LEP needs an instruct model fine-tuned from that very base model")


def _rows_for_fit(mode: str, piece_map: PieceMap, base: torch.Tensor, instruct: torch.Tensor):
    """(X, Y): the rows P is fitted on, for `overlap` and `conversion`."""
    if mode == "overlap":  # the tokens both vocabularies share, at their old ids
        old_ids = torch.tensor(sorted(_copied_old_ids(piece_map).values()))
        return base[old_ids], instruct[old_ids]
    # conversion: both old matrices expressed in the new vocabulary through the same piece map
    return piece_map.apply(base), piece_map.apply(instruct)


def _fit_and_project(mode, piece_map, base, instruct, adapted, max_rows, seed, device):
    if mode == "swap":
        return adapted.clone(), 0.0, 0
    x, y = _rows_for_fit(mode, piece_map, base, instruct)
    p = fit_projection(x, y, max_rows=max_rows, seed=seed, device=device)
    return (project(adapted, p, device=device), relative_residual(x, y, p, seed),
            min(x.shape[0], max_rows or x.shape[0]))


@torch.no_grad()
def propagate(instruct_model, base_model, adapted_model, piece_map: PieceMap, instruct_rows: dict[int, int],
              vocab_size: int = 0, mode: str = "conversion", lora_scale: float = 0.0, max_rows: int = 0,
              seed: int = 0, device: str = "cpu", appended: int = 0) -> LepReport:
    """Turn `instruct_model` (in place) into the adapted instruct model for the new vocabulary of
    `vocab_size` rows (at least the adapted model's); `instruct_rows` (new id → instruct id) are copied
    from the instruct model, and must cover every row past the adapted model's. The projection's
    products run on `device`."""
    if mode not in MODES:
        raise ModelError(f"unknown LEP mode {mode!r}", fix=f"use one of: {', '.join(MODES)}")
    check_pair(base_model.config, instruct_model.config, base_model.get_input_embeddings().weight.shape[0],
               instruct_model.get_input_embeddings().weight.shape[0])
    tied = bool(getattr(instruct_model.config, "tie_word_embeddings", False))
    sides = [("input", lambda m: m.get_input_embeddings().weight)]
    if not tied:
        sides.append(("head", lambda m: m.get_output_embeddings().weight))
    adapted_rows = adapted_model.get_input_embeddings().weight.shape[0]
    vocab_size = max(vocab_size, adapted_rows)
    if missing := set(range(adapted_rows, vocab_size)) - set(instruct_rows):
        raise ValueError(f"rows {sorted(missing)[:5]} are past the adapted model's {adapted_rows} and not "
                         "the instruct model's")
    new_rows, residuals, fit_rows = {}, {}, 0
    for side, get in sides:
        projected, residuals[side], fit_rows = _fit_and_project(
            mode, piece_map, get(base_model), get(instruct_model), get(adapted_model), max_rows, seed, device)
        new_rows[side] = projected.new_zeros(vocab_size, projected.shape[1])
        new_rows[side][:adapted_rows] = projected
        for new_id, old_id in instruct_rows.items():  # chat markers keep the instruct model's vectors
            new_rows[side][new_id] = get(instruct_model)[old_id]
    instruct_model.resize_token_embeddings(vocab_size, mean_resizing=False)
    for side, get in sides:
        get(instruct_model).copy_(new_rows[side])
    merged = _merge_body_delta(instruct_model, base_model, adapted_model, lora_scale) if lora_scale else 0
    instruct_model.config.vocab_size = vocab_size
    return LepReport(mode, fit_rows, residuals["input"], residuals.get("head"), len(instruct_rows), appended,
                     merged, tied)


def _copied_old_ids(piece_map: PieceMap) -> dict[int, int]:
    """new id → old id for tokens present in both vocabularies."""
    new_ids, old_ids = piece_map.indices
    return {int(n): int(o) for n, o in zip(new_ids, old_ids) if piece_map.copied[n]}


def _merge_body_delta(instruct_model, base_model, adapted_model, scale: float) -> int:
    """instruct += scale · (adapted − base) for every inner weight stage 2 changed."""
    base, adapted = dict(base_model.named_parameters()), dict(adapted_model.named_parameters())
    embed_names = {n for n, p in instruct_model.named_parameters()
                   if p is instruct_model.get_input_embeddings().weight or
                   p is instruct_model.get_output_embeddings().weight}
    merged = 0
    for name, param in instruct_model.named_parameters():
        if name in embed_names or name not in base or name not in adapted:
            continue
        delta = adapted[name].to(torch.float64) - base[name].to(torch.float64)
        if torch.count_nonzero(delta):
            param.add_((scale * delta).to(param.dtype))
            merged += 1
    return merged
