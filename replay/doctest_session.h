// Doctest mode: running a documentation file's examples in a child.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "isolated_runner.h"
#include "transcript_text.h"

namespace replay {

/// How a doctest file runs.
struct DoctestOptions {
  /// doctest option flags given with --option (e.g. "ELLIPSIS", "FAIL_FAST",
  /// "REPORT_NDIFF"), applied as doctest.testfile(optionflags=...) does.
  std::vector<std::string> option_flags;
};

/// A session that runs the examples of doctest file `path` (as read:
/// `file`) as doctest.testfile(path, module_relative=False) of the linked
/// Python does — markdown files through their fenced blocks — and checks
/// each example's prompts against the console core. Its result is the JSON
/// document JudgeDoctest reads (see RunDoctest).
Session DoctestSession(std::string path, const TranscriptText& file, DoctestOptions options);

/// The text doctest reads for file `path` whose decoded text is `text`: line
/// ends made "\n" as Python's universal newlines make them ("\r\n" and a lone
/// "\r"); for `*.md` files, MarkdownToDoctest of that. `bom` says the file
/// starts with a UTF-8 byte order mark: testfile's open(encoding='utf-8')
/// keeps it as U+FEFF at the start of the first line, and so does this
/// (except for markdown).
std::string DoctestText(std::string_view path, std::string_view text, bool bom);

/// Whether a console that was given `source` (its buffered lines joined by
/// "\n") waits for more input: the core's codeop check (CompileCommand)
/// finds it incomplete. A code object or an error (a SyntaxError, ...) means
/// the console shows `>>> ` next.
bool ConsoleWaitsForMore(const std::string& source);

/// Runs doctest text `text` of file `path` in this process with the linked
/// Python's doctest (through replay/doctest_driver.py), after checking the
/// prompts of its examples (warnings silenced meanwhile). `on_example(line)`
/// is called as each example starts. Returns the JSON document
///
///     {"attempted": N, "failed": N,          doctest's TestResults
///      "reports": [{"line", "want_line", "source", "written", "want", "got",
///                   "outcome": "success" | "failure" | "exception",
///                   "exception": traceback or null}],
///      "findings": [{"kind", "line", "example_line", "at_end", "written",
///                    "console", "description"}]}
///
/// or {"error": {"line": N, "message": "..."}} for a file doctest refuses
/// (its parser's ValueError, an unknown option flag). Throws
/// pycon::PythonError if the driver itself fails.
std::string RunDoctest(const std::string& path, const std::string& text,
                       const DoctestOptions& options, const std::function<void(int)>& on_example);

}  // namespace replay
