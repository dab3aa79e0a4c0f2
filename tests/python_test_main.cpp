// Catch2 main for tests that need Python: one interpreter for the whole
// test process, started as replay starts it.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "python_session.h"

int main(int argc, char** argv) {
  pycon::SessionOptions options;
  options.executable = REPLAY_PYTHON_EXECUTABLE;
  pycon::PythonSession python(options);
  return Catch::Session().run(argc, argv);
}
