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

}  // namespace replay
