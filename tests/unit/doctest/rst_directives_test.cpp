// sphinx.ext.doctest's directives: what plain doctest does not run or apply.
#include "replay/doctest/rst_directives.h"

#include <catch2/catch.hpp>

namespace {

std::vector<std::string> Notes(std::string_view text) {
  std::vector<std::string> notes;
  for (const replay::Diagnostic& note : replay::SphinxDirectiveNotes(text, "a.rst"))
    notes.push_back(note.ToString());
  return notes;
}

}  // namespace

TEST_CASE("sphinx directives: bodies without prompts are not tested, and said so") {
  CHECK(Notes(".. testsetup::\n\n   import math\n\nText.\n") ==
        std::vector<std::string>{
            "a.rst:1: not tested: the body of .. testsetup:: (Sphinx runs this code before the "
            "examples; doctest runs only >>> examples)"});
  auto notes = Notes("Text.\n\n  .. testcode::\n\n     print(1)\n\n  .. testoutput::\n\n     1\n");
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].rfind("a.rst:3: not tested: the body of .. testcode::", 0) == 0);
  CHECK(notes[1].rfind("a.rst:7: not tested: the body of .. testoutput::", 0) == 0);
}

TEST_CASE("sphinx directives: bodies with prompts run as doctest examples: no note") {
  CHECK(Notes(".. testsetup::\n\n   >>> import os\n").empty());
  CHECK(Notes(".. testcode::\n\n   >>> 1\n   1\n").empty());
  CHECK(Notes(".. doctest::\n\n   >>> 1\n   1\n").empty());
  CHECK(Notes(".. testcleanup::\n\nNot the body: not indented.\n").empty());
}

TEST_CASE("sphinx directives: options doctest reads as text are not applied, and said so") {
  auto notes = Notes(
      ".. doctest::\n   :options: +ELLIPSIS\n   :skipif: True\n   :hide:\n\n   >>> 1\n   1\n"
      "\n   :options: in the body, after the options: text\n");
  REQUIRE(notes.size() == 2);
  CHECK(notes[0] ==
        "a.rst:2: not applied: :options: of .. doctest:: (doctest reads it as text; use `# "
        "doctest: +FLAG` or --option)");
  CHECK(notes[1].rfind("a.rst:3: not applied: :skipif: of .. doctest:: (doctest reads it as "
                       "text, so the examples run on every Python",
                       0) == 0);
}

TEST_CASE("ipython directives: input prompts are not doctest syntax, and said so") {
  auto notes = Notes(
      ".. ipython::\n\n   In [1]: x = 1\n\n   In [2]: x\n   Out[2]: 1\n\n.. ipython:: python\n\n"
      "   y = 2\n\n.. code-block:: ipython3\n\n   In [3]: 3\n\n.. code-block:: python\n\n"
      "   In [4]: a python block\n");
  REQUIRE(notes.size() == 4);
  CHECK(notes[0] ==
        "a.rst:3: not tested: an IPython prompt (In [1]:) is IPython's syntax, not doctest's; "
        "doctest runs only >>> examples");
  CHECK(notes[1].rfind("a.rst:5: not tested: an IPython prompt (In [2]:)", 0) == 0);
  CHECK(notes[2].rfind("a.rst:8: not tested: the body of .. ipython:: (IPython's directive", 0) ==
        0);
  CHECK(notes[3].rfind("a.rst:14: not tested: an IPython prompt (In [3]:)", 0) == 0);
}

TEST_CASE("sphinx directives of MyST: their lines and names are the document's") {
  std::vector<replay::Diagnostic> notes = replay::SphinxDirectiveNotes(
      ".. testcode::\n   :options: +ELLIPSIS\n   print(1)\n", "a.md", 10, true);
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].ToString().rfind("a.md:10: not tested: the body of {testcode} (", 0) == 0);
  CHECK(notes[1].ToString().rfind("a.md:11: not applied: :options: of {testcode} (", 0) == 0);
}

TEST_CASE("sphinx directives applied (a .rst file run as Sphinx runs it): only IPython is noted") {
  std::vector<replay::Diagnostic> notes = replay::SphinxDirectiveNotes(
      ".. testsetup::\n\n   x = 1\n\n.. doctest::\n   :options: +ELLIPSIS\n\n   >>> x\n   1\n\n"
      ".. ipython::\n\n   In [1]: x\n",
      "a.rst", 1, false, true);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].ToString().rfind("a.rst:13: not tested: an IPython prompt (In [1]:)", 0) == 0);
}

TEST_CASE("sphinx directives applied: an option the directive does not take is noted") {
  std::vector<replay::Diagnostic> notes = replay::SphinxDirectiveNotes(
      ".. testcode::\n   :options: +ELLIPSIS\n   :hide:\n\n   print(1)\n\n"
      ".. testsetup::\n   :pyversion: > 3\n   :skipif: False\n\n   x = 1\n\n"
      ".. testoutput::\n   :options: +ELLIPSIS\n   :pyversion: > 3\n\n   1\n",
      "a.rst", 1, false, true);
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].ToString() ==
        "a.rst:2: not tested: .. testcode:: takes no :options: option (docutils refuses the "
        "directive, so Sphinx runs nothing of it)");
  CHECK(notes[1].ToString().rfind("a.rst:8: not tested: .. testsetup:: takes no :pyversion:", 0) ==
        0);
}

TEST_CASE("sphinx directives: any white space before `..` starts one, as in the regex") {
  // Only lines whose first characters after white space are `..` reach the
  // directive regex; its `^\s*` takes tabs, form feeds and vertical tabs too.
  for (const char* space : {"", " ", "\t", "\f", "\v", " \t "}) {
    auto notes = Notes(std::string(space) + ".. testcode::\n\n      print(1)\n");
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].rfind("a.rst:1: not tested: the body of .. testcode::", 0) == 0);
  }
  CHECK(Notes("x .. testcode::\n\n   print(1)\n").empty());
  CHECK(Notes(". . testcode::\n\n   print(1)\n").empty());
  CHECK(Notes("\n.\n..\n").empty());
}
