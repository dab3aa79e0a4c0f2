#include "python_session.h"

#include <Python.h>
#include <unistd.h>

#include <stdexcept>

#include "py_ref.h"
#include "python_error.h"

namespace pycon {

namespace {

void ThrowIfFailed(PyStatus status, PyConfig* config) {
  if (PyStatus_Exception(status)) {
    std::string message = status.err_msg != nullptr ? status.err_msg : "unknown error";
    if (config != nullptr) PyConfig_Clear(config);
    throw std::runtime_error("cannot start Python: " + message);
  }
}

}  // namespace

PythonSession::PythonSession(const SessionOptions& options) : finalize_(options.finalize) {
  if (Py_IsInitialized()) throw std::logic_error("Python is already initialised");
  PyConfig config;
  PyConfig_InitPythonConfig(&config);
  config.parse_argv = 0;
  config.buffered_stdio = 0;
  config.install_signal_handlers = options.install_signal_handlers ? 1 : 0;
  if (!options.executable.empty()) {
    ThrowIfFailed(
        PyConfig_SetBytesString(&config, &config.program_name, options.executable.c_str()),
        &config);
    ThrowIfFailed(PyConfig_SetBytesString(&config, &config.executable, options.executable.c_str()),
                  &config);
  }
  std::vector<char*> argv;
  for (const std::string& arg : options.argv) argv.push_back(const_cast<char*>(arg.c_str()));
  ThrowIfFailed(PyConfig_SetBytesArgv(&config, static_cast<Py_ssize_t>(argv.size()), argv.data()),
                &config);
  ThrowIfFailed(Py_InitializeFromConfig(&config), &config);
  PyConfig_Clear(&config);
  for (const std::string& module : options.preload) {
    Check(PyImport_ImportModule(module.c_str()), "importing " + module);
  }
}

PythonSession::PythonSession(PythonSession&& other) noexcept
    : owns_(other.owns_), finalize_(other.finalize_) {
  other.owns_ = false;
}

PythonSession::~PythonSession() {
  if (owns_ && finalize_ && Py_IsInitialized()) Py_FinalizeEx();
}

int PythonSession::Fork() {
  PyOS_BeforeFork();
  pid_t pid = fork();
  if (pid == 0) {
    PyOS_AfterFork_Child();
  } else {
    PyOS_AfterFork_Parent();
  }
  return pid;
}

std::string PythonVersion() {
  std::string version = Py_GetVersion();
  return version.substr(0, version.find(' '));
}

}  // namespace pycon
