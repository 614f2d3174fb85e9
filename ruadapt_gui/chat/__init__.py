"""The chat workspace: two or more GGUF models answer the same conversation side by side."""
