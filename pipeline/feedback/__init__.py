"""Departments' feedback on each draft: files, checks, ledger, and Word comments in the redline.

The public API (used by ``shuzhi feedback`` and by the build) lives in :mod:`pipeline.feedback.api`.
"""
