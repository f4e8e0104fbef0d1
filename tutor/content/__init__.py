"""The lesson model: loading the curriculum, rendering lesson text, and linting it."""
