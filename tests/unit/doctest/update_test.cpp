#include "replay/doctest/update.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>

using replay::DoctestResult;
using replay::ExampleOutcome;
using replay::ExampleReport;
using replay::UpdatedDoctestText;

namespace {

/// The report on an example at `line` whose expected output `want` starts
/// at `want_line` and that printed `got` instead (what --update writes).
ExampleReport Failing(int line, int want_line, std::string want, std::string got) {
  ExampleReport report;
  report.line = line;
  report.want_line = want_line;
  report.want = std::move(want);
  report.got = got;
  report.outcome = ExampleOutcome::kFailure;
  report.update = std::move(got);
  return report;
}

/// The report on an example that passed.
ExampleReport Passing(int line, int want_line, std::string want, std::string got) {
  ExampleReport report;
  report.line = line;
  report.want_line = want_line;
  report.want = std::move(want);
  report.got = std::move(got);
  report.outcome = ExampleOutcome::kSuccess;
  return report;
}

DoctestResult Reports(std::vector<ExampleReport> reports) {
  DoctestResult result;
  result.reports = std::move(reports);
  result.attempted = static_cast<int>(result.reports.size());
  for (const ExampleReport& report : result.reports) {
    if (report.outcome != ExampleOutcome::kSuccess) ++result.failed;
  }
  return result;
}

}  // namespace

TEST_CASE("a failing example's expected output is replaced by what it printed") {
  std::string text = "Intro.\n>>> 1 + 1\n3\n>>> 2\n2\n";
  std::optional<std::string> updated =
      UpdatedDoctestText(text, Reports({Failing(2, 3, "3\n", "2\n")}));
  REQUIRE(updated);
  CHECK(*updated == "Intro.\n>>> 1 + 1\n2\n>>> 2\n2\n");
}

TEST_CASE("new expected lines are indented as the example is") {
  std::string text = "Example::\n\n    >>> print('a\\nb')\n    x\n\nAfter.\n";
  std::optional<std::string> updated =
      UpdatedDoctestText(text, Reports({Failing(3, 4, "x\n", "a\nb\n")}));
  REQUIRE(updated);
  CHECK(*updated == "Example::\n\n    >>> print('a\\nb')\n    a\n    b\n\nAfter.\n");
}

TEST_CASE("blank lines: markers are indented, empty lines carry no indentation") {
  std::string text = "  >>> show()\n  old\n\nProse.\n";
  SECTION("<BLANKLINE> markers") {
    std::optional<std::string> updated =
        UpdatedDoctestText(text, Reports({Failing(1, 2, "old\n", "a\n<BLANKLINE>\nb\n")}));
    REQUIRE(updated);
    CHECK(*updated == "  >>> show()\n  a\n  <BLANKLINE>\n  b\n\nProse.\n");
  }
  SECTION("empty lines (DONT_ACCEPT_BLANKLINE)") {
    std::optional<std::string> updated =
        UpdatedDoctestText(text, Reports({Failing(1, 2, "old\n", "a\n\nb\n")}));
    REQUIRE(updated);
    CHECK(*updated == "  >>> show()\n  a\n\n  b\n\nProse.\n");
  }
}

TEST_CASE("several failing examples are all updated, line numbers as in the original text") {
  std::string text = ">>> f()\n1\n>>> g()\n2\n>>> h()\n3\n4\n";
  std::string want = ">>> f()\na\nb\nc\n>>> g()\n2\n>>> h()\nz\n";
  ExampleReport f = Failing(1, 2, "1\n", "a\nb\nc\n");
  ExampleReport g = Passing(3, 4, "2\n", "2\n");
  ExampleReport h = Failing(5, 6, "3\n4\n", "z\n");
  SECTION("reports in the order the examples ran") {
    std::optional<std::string> updated = UpdatedDoctestText(text, Reports({f, g, h}));
    REQUIRE(updated);
    CHECK(*updated == want);
  }
  SECTION("reports in any order") {
    std::optional<std::string> updated = UpdatedDoctestText(text, Reports({h, g, f}));
    REQUIRE(updated);
    CHECK(*updated == want);
  }
}

TEST_CASE("examples that passed are left as they are") {
  // NORMALIZE_WHITESPACE-style: what the example printed differs from the
  // text, yet it passed, so its expected output stays.
  std::string text = ">>> [1, 2]\n[1,   2]\n>>> 3\n4\n";
  std::optional<std::string> updated = UpdatedDoctestText(
      text, Reports({Passing(1, 2, "[1,   2]\n", "[1, 2]\n"), Failing(3, 4, "4\n", "3\n")}));
  REQUIRE(updated);
  CHECK(*updated == ">>> [1, 2]\n[1,   2]\n>>> 3\n3\n");
  CHECK_FALSE(UpdatedDoctestText(text, Reports({Passing(1, 2, "[1,   2]\n", "[1, 2]\n")})));
}

TEST_CASE("an example with no expected output gets the lines it printed") {
  std::string text = ">>> f()\n>>> g()\n";
  std::optional<std::string> updated =
      UpdatedDoctestText(text, Reports({Failing(1, 2, "", "out\n")}));
  REQUIRE(updated);
  CHECK(*updated == ">>> f()\nout\n>>> g()\n");
}

