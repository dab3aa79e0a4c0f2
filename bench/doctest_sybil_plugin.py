"""The pytest plugin by which bench/doctest_bench.py runs Sybil (Debian's
python3-sybil): its doctest parser, doctest's default option flags, over the
*.txt and *.rst files pytest is given.

    PYTHONPATH=bench:/usr/lib/python3/dist-packages python -m pytest -p doctest_sybil_plugin ...
"""
from sybil import Sybil
from sybil.parsers.doctest import DocTestParser

pytest_collect_file = Sybil(parsers=[DocTestParser()], patterns=['*.txt', '*.rst'],
                            path='/').pytest()
