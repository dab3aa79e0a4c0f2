#include "replay/doctest/session.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "pycon/bridge.h"
#include "pycon/interactive_interpreter.h"
#include "replay/doctest/driver.h"
#include "replay/doctest/markdown.h"
#include "replay/doctest/prompts.h"
#include "replay/doctest/text.h"

namespace replay {

namespace {

using pycon::PyRef;

/// replay/doctest/recording_runner.py, driver.py, sphinx_rst.py and
/// sphinx_builder.py compiled. Compiled once,
/// in the process that forks the sessions (compiling imports nothing), and
/// kept for the life of the process: never released, as the interpreter may
/// be gone by then.
const std::vector<PyRef>& DriverCode() {
  static const std::vector<PyRef>* const code = new std::vector<PyRef>{
      pycon::Compile(kDoctestRecordingRunnerSource, "replay/doctest/recording_runner.py"),
      pycon::Compile(kDoctestDriverSource, "replay/doctest/driver.py"),
      pycon::Compile(kDoctestSphinxRstSource, "replay/doctest/sphinx_rst.py"),
      pycon::Compile(kDoctestSphinxBuilderSource, "replay/doctest/sphinx_builder.py")};
  return *code;
}

/// The driver's namespace, with replay/doctest/recording_runner.py, then
/// driver.py, run in it.
PyRef LoadDriver() {
  PyRef globals = pycon::NewNamespace("replay_doctest_driver");
  for (const PyRef& code : DriverCode()) pycon::Exec(code, globals, "loading the doctest driver");
  return globals;
}

/// Python's warnings ignored while it lives, the filters restored after
/// (warnings.catch_warnings): the prompt check compiles the examples, and
/// the warnings of that are no output of theirs.
class WarningsIgnored {
 public:
  WarningsIgnored() {
    PyRef warnings = pycon::Import("warnings");
    catcher_ = pycon::CallMethod(warnings, "catch_warnings", {}, "warnings.catch_warnings()");
    pycon::CallMethod(catcher_, "__enter__", {}, "catch_warnings.__enter__");
    pycon::CallMethod(warnings, "simplefilter", {pycon::MakeStr("ignore")},
                      "warnings.simplefilter('ignore')");
  }
  ~WarningsIgnored() {
    try {
      pycon::CallMethod(catcher_, "__exit__", {pycon::None(), pycon::None(), pycon::None()});
    } catch (const pycon::PythonError&) {
      // The filters stay as they are; the check is over either way.
    }
  }
  WarningsIgnored(const WarningsIgnored&) = delete;
  WarningsIgnored& operator=(const WarningsIgnored&) = delete;

