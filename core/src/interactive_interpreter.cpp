#include "pycon/interactive_interpreter.h"

#include "c_api.h"
#include "code_py.h"
#include "pycon/python_error.h"

namespace pycon {

using internal::FetchException;
using internal::Import;
using internal::PendingException;

std::optional<PyRef> CompileCommand(std::string_view source, std::string_view filename,
                                    std::string_view symbol) {
  PyRef codeop = Import("codeop");
  PyRef compile_command = internal::Attr(codeop.get(), "compile_command");
  PyRef result =
      Check(PyObject_CallFunction(compile_command.get(), "s#s#s#", source.data(),
                                  static_cast<Py_ssize_t>(source.size()), filename.data(),
                                  static_cast<Py_ssize_t>(filename.size()), symbol.data(),
                                  static_cast<Py_ssize_t>(symbol.size())),
            "compile_command");
  if (result.get() == Py_None) return std::nullopt;
  return result;
}

InteractiveInterpreter::InteractiveInterpreter(PyRef locals)
    : InteractiveInterpreter(std::move(locals), false) {}

InteractiveInterpreter::InteractiveInterpreter(PyRef locals, bool asyncio)
    : locals_(std::move(locals)) {
  if (!locals_) {
    locals_ = Check(PyDict_New(), "creating the namespace");
    if (PyDict_SetItemString(locals_.get(), "__name__", MakeStr("__console__").get()) != 0 ||
        PyDict_SetItemString(locals_.get(), "__doc__", Py_None) != 0) {
      ThrowPythonError("creating the namespace");
    }
  }
  code_py_ = std::make_unique<internal::CodePy>(locals_, asyncio);
}

InteractiveInterpreter::~InteractiveInterpreter() = default;
InteractiveInterpreter::InteractiveInterpreter(InteractiveInterpreter&& other) noexcept = default;
InteractiveInterpreter& InteractiveInterpreter::operator=(InteractiveInterpreter&& other) noexcept =
    default;

bool InteractiveInterpreter::RunSource(std::string_view source, std::string_view filename,
                                       std::string_view symbol) {
  PyRef args = Check(Py_BuildValue("(NNN)", MakeStr(source).release(), MakeStr(filename).release(),
                                   MakeStr(symbol).release()),
                     "arguments");
  PyRef more = code_py_->Call("runsource", args.get());
  return PyObject_IsTrue(more.get()) == 1;
}

void InteractiveInterpreter::RunCode(PyObject* code) {
  PyRef args = Check(Py_BuildValue("(O)", code), "arguments");
  code_py_->Call("runcode", args.get());
}

void InteractiveInterpreter::ShowSyntaxError(std::string_view filename, std::string_view source) {
  PendingException error = FetchException();
  if (error.type)
    internal::ShowSyntaxError(code_py_->AsConsole(), std::move(error), filename, source);
}

void InteractiveInterpreter::ShowTraceback() {
  PendingException error = FetchException();
  if (error.type) internal::ShowTraceback(code_py_->AsConsole(), std::move(error));
}

void InteractiveInterpreter::Write(std::string_view data) {
  internal::WriteToStderr(MakeStr(data).get());
}

}  // namespace pycon
