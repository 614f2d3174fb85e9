"""Adaptation training: stage 1 (embeddings + LM head) and stage 2 (LoRA), resumable and distributed."""
