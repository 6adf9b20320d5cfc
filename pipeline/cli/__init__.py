"""The command line: thin click commands over the stages (a module per command family, imported only
when it runs)."""