 private:
  PyRef catcher_;
};

/// FileRun.examples: (line, indent, lines, next, after) for each example.
std::vector<WrittenExample> Examples(const PyRef& file_run) {
  std::vector<WrittenExample> examples;
  for (const PyRef& item : pycon::Items(pycon::GetAttr(file_run, "examples"))) {
    std::vector<PyRef> fields = pycon::Items(item);
    if (fields.size() != 5)
      throw std::runtime_error("the doctest driver: an example is no 5-tuple");
    WrittenExample example;
    example.line = static_cast<int>(pycon::ToLong(fields[0]));
    example.indent = static_cast<int>(pycon::ToLong(fields[1]));
    example.lines = pycon::Strs(fields[2]);
    if (!pycon::IsNone(fields[3])) example.next = pycon::Str(fields[3]);
    example.after = pycon::Strs(fields[4]);
    examples.push_back(std::move(example));
  }
  return examples;
}

}  // namespace

std::vector<std::string> DoctestOptionFlagNames() {
  PyRef flags = pycon::GetAttr(pycon::Import("doctest"), "OPTIONFLAGS_BY_NAME");
  std::vector<std::string> names = pycon::Strs(flags);
  // pytest's and replay's own (TOP_LEVEL_AWAIT), which the driver registers
  // in the child (never here: the process that forks the sessions keeps
  // doctest as the stdlib has it).
  for (const char* flag : {"ALLOW_BYTES", "ALLOW_UNICODE", "NUMBER", "TOP_LEVEL_AWAIT"})
    names.emplace_back(flag);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

bool ConsoleWaitsForMore(const std::string& source) {
  try {
    return !pycon::CompileCommand(source).has_value();
  } catch (const pycon::PythonError&) {
    return false;  // code.py shows the error; the statement is over
  }
}

namespace {

/// make_file_run(text, path, flags, ...) of the driver: the file parsed (as
/// Sphinx's doctest builder reads it, for a reST file using its directives),
/// sys.path first made as `python -m doctest` has it.
PyRef ParseFile(const std::string& path, const std::string& text, const DoctestOptions& options) {
  PyRef driver = LoadDriver();
  pycon::Call(pycon::GetItem(driver, "start_as_python_m_doctest"), {},
              "starting as python -m doctest");
  PyRef file_run_type = pycon::GetItem(driver, "make_file_run");
  return pycon::Call(
      file_run_type,
      {pycon::MakeStr(text), pycon::MakeStr(path), pycon::MakeStrList(options.option_flags),
       pycon::MakeStr(options.setup.path), pycon::MakeStr(options.setup.source),
       pycon::MakeInt(options.line), pycon::MakeInt(options.sphinx_markdown ? 1 : 0)},
      "parsing the doctest file");
}

/// The driver's JSON as a result; a driver that writes something else is a
/// failure of ours.
DoctestResult ReadDriverResult(const PyRef& json, const std::string& path) {
  Expected<DoctestResult> result = DoctestResult::FromJson(pycon::Str(json), path);
  if (!result) throw std::runtime_error(result.error().ToString());
  return std::move(*result);
}

}  // namespace

DoctestResult RunDoctest(const std::string& path, const std::string& text,
                         const DoctestOptions& options,
                         const std::function<void(int)>& on_example) {
  PyRef file_run = ParseFile(path, text, options);
  PyRef error = pycon::CallMethod(file_run, "error_json", {}, "FileRun.error_json");
  if (!pycon::IsNone(error)) return ReadDriverResult(error, path);

  // Before any example runs, so that nothing they do can change the check.
  std::vector<PromptFinding> findings;
  std::vector<PromptFix> fixes;
  if (options.check_prompts) {
    WarningsIgnored quiet;
    std::vector<WrittenExample> examples = Examples(file_run);
    // The fixes ask again what the check asked, and a file repeats examples:
    // each source is compiled once (compile_command depends on it alone).
    std::unordered_map<std::string, bool> known;
    WaitsForMore waits_for_more = [&known](const std::string& source) {
      auto found = known.find(source);
      if (found != known.end()) return found->second;
      bool more = ConsoleWaitsForMore(source);
      known.emplace(source, more);
      return more;
    };
    findings = CheckPrompts(examples, waits_for_more);
    if (!findings.empty()) fixes = FixPrompts(examples, waits_for_more);
  }
  PyRef hook = pycon::MakeFunction(
      "on_example",
      [&on_example](const std::vector<PyRef>& args) {
        if (args.size() != 1) throw std::invalid_argument("on_example takes one argument");
        int line = static_cast<int>(pycon::ToLong(args[0]));
        if (on_example) on_example(line);
        return PyRef();
      },
      "Tells replay which example starts (its 1-based line).");
  PyRef json = pycon::CallMethod(file_run, "run", {hook}, "running the doctest file");
  DoctestResult result = ReadDriverResult(json, path);
  result.findings = std::move(findings);
  result.fixes = std::move(fixes);
  return result;
}

Session DoctestSession(std::string path, const TranscriptText& file, DoctestOptions options) {
  DriverCode();  // here, not in every child
  DoctestInput input = DoctestText(path, file.text, file.bom);
  options.sphinx_markdown = input.sphinx;
  std::string name = path;
  return Session{std::move(name), [path = std::move(path), text = std::move(input.text),
                                   options = std::move(options)](const SessionHooks& hooks) {
                   return RunDoctest(path, text, options, hooks.on_line).ToJson();
                 }};
}

}  // namespace replay
