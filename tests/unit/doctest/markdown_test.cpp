#include "replay/doctest/markdown.h"

#include <catch2/catch.hpp>

using replay::MarkdownExamples;
using replay::MarkdownToDoctest;
using replay::ReadMarkdownExamples;

TEST_CASE("markdown: console fences are kept, everything else becomes empty lines") {
  CHECK(MarkdownToDoctest("# Title\n"
                          "Some text.\n"
                          "```pycon\n"
                          ">>> 1 + 1\n"
                          "2\n"
                          "```\n"
                          "More text >>> not an example.\n") == "\n\n\n>>> 1 + 1\n2\n\n\n");
}

TEST_CASE("markdown: console languages, in any case, with attributes") {
  for (const char* info : {"pycon", "python", "py", "Python", "PYCON", "python title=\"x\"",
                           "py{.line-numbers}", "  pycon  ", "python3", "python-console", "py3",
                           "pycon3", "ipython", "ipython3", "{.python .numberLines}"}) {
    std::string fence = std::string("```") + info + "\n";
    CHECK(MarkdownToDoctest(fence + ">>> x\n```\n") == "\n>>> x\n\n");
  }
}

TEST_CASE("markdown: other languages are dropped even if they hold >>>") {
  for (const char* info : {"text", "console", "pythonic", "sh", "pytb", "{.bash}"}) {
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

TEST_CASE("markdown: MyST directives that hold examples are kept") {
  for (const char* info : {"{doctest}", "{eval-rst}", "{code-block} pycon", "{code-block} python",
                           "{code} py", "{sourcecode} python3", "{code-cell} ipython3"}) {
    std::string fence = std::string("```") + info + "\n";
    CHECK(MarkdownToDoctest(fence + ">>> x\n```\n") == "\n>>> x\n\n");
  }
  for (const char* info : {"{code-block} bash", "{testsetup}", "{math}", "{code-block}"}) {
    std::string fence = std::string("```") + info + "\n";
    CHECK(MarkdownToDoctest(fence + ">>> x\n```\n") == "\n\n\n");
  }
}

TEST_CASE("markdown: a MyST directive holding Markdown is read as Markdown") {
  CHECK(MarkdownToDoctest("````{note}\nText\n```pycon\n>>> x\n```\n````\n") == "\n\n\n>>> x\n\n\n");
}

TEST_CASE("markdown: fences in block quotes keep their content, markers made spaces") {
  CHECK(MarkdownToDoctest("> ```pycon\n> >>> x\n> 1\n> ```\n>>> no\n") == "\n  >>> x\n  1\n\n\n");
  // The quote ends the fence.
  CHECK(MarkdownToDoctest("> ```pycon\n> >>> x\n\n>>> y\n") == "\n  >>> x\n\n\n");
  CHECK(MarkdownToDoctest("> > ```py\n> > >>> x\n> > ```\n") == "\n    >>> x\n\n");
}

TEST_CASE("markdown: an indented code block holding >>> is kept whole") {
  CHECK(MarkdownToDoctest("Text:\n\n    >>> x\n    1\n\n    >>> y\nEnd\n") ==
        "\n\n    >>> x\n    1\n\n    >>> y\n\n");
  CHECK(MarkdownToDoctest("Text:\n\n    x = 1\n") == "\n\n\n");
  // An indented line continuing a paragraph is no code block.
  CHECK(MarkdownToDoctest("Text\n    >>> x\n") == "\n\n");
}

TEST_CASE("markdown: every >>> line that is not run is reported, with the reason") {
  MarkdownExamples examples = ReadMarkdownExamples(
      "```text\n>>> a\n```\nSee >>> here\n>>> prose\n```pycon\n>>> run\n```\n"
      "~~~{code-block} bash\n  >>> b\n~~~\n");
  REQUIRE(examples.not_tested.size() == 3);
  CHECK(examples.not_tested[0].line == 2);
  CHECK(examples.not_tested[0].reason == "inside a ```text fence");
  CHECK(examples.not_tested[1].line == 5);
  CHECK(examples.not_tested[1].reason == "not in a code block");
  CHECK(examples.not_tested[2].line == 10);
  CHECK(examples.not_tested[2].reason == "inside a ~~~{code-block} bash fence");
}

TEST_CASE("markdown: IPython prompts of ipython blocks are not run, and said so") {
  MarkdownExamples examples = ReadMarkdownExamples(
      "```ipython\nIn [1]: x = 1\n>>> 2\n2\n```\n> ```{code-block} ipython3\n> In [2]: y\n> ```\n"
      "```text\nIn [3]: output\n```\n");
  CHECK(examples.text == "\nIn [1]: x = 1\n>>> 2\n2\n\n\n  In [2]: y\n\n\n\n\n");
  REQUIRE(examples.not_tested.size() == 2);
  CHECK(examples.not_tested[0].line == 2);
  CHECK(examples.not_tested[0].reason ==
        "an IPython prompt (In [1]:) is IPython's syntax, not doctest's; doctest runs only >>> "
        "examples");
  CHECK(examples.not_tested[1].line == 7);
}

TEST_CASE("markdown: reST of {eval-rst} and of MyST's Sphinx fences, at their lines") {
  MarkdownExamples examples = ReadMarkdownExamples(
      "Text\n```{testsetup}\nimport os\n```\n```{eval-rst}\n.. ipython::\n"
      "\n   In [1]: 1\n```\n```python\nx\n```\n");
  REQUIRE(examples.rst.size() == 2);
  CHECK(examples.rst[0].line == 2);
  CHECK(examples.rst[0].text == ".. testsetup::\n   import os\n");
  CHECK(examples.rst[0].myst);
  CHECK(examples.rst[1].line == 6);
  CHECK(examples.rst[1].text == ".. ipython::\n\n   In [1]: 1\n");
  CHECK_FALSE(examples.rst[1].myst);
}
