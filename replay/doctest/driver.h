// The Python half of doctest mode, embedded in the binary.
#pragma once

namespace replay {

/// The source of replay/doctest/driver.py, which runs one file with the
/// linked Python's doctest module (DocTestParser, DocTestRunner) and records
/// what it reports. Generated at build time (embed_python,
/// replay/CMakeLists.txt).
extern const char* const kDoctestDriverSource;

}  // namespace replay
