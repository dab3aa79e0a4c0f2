// Doctest mode in the child: a documentation file's examples run by the
// linked Python's doctest, their prompts checked by the console core.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "replay/doctest/result.h"
#include "replay/runner/session.h"
#include "replay/text/transcript_text.h"

namespace replay {

/// How a doctest file runs.
struct DoctestOptions {
  /// doctest option flags given with --option (e.g. "ELLIPSIS", "FAIL_FAST",
  /// or pytest's "NUMBER"), applied as doctest.testfile(optionflags=...) does.
  std::vector<std::string> option_flags;
  SetupFile setup;  ///< run in the examples' namespace before the first example
  /// FILE:LINE: only the example that starts at or contains this line is
  /// checked (those before it run unchecked, those after it not at all); a
  /// file with no example there is refused. 0: every example.
  int line = 0;
  /// Check the examples' prompts against the console core (findings in the
  /// result); false (--prompts off): no findings, and no cost.
  bool check_prompts = true;
  /// The text is a Markdown document's sphinx.ext.doctest blocks
  /// (DoctestInput::sphinx), run as Sphinx's doctest builder runs them.
  bool sphinx_markdown = false;
};

/// A session that runs the examples of doctest file `path` (as read: `file`)
/// as doctest.testfile(path, module_relative=False) of the linked Python
/// does — markdown files through their fenced blocks — and checks each
/// example's prompts against the console core. Its result is a
/// DoctestResult (ToJson).
Session DoctestSession(std::string path, const TranscriptText& file, DoctestOptions options);

/// The names of the linked Python's doctest option flags
/// (doctest.OPTIONFLAGS_BY_NAME), of pytest's (ALLOW_BYTES, ALLOW_UNICODE,
/// NUMBER) and replay's TOP_LEVEL_AWAIT (top-level `await` in examples, as
/// in `python -m asyncio`), sorted. Imports doctest.
std::vector<std::string> DoctestOptionFlagNames();

/// Whether a console that was given `source` (its buffered lines joined by
/// "\n") waits for more input: the core's codeop check (CompileCommand)
/// finds it incomplete. A code object or an error (a SyntaxError, ...) means
/// the console shows `>>> ` next.
bool ConsoleWaitsForMore(const std::string& source);

/// Runs doctest text `text` (DoctestText) of file `path` in this process
/// with the linked Python's doctest (through replay/doctest/driver.py), after
/// checking the prompts of its examples if options.check_prompts says so
/// (warnings silenced meanwhile).
/// `on_example(line)` is called as each example starts. A file doctest
/// refuses gives a result with a refusal. Throws pycon::PythonError if the
/// driver itself fails.
DoctestResult RunDoctest(const std::string& path, const std::string& text,
                         const DoctestOptions& options, const std::function<void(int)>& on_example);

}  // namespace replay
