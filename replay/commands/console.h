// `replay console`: the core as an interactive console.
#pragma once

#include <string>

namespace replay {

struct ConsoleCommandOptions {
  bool quiet = false;  ///< no banner (python -m code -q)
  std::string python;  ///< executable to run as (ChoosePython; empty: the linked one)
};

/// Runs code.interact(banner, local_exit=True) with the core: banner and
/// exit message as code.interact prints them, line editing and history from
/// the readline module when it can be imported, Ctrl-C raising
/// KeyboardInterrupt, exit() ending the console. Returns the exit status.
int ConsoleCommand(const ConsoleCommandOptions& options);

}  // namespace replay
