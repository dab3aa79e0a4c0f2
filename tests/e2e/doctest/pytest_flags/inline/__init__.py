"""A package, so that a directory search takes its modules.

>>> (b'x', u'y', 1/3)  # doctest: +ALLOW_BYTES, +ALLOW_UNICODE, +NUMBER
('x', 'y', 0.333)
"""
