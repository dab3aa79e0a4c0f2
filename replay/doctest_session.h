// Doctest mode: running a documentation file's examples in a child.
#pragma once

#include <string>
#include <vector>

#include "isolated_runner.h"

namespace replay {

/// How a doctest file runs.
struct DoctestOptions {
  /// doctest option flags given with --option (e.g. "ELLIPSIS", "FAIL_FAST",
  /// "REPORT_NDIFF"), applied as doctest.testfile(optionflags=...) does.
  std::vector<std::string> option_flags;
};

/// A session that runs the examples of doctest file `path` (whose text is
/// `text`) as doctest.testfile(path, module_relative=False) of the linked
/// Python does — markdown files through their fenced blocks — and checks
/// each example's prompts against the console core. Its result is the JSON
/// document JudgeDoctest reads.
Session DoctestSession(std::string path, std::string text, DoctestOptions options);

}  // namespace replay
