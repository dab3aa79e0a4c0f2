// GitHub Actions workflow commands.
#include "replay/report/github_annotations.h"

#include <catch2/catch.hpp>

using replay::GithubAnnotations;
using replay::Status;
using replay::TranscriptVerdict;

TEST_CASE("annotations: a failure is an error at its line, message and diff escaped") {
  TranscriptVerdict failed;
  failed.path = "docs/a,b.md";
  failed.status = Status::kFailed;
  failed.line = 4;
  failed.message = "docs/a,b.md:4: 100% wrong";
  failed.diff = "-1\r\n+2\n";
  CHECK(GithubAnnotations(failed) ==
        "::error file=docs/a%2Cb.md,line=4,title=replay%3A failed::docs/a,b.md:4: 100%25 "
        "wrong%0A-1%0D%0A+2%0A\n");
}

TEST_CASE("annotations: notes are warnings at their lines; a passing file has no error") {
  TranscriptVerdict passed;
  passed.path = "a.md";
  passed.status = Status::kPassed;
  CHECK(GithubAnnotations(passed).empty());
  passed.notes = {"a.md:7: not tested: inside a ```text fence"};
  CHECK(GithubAnnotations(passed) ==
        "::warning file=a.md,line=7,title=replay%3A not tested::not tested: inside a ```text "
        "fence\n");
}

TEST_CASE("annotations: an error without a line names the file only") {
  TranscriptVerdict error;
  error.path = "a.pycon";
  error.status = Status::kError;
  error.message = "a.pycon: unreadable";
  CHECK(GithubAnnotations(error) ==
        "::error file=a.pycon,title=replay%3A error::a.pycon: unreadable\n");
}
