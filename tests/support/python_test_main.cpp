// Catch2 main for tests that need Python: one interpreter for the whole
// test process, started as replay starts it (sys.executable: the python
// executable of the loaded libpython's installation).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "pycon/python_session.h"

int main(int argc, char** argv) {
  pycon::PythonSession python;
  return Catch::Session().run(argc, argv);
}
