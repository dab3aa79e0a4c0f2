// What `replay run` prints for people.
#include "replay/report/terminal_report.h"

#include <catch2/catch.hpp>

#include "sample_verdict.h"

using replay::RenderVerdict;
using replay::Status;
using replay_test::SampleVerdict;

TEST_CASE("terminal: a skipped file says why, and every note is a NOTE line") {
  auto skipped = SampleVerdict("a.md", Status::kSkipped, "a.md: no examples", 0,
                               {"a.md:3: not tested: inside a ```text fence"});
  CHECK(RenderVerdict(skipped, false) ==
        "SKIP a.md: no examples\nNOTE a.md:3: not tested: inside a ```text fence\n");
}

TEST_CASE("terminal: a passing file prints its notes, and nothing without them") {
  CHECK(RenderVerdict(SampleVerdict("a.md", Status::kPassed), false).empty());
  auto passed =
      SampleVerdict("a.md", Status::kPassed, "", 0, {"a.md:9: not tested: not in a code block"});
  CHECK(RenderVerdict(passed, false) == "NOTE a.md:9: not tested: not in a code block\n");
}

TEST_CASE("terminal: a failing file prints its notes after its headline") {
  auto failed = SampleVerdict("a.md", Status::kFailed, "a.md:4: failed example", 4,
                              {"a.md:9: not tested: x"}, "-1\n+2\n");
  CHECK(RenderVerdict(failed, false) ==
        "FAIL a.md:4: failed example\nNOTE a.md:9: not tested: x\n-1\n+2\n");
}

TEST_CASE("terminal: the headline is not printed again where the diff starts with it") {
  auto failed =
      SampleVerdict("a.md", Status::kFailed, "a.md:4: failed example (2 of 3 failed)", 4, {},
                    "a.md:4: failed example\n004 >>> f()\n-1\n+2\n"
                    "a.md:9: failed example\n009 >>> g()\n-1\n+2\n");
  CHECK(RenderVerdict(failed, false) ==
        "FAIL a.md:4: failed example (2 of 3 failed)\n004 >>> f()\n-1\n+2\n"
        "a.md:9: failed example\n009 >>> g()\n-1\n+2\n");
}
