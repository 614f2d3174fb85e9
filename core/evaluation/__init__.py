"""Measurements that compare models across tokenizers: token efficiency and bits per character."""
