"""Learned Embedding Propagation: carry a vocabulary adaptation from a base model to its instruct model."""
