"""A draft into a Word report: the template context, the docxtpl render and what is checked after it."""
