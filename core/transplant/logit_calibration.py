"""Calibrating the new tokens' logits right after the transplant (an output-side init).

A new token built as the mean of its pieces gets about the mean of its pieces' logits, and 4,000 of them
together take far more probability than new tokens really have: on the default project's training text
they took 0.91 of the mass where 0.70 of the targets were new tokens. One shift `delta` of every new
token's logit fixes the total: it is solved so the mass the model puts on new tokens equals their share
of the targets, on training text (never the held-out text).

A model without an LM-head bias (and with tied embeddings, as SmolLM2) has no place for a per-token
offset, so the shift goes into the rows: the final hidden states h share a dominant direction mu (their
mean; |mu| is close to |h| in SmolLM2), and adding delta·mu/|mu|² to a row adds about delta to its logit
at every position. With tied embeddings the input side moves by the same small vector (|delta|/|mu|).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

# A shift larger than this means the data say something odd (a text of almost no new tokens): clamp.
MAX_SHIFT = 20.0


@dataclass(frozen=True)
class LogitCalibration:
    shift: float          # delta, added to every new token's logit (via the mean hidden direction)
    target_share: float   # share of the text's tokens that are new tokens
    mass_before: float    # mean probability the model put on new tokens before
    mass_after: float     # … and after
    positions: int

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@torch.no_grad()
def _hidden_and_logsumexp(model, ids: list[int], start_id: int, new: torch.Tensor, window: int):
    """Final hidden states (the LM head's input) for every predicted position, the log-sum-exp of the
    old and the new rows' logits there, and the targets."""
    captured = []
    hook = model.get_output_embeddings().register_forward_hook(lambda m, inp, out: captured.append(inp[0][0]))
    hidden, old_lse, new_lse, targets = [], [], [], []
    try:
        for start in range(0, len(ids), window):
            inputs = torch.tensor([[start_id, *ids[start:start + window]]], device=new.device)
            logits = model(input_ids=inputs).logits[0, :-1].float()
            hidden.append(captured.pop()[:-1].float())
            old_lse.append(torch.logsumexp(logits[:, ~new], dim=1))
            new_lse.append(torch.logsumexp(logits[:, new], dim=1))
            targets.append(inputs[0, 1:])
    finally:
        hook.remove()
    return torch.cat(hidden), torch.cat(old_lse), torch.cat(new_lse), torch.cat(targets)


def solve_shift(gap: torch.Tensor, share: float) -> float:
    """The delta with mean(sigmoid(gap + delta)) = share (gap = log-sum-exp of the new rows minus the old
    ones at each position), by bisection: the mass grows monotonically with delta."""
    low, high = -MAX_SHIFT, MAX_SHIFT
    for _ in range(60):
        mid = (low + high) / 2
        if torch.sigmoid(gap + mid).mean().item() < share:
            low = mid
        else:
            high = mid
    return (low + high) / 2


@torch.no_grad()
def calibrate_new_logits(model, tokenizer, new_rows: torch.Tensor, text: str, window: int = 256) -> LogitCalibration:
    """Shift the LM-head rows of `new_rows` (a bool mask over the model's rows: the new tokens) so the
    model's mass on new tokens matches their share of `text` (training text). Changes `model` in place."""
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    if not ids:
        raise ValueError("cannot calibrate on an empty text")
    head = model.get_output_embeddings().weight
    new = new_rows.to(head.device)
    start_id = tokenizer.bos_token_id if tokenizer.bos_token_id is not None else tokenizer.eos_token_id
    hidden, old_lse, new_lse, targets = _hidden_and_logsumexp(model, ids, start_id, new, window)
    share = new[targets].float().mean().item()
    mass_before = torch.sigmoid(new_lse - old_lse).mean().item()
    # A text with no new token at all (or only new ones) would ask for an infinite shift: leave it.
    if not 0.0 < share < 1.0:
        return LogitCalibration(0.0, share, mass_before, mass_before, len(targets))
    shift = solve_shift(new_lse - old_lse, share)
    mu = hidden.mean(0)
    head[new] += (shift * mu / mu.dot(mu)).to(head.dtype)
    # The realised shift at each position is delta·(1 + r·mu/|mu|²) for h = mu + r: measure the mass after.
    realised = shift * (1 + (hidden - mu) @ mu / mu.dot(mu))
    mass_after = torch.sigmoid(new_lse - old_lse + realised).mean().item()
    return LogitCalibration(shift, share, mass_before, mass_after, len(targets))


def new_token_rows(new_tokenizer, source_tokenizer, rows: int) -> torch.Tensor:
    """True for the rows of tokens the source vocabulary lacks (the transplant built them from pieces);
    copied tokens, wherever their id, and padding rows are False."""
    source = source_tokenizer.get_vocab()
    mask = torch.zeros(rows, dtype=torch.bool)
    for token, i in new_tokenizer.get_vocab().items():
        if i < rows and token not in source:
            mask[i] = True
    return mask

