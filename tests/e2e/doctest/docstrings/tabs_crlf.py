def tabbed(n):
	"""Indented with a tab, lines ending in CRLF.

	>>> tabbed(2)
	[0, 1]
	>>> tabbed(0)
	[]
	"""
	return list(range(n))
