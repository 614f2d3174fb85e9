"""LEP end to end in memory: the adapted instruct model and its tokenizer from the four pieces."""

from __future__ import annotations

from core.lep.added_tokens import added_token_rows, set_token_ids, take_instruct_tokens
from core.lep.propagate import LepReport, propagate
from core.transplant.piece_map import build_piece_map


def compose_instruct(instruct, instruct_tok, base, adapted, new_tok, *, mode: str = "conversion",
                     lora_scale: float = 0.0, max_rows: int = 0, seed: int = 0, device: str = "cpu") -> LepReport:
    """`instruct` becomes (in place) the adapted instruct model and `new_tok` (the adapted base's
    tokenizer, in place) its tokenizer: the instruct model's added tokens, special tokens, chat
    template and generation ids, over the new vocabulary."""
    # The map covers the adapted base's vocabulary; tokens appended below come from the instruct model.
    piece_map = build_piece_map(new_tok.backend_tokenizer, instruct_tok.backend_tokenizer)
    appended = take_instruct_tokens(new_tok, instruct_tok)
    report = propagate(instruct, base, adapted, piece_map, added_token_rows(new_tok, instruct_tok),
                       vocab_size=len(new_tok), mode=mode, lora_scale=lora_scale, max_rows=max_rows, seed=seed,
                       device=device, appended=len(appended))
    set_token_ids(instruct, new_tok, instruct_tok)
    return report
