#include "replay/console/verdict.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "replay/console/result.h"

using replay::ComparableActual;
using replay::ConsoleResult;
using replay::IsolationOptions;
using replay::JudgeConsole;
using replay::SessionOutcome;
using replay::Status;
using replay::Substitution;
using replay::TranscriptVerdict;

namespace {

/// A session that ran to its end, showed `output` and entered `statements`
/// statements, with `substitutions` reported.
SessionOutcome Finished(std::string output, int statements = 1,
                        std::vector<Substitution> substitutions = {}) {
  ConsoleResult result;
  result.inputs = statements;
  result.statements = statements;
  result.substitutions = std::move(substitutions);
  SessionOutcome outcome;
  outcome.end = SessionOutcome::End::kFinished;
  outcome.output = std::move(output);
  outcome.result = result.ToJson();
  outcome.duration_s = 0.25;
  return outcome;
}

/// Numbered lines "line 1\n" .. "line n\n".
std::string NumberedLines(int n) {
  std::string text;
  for (int k = 1; k <= n; ++k) text += "line " + std::to_string(k) + "\n";
  return text;
}

/// The N of the diff's "[... N more bytes of actual output not shown]"; -1
/// if it has none.
long long BytesNotShown(const std::string& diff) {
  size_t at = diff.find("[... ");
  if (at == std::string::npos) return -1;
  if (diff.find(" more bytes of actual output not shown]\n", at) == std::string::npos) return -1;
  return std::atoll(diff.c_str() + at + 5);
}

}  // namespace

TEST_CASE("a console transcript passes when the session shows exactly its text") {
  std::string expected = ">>> 1 + 1\n2\n>>> x = 3\n";
  TranscriptVerdict verdict = JudgeConsole("t.pycon", expected, Finished(expected, 2), {});
  CHECK(verdict.status == Status::kPassed);
  CHECK(verdict.path == "t.pycon");
  CHECK(verdict.mode == "console");
  CHECK(verdict.examples == 2);
  CHECK(verdict.failures == 0);
  CHECK(verdict.message.empty());
  CHECK(verdict.diff.empty());
  CHECK(verdict.duration_s == 0.25);
}

TEST_CASE("a console transcript fails at its first differing line, with a hunk per change") {
  std::string expected = NumberedLines(20);
  std::string actual = expected;
  actual.replace(actual.find("line 3\n"), 7, "LINE 3\n");
  actual.replace(actual.find("line 17\n"), 8, "LINE 17\n");
  TranscriptVerdict verdict = JudgeConsole("dir/t.pycon", expected, Finished(actual), {});
  CHECK(verdict.status == Status::kFailed);
  CHECK(verdict.message == "dir/t.pycon:3: the console shows something else from this line on");
  CHECK(verdict.failures == 2);
  CHECK(verdict.examples == 1);
  CHECK(verdict.diff.find("--- dir/t.pycon (expected)\n+++ dir/t.pycon (actual)\n") == 0);
  CHECK(verdict.diff.find("-line 3\n+LINE 3\n") != std::string::npos);
  CHECK(verdict.diff.find("-line 17\n+LINE 17\n") != std::string::npos);
}

TEST_CASE("output that stops short fails at the line after the last one shown") {
  std::string expected = ">>> print(1)\n1\n>>> print(2)\n2\n";
  TranscriptVerdict verdict = JudgeConsole("t.pycon", expected, Finished(">>> print(1)\n1\n"), {});
  CHECK(verdict.status == Status::kFailed);
  CHECK(verdict.message == "t.pycon:3: the console shows something else from this line on");
  CHECK(verdict.failures == 1);
}

TEST_CASE("a transcript file without a final newline still passes") {
  std::string expected = ">>> 1\n1";
  TranscriptVerdict verdict = JudgeConsole("t.pycon", expected, Finished(">>> 1\n1\n"), {});
  CHECK(verdict.status == Status::kPassed);
  CHECK(ComparableActual(expected, Finished(">>> 1\n1\n")) == expected);
  // Only the missing newline is forgiven: a differing text keeps the file's
  // ending, so the diff shows only the difference and --update keeps it.
  CHECK(ComparableActual(expected, Finished(">>> 1\n2\n")) == ">>> 1\n2");
  CHECK(JudgeConsole("t.pycon", expected, Finished(">>> 1\n2\n"), {}).status == Status::kFailed);
  // And a final newline the file has must be shown.
  CHECK(JudgeConsole("t.pycon", ">>> 1\n1\n", Finished(">>> 1\n1"), {}).status == Status::kFailed);
}

TEST_CASE("a session that did not finish is an error naming its line, with the diff so far") {
  IsolationOptions options;
  options.timeout_s = 2;
  std::string expected = ">>> import time\n>>> time.sleep(10)\n>>> print('done')\ndone\n";
  SessionOutcome outcome;
  outcome.end = SessionOutcome::End::kTimedOut;
  outcome.line = 2;
  outcome.output = ">>> import time\n>>> time.sleep(10)\n";
  outcome.duration_s = 2.01;
  TranscriptVerdict verdict = JudgeConsole("slow.pycon", expected, outcome, options);
  CHECK(verdict.status == Status::kError);
  CHECK(verdict.message == "slow.pycon:2: timed out after 2 s at line 2");
  CHECK(verdict.duration_s == 2.01);
  CHECK(verdict.diff.find("--- slow.pycon (expected)\n+++ slow.pycon (actual)\n") == 0);
  CHECK(verdict.diff.find("->>> print('done')\n-done\n") != std::string::npos);
}

