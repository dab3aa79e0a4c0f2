# coverage.py in the forked children (replay/commands/child_coverage.h).
# Defines requested() (in the runner, before any child) and start() and
# save() (in a child, around its session). A child leaves with _exit, so it
# never runs the atexit handler that saves coverage data: each child
# measures with its own Coverage and data file suffix and saves before it
# leaves; `coverage combine` (or pytest-cov) joins the files.

def _running():
    """The Coverage measuring this process, or None."""
    import sys
    module = sys.modules.get('coverage')
    current = getattr(getattr(module, 'Coverage', None), 'current', None)
    return current() if current is not None else None

def requested():
    """Whether the children should measure: the runner is measured (coverage
    run -m replay, a .pth or sitecustomize calling coverage.process_startup,
    pytest-cov's .pth), or COVERAGE_PROCESS_START or pytest-cov's
    COV_CORE_DATAFILE asks for it. Returns '' (no), 'measure', or why a
    request cannot be met (coverage cannot be imported)."""
    import os, sys
    running = _running()
    if running is not None:
        # The runner's own data holds none of the examples' lines: no
        # "No data was collected" from it.
        running._warn_no_data = False
        return 'measure'
    variable = ('COVERAGE_PROCESS_START' if os.environ.get('COVERAGE_PROCESS_START') else
                'COV_CORE_DATAFILE' if os.environ.get('COV_CORE_DATAFILE') else None)
    if variable is None:
        return ''
    import importlib.util
    if importlib.util.find_spec('coverage') is None:
        return ('%s is set but Python %s (%s) cannot import coverage: the examples are not '
                'measured' % (variable, sys.version.split()[0], sys.executable))
    import coverage  # once, here, rather than in each child
    return 'measure'

# replay's own programs that run in a child, compiled with these names: a
# relative name would be taken for a file of the measured directory.
_OWN_PROGRAMS = ['replay/console/run_setup.py', 'replay/doctest/driver.py',
                 'replay/doctest/recording_runner.py', 'replay/doctest/sphinx_rst.py',
                 'replay/doctest/sphinx_builder.py']

def _prepared(cov):
    """`cov`, quiet (warnings would go to the session's output, which is
    compared) and not measuring replay's own programs."""
    cov._warn_no_data = False
    cov._warn_unimported_source = False
    cov._warn_preimported_source = False
    omit = cov.get_option('run:omit') or []
    cov.set_option('run:omit', list(omit) + ['*/' + name for name in _OWN_PROGRAMS])
    return cov

def _pytest_cov():
    """A Coverage as pytest-cov's start-up hook (pytest_cov.embed.init())
    makes it from the COV_CORE_* variables, not started."""
    import coverage, os
    source = os.environ.get('COV_CORE_SOURCE') or os.pathsep
    config = os.environ.get('COV_CORE_CONFIG') or os.pathsep
    return coverage.Coverage(
        source=None if source in os.pathsep else source.split(os.pathsep),
        branch=True if os.environ.get('COV_CORE_BRANCH') == 'enabled' else None,
        data_suffix=True, config_file=True if config == os.pathsep else config,
        data_file=os.environ['COV_CORE_DATAFILE'])

def start():
    """Starts this child's Coverage; returns it."""
    import copy, os
    import coverage
    running = _running()
    if running is not None:
        # The runner's settings (source, include, branch, data file), with
        # this process's own data file suffix; the inherited measurement,
        # never saved here, is paused by this one.
        cov = coverage.Coverage(data_suffix=True, config_file=False)
        cov.config = copy.deepcopy(running.config)
        cov.config.data_file = os.path.abspath(cov.config.data_file)
    elif os.environ.get('COVERAGE_PROCESS_START'):
        cov = coverage.Coverage(config_file=os.environ['COVERAGE_PROCESS_START'],
                                data_suffix=True)
    else:
        cov = _pytest_cov()
    _prepared(cov).start()
    context = os.environ.get('COV_CORE_CONTEXT')
    if context and running is None and not os.environ.get('COVERAGE_PROCESS_START'):
        cov.switch_context(context)
    return cov

def save(cov):
    """Stops `cov` and writes its data file."""
    cov.stop()
    cov.save()