TEST_CASE("an example that should print nothing loses its expected output") {
  std::string text = ">>> x = 1\nstale\n>>> x\n1\n";
  std::optional<std::string> updated =
      UpdatedDoctestText(text, Reports({Failing(1, 2, "stale\n", "")}));
  REQUIRE(updated);
  CHECK(*updated == ">>> x = 1\n>>> x\n1\n");
}

TEST_CASE("a last line without a newline keeps that shape") {
  std::string text = ">>> f()\nold";
  std::optional<std::string> updated =
      UpdatedDoctestText(text, Reports({Failing(1, 2, "old\n", "new 1\nnew 2\n")}));
  REQUIRE(updated);
  CHECK(*updated == ">>> f()\nnew 1\nnew 2");
}

// Was ">>> f()out\n": the new lines were appended to the example's line,
// which lacks its newline.
TEST_CASE("an example on the last line without a newline keeps its line when output is added") {
  std::string text = ">>> f()";
  std::optional<std::string> updated =
      UpdatedDoctestText(text, Reports({Failing(1, 2, "", "out\n")}));
  REQUIRE(updated);
  CHECK(*updated == ">>> f()\nout");
  updated = UpdatedDoctestText(text, Reports({Failing(1, 2, "", "out\nmore\n")}));
  REQUIRE(updated);
  CHECK(*updated == ">>> f()\nout\nmore");
}

TEST_CASE("line ends are kept as the file has them (universal newlines)") {
  SECTION("CRLF") {
    std::string text = ">>> f()\r\n1\r\n>>> g()\r\n";
    std::optional<std::string> updated =
        UpdatedDoctestText(text, Reports({Failing(1, 2, "1\n", "2\n3\n")}));
    REQUIRE(updated);
    CHECK(*updated == ">>> f()\r\n2\r\n3\r\n>>> g()\r\n");
  }
  SECTION("lone CR") {
    std::string text = "Prose.\r>>> f()\r1\r";
    std::optional<std::string> updated =
        UpdatedDoctestText(text, Reports({Failing(2, 3, "1\n", "2\n")}));
    REQUIRE(updated);
    CHECK(*updated == "Prose.\r>>> f()\r2\r");
  }
}

TEST_CASE("nothing to change gives no text") {
  std::string text = ">>> 1\n1\n";
  CHECK_FALSE(UpdatedDoctestText(text, Reports({})));
  CHECK_FALSE(UpdatedDoctestText(text, Reports({Passing(1, 2, "1\n", "1\n")})));
  // A failing report whose update is what the file already says.
  CHECK_FALSE(UpdatedDoctestText(text, Reports({Failing(1, 2, "1\n", "1\n")})));
  // An exception report without an update.
  ExampleReport raised = Failing(1, 2, "1\n", "");
  raised.outcome = ExampleOutcome::kException;
  raised.update.reset();
  CHECK_FALSE(UpdatedDoctestText(text, Reports({raised})));
}

TEST_CASE("a report whose lines do not fit the text is ignored") {
  std::string text = ">>> 1\n2\n>>> 3\n3\n";
  SECTION("its example is past the end") {
    CHECK_FALSE(UpdatedDoctestText(text, Reports({Failing(9, 10, "2\n", "1\n")})));
  }
  SECTION("it has no line") {
    CHECK_FALSE(UpdatedDoctestText(text, Reports({Failing(0, 2, "2\n", "1\n")})));
    CHECK_FALSE(UpdatedDoctestText(text, Reports({Failing(1, 0, "2\n", "1\n")})));
  }
  SECTION("its expected output runs past the end") {
    CHECK_FALSE(UpdatedDoctestText(text, Reports({Failing(3, 4, "3\n4\n5\n", "1\n")})));
  }
  SECTION("the reports that fit are still applied") {
    std::optional<std::string> updated = UpdatedDoctestText(
        text, Reports({Failing(1, 2, "2\n", "1\n"), Failing(9, 10, "2\n", "1\n")}));
    REQUIRE(updated);
    CHECK(*updated == ">>> 1\n1\n>>> 3\n3\n");
  }
}

// Found by tests/fuzz/update_fuzz.cpp (corpus/update/crash-lone-cr-before-
// empty-line): a new last line ending in a lone CR, or an example line
// ending in one with nothing after it, met the empty line after the example
// as "\r\n" and swallowed it, so the prose after became expected output.
TEST_CASE("a lone CR before the blank line that ends an example never joins it") {
  SECTION("new output replaces lines that end in CR and LF") {
    std::string text = ">>> f()\n1\r2\n\nProse\n";
    std::optional<std::string> updated =
        UpdatedDoctestText(text, Reports({Failing(1, 2, "1\n2\n", "3\n")}));
    REQUIRE(updated);
    CHECK(*updated == ">>> f()\n3\n\nProse\n");
  }
  SECTION("no output left after an example line ending in CR") {
    std::string text = ">>> f()\r1\n\nProse\n";
    std::optional<std::string> updated =
        UpdatedDoctestText(text, Reports({Failing(1, 2, "1\n", "")}));
    REQUIRE(updated);
    CHECK(*updated == ">>> f()\r\n\nProse\n");
  }
}
