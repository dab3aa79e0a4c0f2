"""A docstring doctest's parser refuses."""


def f():
    """
        >>> 1 +
      ... 1
    """
