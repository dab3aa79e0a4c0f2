// Live state of a run, for a progress display.
#pragma once

#include <string>

namespace replay {

struct RunProgress {
  size_t done = 0;
  size_t total = 0;
  size_t running = 0;
  std::string slowest_running;  ///< name of the session running longest
  double slowest_elapsed_s = 0;
};

}  // namespace replay
