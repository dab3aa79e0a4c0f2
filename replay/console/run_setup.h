// Console mode's setup program, embedded in the binary.
#pragma once

namespace replay {

/// The source of replay/console/run_setup.py, which runs a setup file in a
/// console's namespace with its output discarded. Generated at build time
/// (embed_python, replay/CMakeLists.txt).
extern const char* const kRunSetupSource;

}  // namespace replay
