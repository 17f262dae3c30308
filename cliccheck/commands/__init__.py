"""One module per CLI subcommand; see ``cliccheck.cli.COMMANDS``."""
