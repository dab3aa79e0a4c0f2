// The Python half of doctest mode, embedded in the binary.
#pragma once

namespace replay {

/// The source of replay/doctest/driver.py, which runs one file with the
/// linked Python's doctest module (DocTestParser, DocTestRunner) and records
/// what it reports. Generated at build time (embed_python,
/// replay/CMakeLists.txt).
extern const char* const kDoctestDriverSource;

/// The source of replay/doctest/recording_runner.py: how examples' lines are
/// read and the DocTestRunner recording its reports, run before the driver
/// in its namespace.
extern const char* const kDoctestRecordingRunnerSource;

/// The sources of replay/doctest/sphinx_rst.py (a reST file read as Sphinx's
/// doctest builder reads it, conf.py's doctest settings) and
/// sphinx_builder.py (its groups run as that builder runs them; the
/// driver's make_file_run), run after the driver in its namespace.
extern const char* const kDoctestSphinxRstSource;
extern const char* const kDoctestSphinxBuilderSource;

}  // namespace replay
