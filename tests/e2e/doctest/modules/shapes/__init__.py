"""A package: its modules import each other relatively.

>>> SIDES
4
"""
SIDES = 4
