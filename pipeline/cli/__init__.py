"""The command line: thin click commands over the stages (one module a command family, imported only when run)."""
