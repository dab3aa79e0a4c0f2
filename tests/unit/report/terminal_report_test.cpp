// What `replay run` prints for people.
#include "replay/report/terminal_report.h"

#include <catch2/catch.hpp>

using replay::RenderVerdict;
using replay::Status;
using replay::TranscriptVerdict;

TEST_CASE("terminal: a skipped file says why, and every note is a NOTE line") {
  TranscriptVerdict skipped;
  skipped.path = "a.md";
  skipped.status = Status::kSkipped;
  skipped.message = "a.md: no examples";
  skipped.notes = {"a.md:3: not tested: inside a ```text fence"};
  CHECK(RenderVerdict(skipped, false) ==
        "SKIP a.md: no examples\nNOTE a.md:3: not tested: inside a ```text fence\n");
}

TEST_CASE("terminal: a passing file prints its notes, and nothing without them") {
  TranscriptVerdict passed;
  passed.path = "a.md";
  passed.status = Status::kPassed;
  CHECK(RenderVerdict(passed, false).empty());
  passed.notes = {"a.md:9: not tested: not in a code block"};
  CHECK(RenderVerdict(passed, false) == "NOTE a.md:9: not tested: not in a code block\n");
}

TEST_CASE("terminal: a failing file prints its notes after its headline") {
  TranscriptVerdict failed;
  failed.path = "a.md";
  failed.status = Status::kFailed;
  failed.message = "a.md:4: failed example";
  failed.notes = {"a.md:9: not tested: x"};
  failed.diff = "-1\n+2\n";
  CHECK(RenderVerdict(failed, false) ==
        "FAIL a.md:4: failed example\nNOTE a.md:9: not tested: x\n-1\n+2\n");
}
