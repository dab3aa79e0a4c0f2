#include "replay/report/junit_report.h"

#include <catch2/catch.hpp>

using replay::Status;

TEST_CASE("JUnit XML: one testcase per transcript, failures carry the diff, text escaped") {
  replay::TranscriptVerdict passed;
  passed.path = "a.pycon";
  passed.status = Status::kPassed;
  replay::TranscriptVerdict failed;
  failed.path = "b&c.pycon";
  failed.status = Status::kFailed;
  failed.message = "b&c.pycon:2: \"differs\"";
  failed.diff = "-<x>\n+\x01y\n";
  replay::TranscriptVerdict error;
  error.path = "d.pycon";
  error.status = Status::kError;
  error.message = "d.pycon:1: timed out after 5 s at line 1";
  replay::RunSummary summary;
  for (auto status : {passed.status, failed.status, error.status}) summary.Add(status);
  std::string xml = replay::JunitReport(summary, {passed, failed, error});
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
  CHECK(xml.find("<testsuite name=\"replay\" tests=\"3\" failures=\"1\" errors=\"1\" "
                 "skipped=\"0\"") != std::string::npos);
  CHECK(xml.find("<testcase classname=\"replay.console\" name=\"a.pycon\" file=\"a.pycon\"") !=
        std::string::npos);
  CHECK(xml.find("<failure message=\"b&amp;c.pycon:2: &quot;differs&quot;\" type=\"mismatch\">"
                 "-&lt;x&gt;\n+\\x01y\n</failure>") != std::string::npos);
  CHECK(xml.find("<error message=\"d.pycon:1: timed out after 5 s at line 1\"") !=
        std::string::npos);
}

TEST_CASE("JUnit XML: a testcase names its line; skips say why; notes are system-out") {
  replay::TranscriptVerdict skipped;
  skipped.path = "e.md";
  skipped.status = Status::kSkipped;
  skipped.message = "e.md: no examples";
  skipped.notes = {"e.md:2: not tested: inside a ```text fence"};
  replay::TranscriptVerdict error;
  error.path = "d.pycon";
  error.status = Status::kError;
  error.line = 7;
  error.message = "d.pycon:7: timed out";
  error.diff = "+so far\n";
  replay::RunSummary summary;
  summary.Add(skipped.status);
  summary.Add(error.status);
  std::string xml = replay::JunitReport(summary, {skipped, error});
  CHECK(xml.find("<skipped message=\"e.md: no examples\"/>\n      <system-out>NOTE e.md:2: not "
                 "tested: inside a ```text fence\n</system-out>") != std::string::npos);
  CHECK(xml.find("file=\"d.pycon\" time=\"0.000\" line=\"7\">") != std::string::npos);
  CHECK(xml.find("type=\"error\">+so far\n</error>") != std::string::npos);
}

// Found by tests/fuzz/report_fuzz.cpp (corpus/report/hostile): U+FFFE and
// U+FFFF are valid UTF-8 that XML 1.0 forbids; parsers refused the report.
TEST_CASE("JUnit XML: noncharacters U+FFFE and U+FFFF are written as escapes") {
  replay::TranscriptVerdict failed;
  failed.path = "a\xEF\xBF\xBE.pycon";
  failed.status = Status::kFailed;
  failed.diff = "+\xEF\xBF\xBF \xEF\xBF\xBD\n";
  replay::RunSummary summary;
  summary.Add(failed.status);
  std::string xml = replay::JunitReport(summary, {failed});
  CHECK(xml.find("\xEF\xBF\xBE") == std::string::npos);
  CHECK(xml.find("\xEF\xBF\xBF") == std::string::npos);
  CHECK(xml.find("name=\"a\\ufffe.pycon\"") != std::string::npos);
  CHECK(xml.find("+\\uffff \xEF\xBF\xBD\n") != std::string::npos);
}
