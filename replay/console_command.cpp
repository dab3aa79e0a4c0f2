#include "console_command.h"

#include <iostream>

#include "interactive_console.h"
#include "python_error.h"
#include "python_session.h"

namespace replay {

int ConsoleCommand(const ConsoleCommandOptions& options) {
  pycon::SessionOptions session_options;
  session_options.executable = options.python_executable;
  session_options.install_signal_handlers = true;
  pycon::PythonSession python(session_options);
  // As code.interact does without a readfunc: line editing where available.
  pycon::PyRef readline = pycon::PyRef::Steal(PyImport_ImportModule("readline"));
  if (!readline) PyErr_Clear();
  pycon::ConsoleOptions console_options;
  console_options.local_exit = true;
  pycon::InteractiveConsole console(console_options);
  try {
    console.Interact(options.quiet ? std::optional<std::string>("") : std::nullopt, std::nullopt);
  } catch (const pycon::SystemExitError& exit) {
    std::cerr << exit.ExitMessage();
    pycon::PyRef code = exit.code();
    return PyLong_Check(code.get()) ? static_cast<int>(PyLong_AsLong(code.get()))
           : code.get() == Py_None  ? 0
                                    : 1;
  }
  return 0;
}

}  // namespace replay
