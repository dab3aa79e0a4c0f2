#include "pycon/python_session.h"

#include <Python.h>
#include <dlfcn.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "pycon/py_ref.h"
#include "pycon/python_error.h"

namespace pycon {

namespace {

void ThrowIfFailed(PyStatus status, PyConfig* config) {
  if (PyStatus_Exception(status)) {
    std::string message = status.err_msg != nullptr ? status.err_msg : "unknown error";
    if (config != nullptr) PyConfig_Clear(config);
    throw std::runtime_error("cannot start Python: " + message);
  }
}

/// The file of the loaded libpython, symlinks resolved; empty if libpython
/// is not a shared library of its own.
std::filesystem::path LoadedLibpython() {
  // Py_GetVersion() returns a buffer of libpython's own (it may be called
  // before Python is initialised). A function's address would not do: in a
  // program built without -fPIE it is the program's PLT entry.
  Dl_info info{};
  if (dladdr(Py_GetVersion(), &info) == 0 || info.dli_fname == nullptr) return {};
  std::error_code error;
  std::filesystem::path library = std::filesystem::canonical(info.dli_fname, error);
  if (error || library.filename().string().rfind("libpython", 0) != 0) return {};
  return library;
}

}  // namespace

std::string LinkedPythonExecutable() {
  std::filesystem::path library = LoadedLibpython();
  if (library.empty()) return {};
  const std::string name = "python3." + std::to_string(PY_MINOR_VERSION);
  for (std::filesystem::path dir = library.parent_path(); dir != dir.root_path();
       dir = dir.parent_path()) {
    std::filesystem::path candidate = dir / "bin" / name;
    std::error_code error;
    if (std::filesystem::is_regular_file(candidate, error) &&
        access(candidate.c_str(), X_OK) == 0) {
      return candidate.string();
    }
  }
  return {};
}

PythonSession::PythonSession(const SessionOptions& options) : finalize_(options.finalize) {
  if (Py_IsInitialized()) {
    if (!options.adopt_running) throw std::logic_error("Python is already initialised");
    options.adopt_running();
    owns_ = false;
  } else {
    Start(options);
  }
  for (const std::string& module : options.preload) {
    Check(PyImport_ImportModule(module.c_str()), "importing " + module);
  }
  for (const std::string& module : options.preload_if_present) {
    PyRef imported = PyRef::Steal(PyImport_ImportModule(module.c_str()));
    if (!imported) PyErr_Clear();
  }
  if (options.create_ast_types) {
    // builtins.compile() checks whether its source is an ast.AST, which
    // creates the types; Py_CompileString() would not.
    PyRef builtins = Check(PyImport_ImportModule("builtins"), "importing builtins");
    Check(PyObject_CallMethod(builtins.get(), "compile", "sss", "", "<replay>", "exec"),
          "creating the ast types");
  }
}

void PythonSession::Start(const SessionOptions& options) {
  PyConfig config;
  PyConfig_InitPythonConfig(&config);
  config.parse_argv = 0;
  config.buffered_stdio = 0;
  config.install_signal_handlers = options.install_signal_handlers ? 1 : 0;
  std::string executable =
      options.executable.empty() ? LinkedPythonExecutable() : options.executable;
  if (!executable.empty()) {
    ThrowIfFailed(PyConfig_SetBytesString(&config, &config.program_name, executable.c_str()),
                  &config);
    ThrowIfFailed(PyConfig_SetBytesString(&config, &config.executable, executable.c_str()),
                  &config);
  }
  std::vector<char*> argv;
  for (const std::string& arg : options.argv) argv.push_back(const_cast<char*>(arg.c_str()));
  ThrowIfFailed(PyConfig_SetBytesArgv(&config, static_cast<Py_ssize_t>(argv.size()), argv.data()),
                &config);
  ThrowIfFailed(Py_InitializeFromConfig(&config), &config);
  PyConfig_Clear(&config);
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

bool PythonRunning() { return Py_IsInitialized() != 0; }

std::string PythonVersion() {
  std::string version = Py_GetVersion();
  return version.substr(0, version.find(' '));
}

std::string PythonBuild() {
  std::string build;
  for (const char* c = Py_GetVersion(); *c != '\0'; ++c) {
    if (std::isspace(static_cast<unsigned char>(*c)) == 0) {
      build += *c;
    } else if (!build.empty() && build.back() != ' ') {
      build += ' ';
    }
  }
  if (!build.empty() && build.back() == ' ') build.pop_back();
  return build;
}

}  // namespace pycon
