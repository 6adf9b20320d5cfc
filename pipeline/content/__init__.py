"""Content in: YAML with positions, the reader, the content model, loading and validation, the workspace
and its configuration."""
