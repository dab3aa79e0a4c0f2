#include "replay/doctest/docstring.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using replay::DocstringOutput;
using replay::DocstringRewriteRefusal;
using replay::LiteralAt;

namespace {

/// The expected output of the example `>>> f()` of `source`: its lines up
/// to `end_marker` (excluded), read as `want`.
DocstringOutput OutputOf(const std::string& source, const std::string& want,
                         const std::string& end_marker) {
  DocstringOutput output;
  output.example = source.find(">>> f()");
  output.begin = source.find('\n', output.example) + 1;
  output.end = source.find(end_marker, output.begin);
  output.want = want;
  return output;
}

}  // namespace

TEST_CASE("LiteralAt skips comments and other literals, and reads prefixes and quotes") {
  std::string source = "# a \"\"\" comment\nx = r'\\'' + '\"\"\"'\ndef f():\n    Rb'''doc\n'''\n";
  auto literal = LiteralAt(source, source.find("doc"));
  REQUIRE(literal);
  CHECK(literal->prefix == "Rb");
  CHECK(literal->quote == "'''");
  CHECK(source.substr(literal->body, literal->body_end - literal->body) == "doc\n");
  CHECK_FALSE(LiteralAt(source, source.find("comment")));
  CHECK_FALSE(LiteralAt(source, source.find("def")));
}

TEST_CASE("DocstringRewriteRefusal: what a docstring reads as written is rewritten") {
  std::string source = "def f():\n    \"\"\"Doc.\n\n    >>> f()\n    1\n    \"\"\"\n";
  DocstringOutput output = OutputOf(source, "1\n", "    \"\"\"\n");
  CHECK(DocstringRewriteRefusal(source, output, {"2", "'''"}).empty());
  CHECK_THAT(DocstringRewriteRefusal(source, output, {"a\\b"}),
             Catch::Contains("backslash and the docstring is not raw"));
  CHECK_THAT(DocstringRewriteRefusal(source, output, {"x\"\"\"y"}),
             Catch::Contains("closing quotes"));
  CHECK_THAT(DocstringRewriteRefusal(source, output, {"a\rb"}), Catch::Contains("carriage return"));
  CHECK_THAT(DocstringRewriteRefusal(source, OutputOf(source, "2\n", "    \"\"\"\n"), {"3"}),
             Catch::Contains("not written as doctest reads it"));

  std::string raw = "x = 1\n\nr\"\"\"\n>>> f()\n1\n\"\"\"\n";
  DocstringOutput raw_output = OutputOf(raw, "1\n", "\"\"\"\n");
  CHECK(DocstringRewriteRefusal(raw, raw_output, {"a\\b", "q\\\"\"\""}).empty());
  CHECK_THAT(DocstringRewriteRefusal(raw, raw_output, {"q\\\\\"\"\""}),
             Catch::Contains("closing quotes"));

  std::string computed = "t = {'x': f'''\n>>> f()\n{1}\n'''}\n";
  CHECK_THAT(DocstringRewriteRefusal(computed, OutputOf(computed, "{1}\n", "'''}"), {"1"}),
             Catch::Contains("f-string"));
  std::string closing = "\"\"\"\n>>> f()\n1\"\"\"\n";
  DocstringOutput on_closing_line = OutputOf(closing, "1\n", "1");
  on_closing_line.end = closing.size();  // the line `1"""`, with its end
  CHECK_THAT(DocstringRewriteRefusal(closing, on_closing_line, {"2"}),
             Catch::Contains("closing quotes"));
}
