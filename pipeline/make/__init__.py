"""The make-like build: units → stale targets → outputs, incremental, parallel, atomic."""
