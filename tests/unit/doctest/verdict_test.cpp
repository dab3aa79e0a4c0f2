// JudgeDoctest: verdicts, messages and diffs from a session's result.
#include "replay/doctest/verdict.h"

#include <catch2/catch.hpp>

using replay::JudgeDoctest;
using replay::PromptPolicy;
using replay::SessionOutcome;
using replay::Status;

namespace {

SessionOutcome Finished(const std::string& result) {
  SessionOutcome outcome;
  outcome.result = result;
  return outcome;
}

const char* kFindingOnly = R"json({"attempted": 2, "failed": 0, "reports": [],
  "findings": [{"kind": "unclosed-block", "line": 4, "example_line": 2, "at_end": false,
                "written": "0", "console": "..."}],
  "fixes": [{"line": 2, "written": [">>> for i in x:", "...     f(i)"],
             "console": [">>> for i in x:", "...     f(i)", "..."]}]})json";

const char* kFindingText = "text\n>>> for i in x:\n...     f(i)\n0\n";

}  // namespace

TEST_CASE("verdict: a failing example shows its source and a diff in file lines") {
  // Without the file's text: its source as written.
  auto verdict = JudgeDoctest("a.txt", Finished(R"({"attempted": 3, "failed": 1, "findings": [],
      "reports": [{"line": 10, "want_line": 12, "source": "for i in x:\n    f(i)\n",
                   "written": ">>> for i in x:\n...     f(i)\n", "want": "1\n2\n",
                   "got": "1\n3\n", "outcome": "failure", "exception": null, "update": null}]})"),
                              {}, PromptPolicy::kFail);
  CHECK(verdict.status == Status::kFailed);
  CHECK(verdict.mode == "doctest");
  CHECK(verdict.examples == 3);
  CHECK(verdict.failures == 1);
  CHECK(verdict.message == "a.txt:10: failed example (1 of 3 examples failed)");
  CHECK(verdict.diff ==
        "a.txt:10: failed example\n>>> for i in x:\n...     f(i)\n"
        "--- a.txt (expected)\n+++ a.txt (actual)\n@@ -12,2 +12,2 @@\n 1\n-2\n+3\n");
}

TEST_CASE("verdict: failing examples show the file's lines before them, numbered") {
  std::string text;
  for (int i = 1; i <= 9; ++i) text += "line " + std::to_string(i) + "\n";
  text += ">>> for i in x:\n...     f(i)\n1\n2\n\n>>> g()\n3\n";
  auto verdict = JudgeDoctest("a.txt", Finished(R"({"attempted": 3, "failed": 2, "findings": [],
      "reports": [{"line": 10, "want_line": 12, "source": "for i in x:\n    f(i)\n",
                   "written": ">>> for i in x:\n...     f(i)\n", "want": "1\n2\n",
                   "got": "1\n3\n", "outcome": "failure", "exception": null, "update": null},
                  {"line": 15, "want_line": 16, "source": "g()\n", "written": ">>> g()\n",
                   "want": "3\n", "got": "4\n", "outcome": "failure", "exception": null,
                   "update": null}]})"),
                              {}, PromptPolicy::kFail, text);
  CHECK(verdict.message == "a.txt:10: failed example (2 of 3 examples failed)");
  CHECK(verdict.diff ==
        "a.txt:10: failed example\n006 line 6\n007 line 7\n008 line 8\n009 line 9\n010 >>> for i "
        "in x:\n011 ...     f(i)\n"
        "--- a.txt (expected)\n+++ a.txt (actual)\n@@ -12,2 +12,2 @@\n 1\n-2\n+3\n"
        "a.txt:15: failed example\n011 ...     f(i)\n012 1\n013 2\n014 \n015 >>> g()\n"
        "--- a.txt (expected)\n+++ a.txt (actual)\n@@ -16 +16 @@\n-3\n+4\n");
}

