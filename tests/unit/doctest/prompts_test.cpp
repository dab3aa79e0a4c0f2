// The prompt check's logic, with a stand-in for the console: a statement
// whose first line ends in ':' waits until an empty line; others complete
// at once. (doctest_session_test.cpp checks the real console.)
#include "replay/doctest/prompts.h"

#include <algorithm>
#include <catch2/catch.hpp>

using replay::CheckPrompts;
using replay::PromptFinding;
using replay::PromptFindingKind;
using replay::WrittenExample;

namespace {

bool BlockWaits(const std::string& source) {
  size_t end = source.find('\n');
  std::string first = source.substr(0, end);
  if (first.empty() || first.back() != ':') return false;
  size_t last = source.rfind('\n');
  return last == std::string::npos || last + 1 < source.size();
}

std::vector<PromptFinding> Check(const std::vector<WrittenExample>& examples) {
  return CheckPrompts(examples, BlockWaits);
}

}  // namespace

TEST_CASE("prompts: an example as a console shows it has no findings") {
  CHECK(Check({{1, 0, {">>> for i in x:", "...     f(i)", "..."}, "1"},
               {5, 0, {">>> y"}, std::nullopt}})
            .empty());
  CHECK(Check({{1, 2, {"  >>> if x:", "  ...     y", "  ... "}, std::nullopt}}).empty());
}

TEST_CASE("prompts: a ... line after a complete statement") {
  auto findings = Check({{2, 2, {"  >>> x = 1", "  ... y = 2"}, std::nullopt}});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].kind == PromptFindingKind::kContinuationAfterComplete);
  CHECK(findings[0].line == 3);
  CHECK(findings[0].example_line == 2);
  CHECK(findings[0].written == "  ... y = 2");
  CHECK(findings[0].console == "  >>> y = 2");
  CHECK(std::string(replay::PromptFindingKindName(findings[0].kind)) ==
        "continuation-after-complete");
}

TEST_CASE("prompts: the console takes that line as a new statement") {
  // After `... if y:` starts a new block, its body line is fine.
  auto findings = Check({{1, 0, {">>> x", "... if y:", "...     z", "..."}, ""}});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].line == 2);
}

TEST_CASE("prompts: a block still open before its output") {
  auto findings = Check({{1, 0, {">>> for i in x:", "...     f(i)"}, "0"}});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].kind == PromptFindingKind::kUnclosedBlock);
  CHECK(findings[0].line == 3);
  CHECK(findings[0].written == "0");
  CHECK(findings[0].console == "...");
  CHECK_FALSE(findings[0].at_end);
}

TEST_CASE("prompts: a block still open before an empty line or the end of the text") {
  auto findings = Check({{1, 4, {"    >>> if x:", "    ...     y"}, ""},
                         {7, 4, {"    >>> if x:", "    ...     y"}, std::nullopt}});
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].kind == PromptFindingKind::kUnclosedBlock);
  CHECK(findings[0].line == 3);
  CHECK_FALSE(findings[0].at_end);
  CHECK(findings[1].kind == PromptFindingKind::kUnclosedBlock);
  CHECK(findings[1].line == 9);
  CHECK(findings[1].at_end);
  CHECK(findings[1].console == "    ...");
}

TEST_CASE("prompts: the next >>> while the block is still open") {
  auto findings = Check({{1, 0, {">>> def f():", "...     pass"}, ">>> f()"}});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].kind == PromptFindingKind::kPromptInOpenBlock);
  CHECK(findings[0].line == 3);
  CHECK(findings[0].written == ">>> f()");
  // Another indentation of the next prompt changes nothing.
  findings = Check({{1, 0, {">>> def f():", "...     pass"}, "  >>> f()"}});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].kind == PromptFindingKind::kPromptInOpenBlock);
}

TEST_CASE("prompts: findings come in line order, several per example") {
  auto findings = Check({{10, 0, {">>> z"}, std::nullopt},
                         {1, 0, {">>> a", "... b", "... if c:", "...     d"}, "e"}});
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].line == 2);
  CHECK(findings[1].line == 3);
  CHECK(findings[1].kind == PromptFindingKind::kContinuationAfterComplete);
  CHECK(findings[2].line == 5);
  CHECK(findings[2].kind == PromptFindingKind::kUnclosedBlock);
}

TEST_CASE("prompts: the console is given what follows the prompt and its space") {
  std::vector<std::string> seen;
  CheckPrompts({{1, 2, {"  >>> if x:", "  ...     y", "  ...", "  ... "}, std::nullopt}},
               [&](const std::string& source) {
                 seen.push_back(source);
                 return false;
               });
  CHECK(seen == std::vector<std::string>{"if x:", "    y", "", ""});
}

namespace {

/// BlockWaits, and a statement with more `(` than `)` waits too, an empty
/// line or not.
bool BracketOrBlockWaits(const std::string& source) {
  long open =
      std::count(source.begin(), source.end(), '(') - std::count(source.begin(), source.end(), ')');
  return open > 0 || BlockWaits(source);
}

std::vector<replay::PromptFix> Fix(const std::vector<WrittenExample>& examples) {
  return replay::FixPrompts(examples, BracketOrBlockWaits);
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("prompt fixes: an example as a console shows it needs none") {
  CHECK(Fix({{1, 0, {">>> for i in x:", "...     f(i)", "..."}, "1", {"1"}}}).empty());
  CHECK(Fix({{1, 0, {">>> f(1,", "...   2)"}, std::nullopt, {}}}).empty());
}

TEST_CASE("prompt fixes: a comment joins the statement, an empty line goes") {
  auto fixes =
      Fix({{3, 2, {"  >>> f(x)", "  ... # doctest: +ELLIPSIS", "  ... "}, "  1", {"  1"}}});
  REQUIRE(fixes.size() == 1);
  CHECK(fixes[0].line == 3);
  CHECK(fixes[0].written == Lines{"  >>> f(x)", "  ... # doctest: +ELLIPSIS", "  ... "});
  CHECK(fixes[0].console == Lines{"  >>> f(x)  # doctest: +ELLIPSIS"});
}

TEST_CASE("prompt fixes: empty lines in a body go, an open block gets its empty line") {
  auto fixes = Fix({{1,
                     0,
                     {">>> class A:", "...     x = 1", "...", "...",
                      "...     def m(self):", "...         return 1"},
                     ">>> A().m()",
                     {">>> A().m()", "1"}}});
  REQUIRE(fixes.size() == 1);
  CHECK(fixes[0].console == Lines{">>> class A:", "...     x = 1",
                                  "...     def m(self):", "...         return 1", "..."});
}

TEST_CASE("prompt fixes: another statement gets its `>>> `") {
  auto fixes = Fix({{1, 0, {">>> x = 1", "... y = 2"}, std::nullopt, {}}});
  REQUIRE(fixes.size() == 1);
  CHECK(fixes[0].console == Lines{">>> x = 1", ">>> y = 2"});
}

TEST_CASE("prompt fixes: an open bracket continues on the lines after it") {
  auto fixes = Fix({{1, 4, {"    >>> f(1,"}, "     2,", {"     2,", "    >>>   3)", "    4"}},
                    {3, 4, {"    >>>   3)"}, "    4", {"    4"}}});
  // The second example is the first one's last line: its own fix is left out.
  REQUIRE(fixes.size() == 1);
  CHECK(fixes[0].written == Lines{"    >>> f(1,", "     2,", "    >>>   3)"});
  CHECK(fixes[0].console == Lines{"    >>> f(1,", "    ...  2,", "    ...   3)"});
}