TEST_CASE("a session that could not start is an error without a line") {
  SessionOutcome outcome;
  outcome.end = SessionOutcome::End::kNotStarted;
  outcome.error = "fork: Resource temporarily unavailable";
  TranscriptVerdict verdict = JudgeConsole("t.pycon", ">>> 1\n1\n", outcome, {});
  CHECK(verdict.status == Status::kError);
  CHECK(verdict.message == "t.pycon: could not run: fork: Resource temporarily unavailable");
}

TEST_CASE("a flood of output is cut in the diff, which says how much it left out") {
  std::string expected = ">>> print('x' * 1000000)\nx\n";
  SECTION("one long line, in a finished session") {
    std::string actual = ">>> print('x' * 1000000)\n" + std::string(1000000, 'x') + "\n";
    TranscriptVerdict verdict = JudgeConsole("t.pycon", expected, Finished(actual), {});
    CHECK(verdict.status == Status::kFailed);
    CHECK(verdict.diff.size() < 64 * 1024);
    long long not_shown = BytesNotShown(verdict.diff);
    CHECK(not_shown > static_cast<long long>(actual.size()) - 64 * 1024);
    CHECK(not_shown < static_cast<long long>(actual.size()));
    CHECK(verdict.diff.size() + static_cast<size_t>(not_shown) >= actual.size());
  }
  SECTION("many lines, in a session stopped at the output limit") {
    std::string actual = ">>> print('x' * 1000000)\n";
    for (int k = 0; k < 100000; ++k) actual += "y\n";
    SessionOutcome outcome;
    outcome.end = SessionOutcome::End::kOutputLimit;
    outcome.output = actual;
    TranscriptVerdict verdict = JudgeConsole("t.pycon", expected, outcome, {});
    CHECK(verdict.status == Status::kError);
    CHECK(verdict.diff.size() < 64 * 1024);
    long long not_shown = BytesNotShown(verdict.diff);
    CHECK(not_shown > static_cast<long long>(actual.size()) - 64 * 1024);
    CHECK(not_shown < static_cast<long long>(actual.size()));
  }
  SECTION("output just a little longer is shown whole") {
    std::string actual = ">>> print('x' * 1000000)\nx\nextra\n";
    TranscriptVerdict verdict = JudgeConsole("t.pycon", expected, Finished(actual), {});
    CHECK(verdict.status == Status::kFailed);
    CHECK(BytesNotShown(verdict.diff) == -1);
    CHECK(verdict.diff.find("+extra\n") != std::string::npos);
  }
}

TEST_CASE("a diff longer than max_output is cut at a line end, what is left out said") {
  std::string expected = ">>> 1\n" + NumberedLines(20000);  // 229 KB
  IsolationOptions options;
  options.max_output = 64 * 1024;
  TranscriptVerdict verdict = JudgeConsole("t.pycon", expected, Finished(">>> 1\n1\n"), options);
  CHECK(verdict.status == Status::kFailed);
  std::string note = "more bytes of the diff not shown (--max-output)]\n";
  REQUIRE(verdict.diff.size() > note.size());
  CHECK(verdict.diff.size() <= options.max_output + 100);
  CHECK(verdict.diff.compare(verdict.diff.size() - note.size(), note.size(), note) == 0);
  size_t cut = verdict.diff.rfind("[... ");
  CHECK(verdict.diff[cut - 1] == '\n');
  // What is left out: the rest of every expected line ('-' first) and "+1".
  CHECK(std::stoul(verdict.diff.substr(cut + 5)) > expected.size() - options.max_output);
  IsolationOptions roomy;  // the whole diff begins with the cut one
  TranscriptVerdict full = JudgeConsole("t.pycon", expected, Finished(">>> 1\n1\n"), roomy);
  CHECK(full.diff.find("not shown") == std::string::npos);
  CHECK(full.diff.compare(0, cut, verdict.diff, 0, cut) == 0);
}

TEST_CASE("the substitutions a session reports are put in place before comparing") {
  std::string expected = ">>> object()\n<object object at 0x7f00>\n";
  std::string output = ">>> object()\n<object object at 0x55aa11>\n";
  size_t offset = std::string(">>> object()\n").size();
  SessionOutcome outcome =
      Finished(output, 1, {{offset, output.size() - offset, "<object object at 0x7f00>\n"}});
  CHECK(ComparableActual(expected, outcome) == expected);
  TranscriptVerdict verdict = JudgeConsole("t.pycon", expected, outcome, {});
  CHECK(verdict.status == Status::kPassed);
  // Without them, the address differs.
  CHECK(JudgeConsole("t.pycon", expected, Finished(output), {}).status == Status::kFailed);
}

TEST_CASE("an unreadable session result is an error, and the output is compared as it is") {
  SessionOutcome outcome = Finished(">>> 1\n1\n");
  SECTION("not JSON") { outcome.result = "not json"; }
  SECTION("JSON without the keys") { outcome.result = "{}"; }
  TranscriptVerdict verdict = JudgeConsole("t.pycon", ">>> 1\n1\n", outcome, {});
  CHECK(verdict.status == Status::kError);
  CHECK(verdict.message.find("t.pycon: the console session's result is unreadable: ") == 0);
  CHECK(ComparableActual(">>> 1\n1\n", outcome) == ">>> 1\n1\n");
}

TEST_CASE("an empty transcript, or one that enters nothing, is skipped: no examples") {
  for (const char* expected : {"", ">>> \n"}) {
    TranscriptVerdict verdict = JudgeConsole("e.pycon", expected, Finished(expected, 0), {});
    CHECK(verdict.status == Status::kSkipped);
    CHECK(verdict.message == "e.pycon: no examples");
  }
}
