"""The project's result pages (tabs beside the monitor): tokenizer, training plan, results."""
