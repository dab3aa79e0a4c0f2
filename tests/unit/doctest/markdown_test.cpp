#include "replay/doctest/markdown.h"

#include <catch2/catch.hpp>

using replay::MarkdownToDoctest;

TEST_CASE("markdown: console fences are kept, everything else becomes empty lines") {
  CHECK(MarkdownToDoctest("# Title\n"
                          "Some text.\n"
                          "```pycon\n"
                          ">>> 1 + 1\n"
                          "2\n"
                          "```\n"
                          "More text >>> not an example.\n") == "\n\n\n>>> 1 + 1\n2\n\n\n");
}

TEST_CASE("markdown: pycon, python and py fences, in any case, with attributes") {
  for (const char* info : {"pycon", "python", "py", "Python", "PYCON", "python title=\"x\"",
                           "py{.line-numbers}", "  pycon  "}) {
    std::string fence = std::string("```") + info + "\n";
    CHECK(MarkdownToDoctest(fence + ">>> x\n```\n") == "\n>>> x\n\n");
  }
}

TEST_CASE("markdown: other languages are dropped even if they hold >>>") {
  for (const char* info : {"text", "console", "pythonic", "sh", "pycon3"}) {
    std::string fence = std::string("```") + info + "\n";
    CHECK(MarkdownToDoctest(fence + ">>> x\n```\n") == "\n\n\n");
  }
}

TEST_CASE("markdown: a bare fence is kept only if it holds >>>") {
  CHECK(MarkdownToDoctest("```\n  >>> x\n1\n```\n") == "\n  >>> x\n1\n\n");
  CHECK(MarkdownToDoctest("```\nx = 1\n```\n") == "\n\n\n");
}

TEST_CASE("markdown: the closing fence needs the same mark, at least as long, no info") {
  // A shorter fence, another mark or a fence with info is content.
  CHECK(MarkdownToDoctest("````pycon\n>>> x\n```\n~~~~\n```py\n````\ntext\n") ==
        "\n>>> x\n```\n~~~~\n```py\n\n\n");
  CHECK(MarkdownToDoctest("~~~python\n>>> x\n~~~~~\n") == "\n>>> x\n\n");
}

TEST_CASE("markdown: a backtick fence with a backtick in its info is no fence") {
  CHECK(MarkdownToDoctest("```py`\n>>> x\n```\n") == "\n\n\n");
}

TEST_CASE("markdown: an unclosed fence runs to the end of the document") {
  CHECK(MarkdownToDoctest("```pycon\n>>> x\n1") == "\n>>> x\n1");
}

TEST_CASE("markdown: indented fences (list items) keep their content as it is") {
  CHECK(MarkdownToDoctest("1. item\n\n   ```pycon\n   >>> x\n   1\n   ```\n") ==
        "\n\n\n   >>> x\n   1\n\n");
}

TEST_CASE("markdown: line numbers and the final newline are kept") {
  std::string text = "a\n```py\n>>> 1\n1\n```\nb\n\n```pycon\n>>> 2\n```";
  std::string out = MarkdownToDoctest(text);
  CHECK(std::count(out.begin(), out.end(), '\n') == std::count(text.begin(), text.end(), '\n'));
  CHECK(out == "\n\n>>> 1\n1\n\n\n\n\n>>> 2\n");
  CHECK(MarkdownToDoctest("").empty());
}
