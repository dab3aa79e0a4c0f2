"""Raises while it is imported.

>>> 1
1
"""
raise RuntimeError('cannot import this module')
