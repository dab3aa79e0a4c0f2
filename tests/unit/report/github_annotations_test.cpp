// GitHub Actions workflow commands.
#include "replay/report/github_annotations.h"

#include <catch2/catch.hpp>

#include "sample_verdict.h"

using replay::GithubAnnotations;
using replay::Status;
using replay_test::SampleVerdict;

TEST_CASE("annotations: a failure is an error at its line, message and diff escaped") {
  auto failed = SampleVerdict("docs/a,b.md", Status::kFailed, "docs/a,b.md:4: 100% wrong", 4, {},
                              "-1\r\n+2\n");
  CHECK(GithubAnnotations(failed) ==
        "::error file=docs/a%2Cb.md,line=4,title=replay%3A failed::docs/a,b.md:4: 100%25 "
        "wrong%0A-1\\r%0A+2%0A\n");  // a CR shown as on a terminal: \r
}

TEST_CASE("annotations: notes are warnings at their lines; a passing file has no error") {
  CHECK(GithubAnnotations(SampleVerdict("a.md", Status::kPassed)).empty());
  auto passed =
      SampleVerdict("a.md", Status::kPassed, "", 0, {"a.md:7: not tested: inside a ```text fence"});
  CHECK(GithubAnnotations(passed) ==
        "::warning file=a.md,line=7,title=replay%3A not tested::not tested: inside a ```text "
        "fence\n");
}

TEST_CASE("annotations: an error without a line names the file only") {
  auto error = SampleVerdict("a.pycon", Status::kError, "a.pycon: unreadable");
  CHECK(GithubAnnotations(error) ==
        "::error file=a.pycon,title=replay%3A error::a.pycon: unreadable\n");
}
