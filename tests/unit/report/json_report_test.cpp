#include "replay/report/json_report.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using replay::Status;

namespace {

std::vector<replay::TranscriptVerdict> SampleVerdicts() {
  replay::TranscriptVerdict passed;
  passed.path = "a.pycon";
  passed.status = Status::kPassed;
  passed.examples = 3;
  replay::TranscriptVerdict failed;
  failed.path = "dir/b.pycon";
  failed.status = Status::kFailed;
  failed.failures = 2;
  failed.message = "dir/b.pycon:4: differs";
  failed.line = 4;
  failed.diff = "--- x\n+++ y\n@@ -4 +4 @@\n-\xff\n+b\n";
  failed.notes = {"dir/b.pycon:9: not tested: x"};
  replay::TranscriptVerdict error;
  error.path = "c.pycon";
  error.status = Status::kError;
  return {passed, failed, error};
}

std::string SampleReport() {
  replay::RunSummary summary;
  summary.duration_s = 1.5;
  for (const auto& verdict : SampleVerdicts()) summary.Add(verdict.status);
  return replay::JsonReport(summary, SampleVerdicts());
}

}  // namespace

TEST_CASE("the JSON report follows the documented schema") {
  auto report = nlohmann::json::parse(SampleReport());
  const auto& summary = report["summary"];
  CHECK(summary["total"] == 3);
  CHECK(summary["passed"] == 1);
  CHECK(summary["failed"] == 1);
  CHECK(summary["errors"] == 1);
  CHECK(summary["skipped"] == 0);
  CHECK(summary["duration_s"] == 1.5);
  REQUIRE(report["transcripts"].size() == 3);
  const auto& b = report["transcripts"][1];
  CHECK(b["path"] == "dir/b.pycon");
  CHECK(b["status"] == "failed");
  CHECK(b["mode"] == "console");
  CHECK(b["failures"] == 2);
  CHECK(b["message"] == "dir/b.pycon:4: differs");
  CHECK(b["line"] == 4);
  CHECK(b["notes"] == nlohmann::json::array({"dir/b.pycon:9: not tested: x"}));
  CHECK(report["transcripts"][0]["notes"].empty());
  CHECK(report["transcripts"][2]["status"] == "error");
  CHECK(report["transcripts"][0]["examples"] == 3);
}

TEST_CASE("invalid UTF-8 in a diff becomes U+FFFD, not a broken report") {
  auto report = nlohmann::json::parse(SampleReport());
  std::string diff = report["transcripts"][1]["diff"];
  CHECK(diff.find("-\xEF\xBF\xBD\n") != std::string::npos);
}