TEST_CASE("verdict: an unexpected exception adds its traceback to the output") {
  auto verdict = JudgeDoctest("a.txt", Finished(R"({"attempted": 1, "failed": 1, "findings": [],
      "reports": [{"line": 1, "want_line": 2, "source": "f()\n", "written": ">>> f()\n",
                   "want": "", "got": "out\n", "outcome": "exception",
                   "exception": "Traceback (most recent call last):\nValueError: v\n", "update": null}]})"),
                              {}, PromptPolicy::kFail);
  CHECK(verdict.message == "a.txt:1: unexpected exception: ValueError: v (1 of 1 example failed)");
  CHECK(verdict.diff.find("@@ -1,0 +2,3 @@\n+out\n+Traceback") != std::string::npos);
}

TEST_CASE("verdict: prompt findings per policy") {
  auto fail = JudgeDoctest("b.md", Finished(kFindingOnly), {}, PromptPolicy::kFail, kFindingText);
  CHECK(fail.status == Status::kFailed);
  CHECK(fail.failures == 0);
  CHECK(fail.message ==
        "b.md:4: prompt [unclosed-block]: a console still shows `... ` here: the block of the "
        "example at line 2 needs an empty `...` line before this (2 examples passed, 1 prompt "
        "finding)");
  CHECK(fail.diff ==
        "b.md:4: prompt [unclosed-block]: a console still shows `... ` here: the block of the "
        "example at line 2 needs an empty `...` line before this\n"
        "--- b.md (as written)\n+++ b.md (as a console prompts)\n"
        "@@ -2,3 +2,4 @@\n >>> for i in x:\n ...     f(i)\n+...\n 0\n");
  auto warn = JudgeDoctest("b.md", Finished(kFindingOnly), {}, PromptPolicy::kWarn, kFindingText);
  CHECK(warn.status == Status::kPassed);
  CHECK(warn.message.find("b.md:4: warning: prompt [unclosed-block]") == 0);
  CHECK(warn.diff == fail.diff);
  auto off = JudgeDoctest("b.md", Finished(kFindingOnly), {}, PromptPolicy::kOff, kFindingText);
  CHECK(off.status == Status::kPassed);
  CHECK(off.message.empty());
  CHECK(off.diff.empty());
}

TEST_CASE("verdict: errors name the line") {
  auto refused = JudgeDoctest(
      "c.rst", Finished(R"({"error": {"line": 7, "message": "line 7 of the docstring ..."}})"), {},
      PromptPolicy::kFail);
  CHECK(refused.status == Status::kError);
  CHECK(refused.message == "c.rst:7: line 7 of the docstring ...");

  SessionOutcome timed_out;
  timed_out.end = SessionOutcome::End::kTimedOut;
  timed_out.line = 12;
  replay::IsolationOptions options;
  options.timeout_s = 5;
  auto verdict = JudgeDoctest("c.rst", timed_out, options, PromptPolicy::kFail);
  CHECK(verdict.status == Status::kError);
  CHECK(verdict.message == "c.rst:12: timed out after 5 s at line 12");

  for (const char* unreadable : {"", "[1]", R"({"attempted": "x"})"}) {
    auto bad = JudgeDoctest("c.rst", Finished(unreadable), {}, PromptPolicy::kFail);
    CHECK(bad.status == Status::kError);
  }
}

TEST_CASE("verdict: a file doctest attempts no example of is skipped: no examples") {
  auto verdict = JudgeDoctest(
      "e.md", Finished(R"({"attempted": 0, "failed": 0, "reports": [], "findings": []})"), {},
      PromptPolicy::kFail);
  CHECK(verdict.status == Status::kSkipped);
  CHECK(verdict.message == "e.md: no examples");
  CHECK(verdict.line == 0);
}

TEST_CASE("verdict: a failure names its line, for annotations and JUnit") {
  auto verdict = JudgeDoctest("a.txt", Finished(kFindingOnly), {}, PromptPolicy::kFail);
  CHECK(verdict.line == 4);
}
