"""A package for the examples of replay's docs."""
