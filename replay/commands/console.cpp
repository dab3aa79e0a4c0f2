#include "replay/commands/console.h"

#include <iostream>

#include "pycon/interactive_console.h"
#include "pycon/python_error.h"
#include "pycon/python_session.h"
#include "replay/commands/host_interpreter.h"

namespace replay {

int ConsoleCommand(const ConsoleCommandOptions& options) {
  pycon::SessionOptions session_options;
  session_options.install_signal_handlers = true;
  session_options.executable = options.python;
  AdoptAsIs(session_options);  // an interactive console keeps the host's handlers
  pycon::PythonSession python(session_options);
  try {
    pycon::Interact(options.quiet ? std::optional<std::string>("") : std::nullopt, {}, {},
                    std::nullopt, /*local_exit=*/true);
  } catch (const pycon::SystemExitError& exit) {
    std::cerr << exit.ExitMessage();
    return exit.ExitStatus();
  }
  return 0;
}

}  // namespace replay
