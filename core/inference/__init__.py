"""Local inference with llama.cpp: each model in its own worker process, streamed over JSON lines."""
