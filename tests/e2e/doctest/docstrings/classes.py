class Shape:
    """A class docstring.

    >>> Shape(3).area()
    9
    >>> print(Shape(2))
    Shape of side 2
    """

    def __init__(self, side):
        self.side = side

    def area(self):
        """A method docstring, eight spaces deep.

            >>> Shape(4).area()
            16
            >>> [Shape(n).area() for n in range(3)]
            [0, 1, 4]
        """
        return self.side * self.side

    def __str__(self):
        return "Shape of side %d" % self.side

    class Inner:
        r'''A raw docstring of a nested class.

        >>> print("back\\slash")
        back\slash
        >>> Shape.Inner.path()
        'C:\\temp'
        '''

        @staticmethod
        def path():
            return "C:\\temp"
