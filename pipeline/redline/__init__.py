"""The redline engine: two .docx in, the new one with native Word tracked changes out.

Entry point: :func:`pipeline.redline.api.redline_bytes`; user documentation in ``docs/redline.md``.
"""
