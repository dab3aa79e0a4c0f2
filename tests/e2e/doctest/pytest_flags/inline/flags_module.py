"""A module whose docstring uses pytest's flags inline.

>>> 1/3  # doctest: +NUMBER
0.333
>>> 1/3  # doctest: +NUMBER
0.34
>>> [b'x', 'y']  # doctest: +ALLOW_BYTES, +ALLOW_UNICODE
['x', u'y']
>>> b'x'
'x'
"""
