#include "replay/text/unified_diff.h"

#include <catch2/catch.hpp>

using replay::UnifiedDiff;

TEST_CASE("equal texts have no diff") {
  CHECK(UnifiedDiff("a\nb\n", "a\nb\n").text.empty());
  CHECK(UnifiedDiff("a\nb\n", "a\nb\n").hunks == 0);
}

TEST_CASE("a changed line is shown removed then added, with line numbers") {
  replay::Diff diff = UnifiedDiff("1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\nFIVE\n6\n7\n8\n");
  CHECK(diff.hunks == 1);
  CHECK(diff.text ==
        "--- expected\n+++ actual\n"
        "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8\n");
}

TEST_CASE("a missing line at the start names line 1") {
  replay::Diff diff = UnifiedDiff("a\nb\n", "b\n");
  CHECK(diff.text == "--- expected\n+++ actual\n@@ -1,2 +1 @@\n-a\n b\n");
}

TEST_CASE("distant changes make separate hunks") {
  std::string expected, actual;
  for (int i = 1; i <= 30; ++i) {
    expected += std::to_string(i) + "\n";
    actual += (i == 3 || i == 25 ? "x" : std::to_string(i)) + "\n";
  }
  replay::Diff diff = UnifiedDiff(expected, actual);
  CHECK(diff.hunks == 2);
  CHECK(diff.text.find("@@ -1,6 +1,6 @@") != std::string::npos);
  CHECK(diff.text.find("@@ -22,7 +22,7 @@") != std::string::npos);
}

TEST_CASE("a missing final newline is shown") {
  replay::Diff diff = UnifiedDiff("a\n", "a");
  CHECK(diff.text ==
        "--- expected\n+++ actual\n@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n");
}

TEST_CASE("labels") {
  replay::DiffOptions options;
  options.expected_label = "f.pycon (expected)";
  options.actual_label = "f.pycon (actual)";
  CHECK(UnifiedDiff("a\n", "b\n", options).text ==
        "--- f.pycon (expected)\n+++ f.pycon (actual)\n@@ -1 +1 @@\n-a\n+b\n");
}

TEST_CASE("hunk headers can count from a file line other than 1") {
  replay::DiffOptions options;
  options.first_line = 40;
  CHECK(UnifiedDiff("a\nb\n", "a\nc\n", options).text ==
        "--- expected\n+++ actual\n@@ -40,2 +40,2 @@\n a\n-b\n+c\n");
  // An empty side names the line before it.
  CHECK(UnifiedDiff("", "x\n", options).text == "--- expected\n+++ actual\n@@ -39,0 +40 @@\n+x\n");
}
