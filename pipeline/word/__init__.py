"""Word packages and the house style: safe package I/O, the report template generator, house-style
documents and tables, PDF previews."""
