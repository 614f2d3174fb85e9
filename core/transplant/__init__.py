"""Vocabulary transplant: give a pretrained model the embeddings of a new tokenizer."""
