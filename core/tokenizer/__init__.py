"""Tokenizer lab: train Russian tokenizers that replace, extend or optimise a source vocabulary."""
