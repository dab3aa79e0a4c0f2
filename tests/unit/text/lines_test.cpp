#include "replay/text/lines.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

using replay::SplitLines;
using replay::SplitLinesKeepEnds;

namespace {

std::vector<std::string> Strings(const std::vector<std::string_view>& views) {
  return {views.begin(), views.end()};
}

}  // namespace

TEST_CASE("SplitLinesKeepEnds keeps each line's newline and gives the text back when joined") {
  using Lines = std::vector<std::string>;
  CHECK(Strings(SplitLinesKeepEnds("")).empty());
  CHECK(Strings(SplitLinesKeepEnds("a")) == Lines{"a"});
  CHECK(Strings(SplitLinesKeepEnds("a\n")) == Lines{"a\n"});
  CHECK(Strings(SplitLinesKeepEnds("a\nb")) == Lines{"a\n", "b"});
  CHECK(Strings(SplitLinesKeepEnds("\n\n")) == Lines{"\n", "\n"});
  CHECK(Strings(SplitLinesKeepEnds("a\r\nb\n")) == Lines{"a\r\n", "b\n"});
  for (std::string_view text : {"", "x", "x\n", "\nx\n\ny", "a\r\nb\rc\n"}) {
    std::string joined;
    for (std::string_view line : SplitLinesKeepEnds(text)) joined += line;
    CHECK(joined == text);
  }
}

TEST_CASE("SplitLines drops the newlines; a final newline starts no empty line") {
  using Lines = std::vector<std::string>;
  CHECK(Strings(SplitLines("")).empty());
  CHECK(Strings(SplitLines("a\nb\n")) == Lines{"a", "b"});
  CHECK(Strings(SplitLines("a\nb")) == Lines{"a", "b"});
  CHECK(Strings(SplitLines("\n")) == Lines{""});
  CHECK(Strings(SplitLines("a\n\n")) == Lines{"a", ""});
  // Only "\n" ends a line: a carriage return stays in it.
  CHECK(Strings(SplitLines("a\r\n")) == Lines{"a\r"});
}

TEST_CASE("Join puts the separator between lines only") {
  CHECK(replay::Join({}, ", ").empty());
  CHECK(replay::Join({"a"}, ", ") == "a");
  CHECK(replay::Join({"a", "b", "c"}, ", ") == "a, b, c");
  CHECK(replay::Join({"", ""}, "\n") == "\n");
}

TEST_CASE("StartsWith and EndsWith compare whole prefixes and suffixes") {
  CHECK(replay::StartsWith(">>> x", ">>> "));
  CHECK(replay::StartsWith("abc", ""));
  CHECK(replay::StartsWith("abc", "abc"));
  CHECK_FALSE(replay::StartsWith(">>>", ">>> "));
  CHECK_FALSE(replay::StartsWith("xabc", "abc"));
  CHECK(replay::EndsWith("file.pycon", ".pycon"));
  CHECK(replay::EndsWith("abc", ""));
  CHECK_FALSE(replay::EndsWith("con", ".pycon"));
  CHECK_FALSE(replay::EndsWith("file.pyconx", ".pycon"));
}

TEST_CASE("RightStrip drops trailing spaces, tabs, form feeds, vertical tabs and CRs") {
  CHECK(replay::RightStrip("a \t\f\v\r") == "a");
  CHECK(replay::RightStrip("  a b  ") == "  a b");
  CHECK(replay::RightStrip(" \t ").empty());
  CHECK(replay::RightStrip("").empty());
  CHECK(replay::RightStrip("... ") == "...");
  // A newline is not in the list: it stays.
  CHECK(replay::RightStrip("a\n") == "a\n");
}

TEST_CASE("Trim drops leading and trailing spaces and tabs only") {
  CHECK(replay::Trim(" \t a b \t ") == "a b");
  CHECK(replay::Trim("   ").empty());
  CHECK(replay::Trim("").empty());
  CHECK(replay::Trim("x") == "x");
  CHECK(replay::Trim("\ra\r") == "\ra\r");
}

TEST_CASE("LineOfOffset gives the 1-based line of a byte") {
  std::string_view text = "ab\ncd\n\nef";
  CHECK(replay::LineOfOffset(text, 0) == 1);
  CHECK(replay::LineOfOffset(text, 2) == 1);  // the newline ends line 1
  CHECK(replay::LineOfOffset(text, 3) == 2);
  CHECK(replay::LineOfOffset(text, 6) == 3);
  CHECK(replay::LineOfOffset(text, 7) == 4);
  CHECK(replay::LineOfOffset(text, text.size()) == 4);
  CHECK(replay::LineOfOffset("", 0) == 1);
}

TEST_CASE("Plural counts a noun in English") {
  CHECK(replay::Plural(1, "example") == "1 example");
  CHECK(replay::Plural(0, "example") == "0 examples");
  CHECK(replay::Plural(2, "failure") == "2 failures");
}
