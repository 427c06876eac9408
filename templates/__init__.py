"""House styles shipped with briefgen: TOML templates and the files they name."""
