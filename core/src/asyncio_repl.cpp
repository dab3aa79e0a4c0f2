// The REPL of `python -m asyncio` (Lib/asyncio/__main__.py): its namespace,
// and its main block's way of running the console.
#include "c_api.h"
#include "code_py.h"
#include "pycon/interactive_console.h"
#include "pycon/python_error.h"

namespace pycon {

namespace {

/// What asyncio/__main__.py's main block and its REPLThread do with the
/// console once it is made (3.8 to 3.12, and 3.13 with PYTHON_BASIC_REPL):
/// the console reads in a daemon thread while this thread runs the event
/// loop, which runs the code; the loop stops when the console ends. What
/// the console's thread raised (the line source's failure) is raised here.
/// 3.13's main then writes its exit message and exits with the code exit()
/// left. Ctrl-C (a KeyboardInterrupt of the loop) cancels the running task,
/// as there.
constexpr const char* kRunSource = R"(
import sys
import threading
import warnings

def run(console, main, banner, exitmsg):
    loop = console.loop
    failures = []
    from_313 = hasattr(main.REPLThread, 'interrupt')

    class REPLThread(threading.Thread):
        def run(self):
            try:
                console.interact(banner=banner, exitmsg=exitmsg)
            except BaseException as exc:
                failures.append(exc)
            finally:
                warnings.filterwarnings(
                    'ignore',
                    message=r'^coroutine .* was never awaited$',
                    category=RuntimeWarning)
                loop.call_soon_threadsafe(loop.stop)

    if from_313:
        main.return_code = 0
        thread = REPLThread(name="Interactive thread")
    else:
        thread = REPLThread()
    thread.daemon = True
    thread.start()
    while True:
        try:
            loop.run_forever()
        except KeyboardInterrupt:
            task = getattr(main, 'repl_future', None)
            if task and not task.done():
                task.cancel()
                if not from_313:
                    main.repl_future_interrupted = True
            if from_313:
                main.keyboard_interrupted = True
            continue
        else:
            break
    if failures:
        raise failures[0]
    if from_313:
        console.write('exiting asyncio REPL...\n')
        sys.exit(main.return_code)
)";

}  // namespace

PyRef AsyncioReplLocals() {
  PyRef main = internal::Import("asyncio.__main__");
  PyRef locals = Check(PyDict_New(), "namespace");
  if (PyDict_SetItemString(locals.get(), "asyncio", internal::Import("asyncio").get()) != 0 ||
      PyDict_SetItemString(locals.get(), "__name__", MakeStr("__main__").get()) != 0 ||
      PyDict_SetItemString(locals.get(), "__builtins__", internal::Import("builtins").get()) != 0) {
    ThrowPythonError("namespace");
  }
  for (const char* name : {"__package__", "__loader__", "__spec__", "__file__"}) {
    if (PyDict_SetItemString(locals.get(), name, internal::Attr(main.get(), name).get()) != 0) {
      ThrowPythonError("namespace");
    }
  }
  return locals;
}

void InteractiveConsole::InteractAsAsyncioRepl(const std::optional<std::string>& banner,
                                               const std::optional<std::string>& exitmsg) {
  PyRef globals = Check(PyDict_New(), "namespace");
  if (PyDict_SetItemString(globals.get(), "__builtins__", PyEval_GetBuiltins()) != 0 ||
      PyDict_SetItemString(globals.get(), "__name__", MakeStr("asyncio_repl").get()) != 0) {
    ThrowPythonError("namespace");
  }
  Check(PyRun_String(kRunSource, Py_file_input, globals.get(), globals.get()), "asyncio REPL");
  PyObject* run = PyDict_GetItemString(globals.get(), "run");
  PyRef main = internal::Import("asyncio.__main__");
  PyRef banner_text = banner ? MakeStr(*banner) : MakeStr("");
  PyRef exit_text = exitmsg ? MakeStr(*exitmsg) : MakeStr("exiting asyncio REPL...");
  code_py_->Run(
      [&] {
        return PyObject_CallFunctionObjArgs(run, code_py_->self(), main.get(), banner_text.get(),
                                            exit_text.get(), nullptr);
      },
      "the asyncio REPL");
}

}  // namespace pycon
