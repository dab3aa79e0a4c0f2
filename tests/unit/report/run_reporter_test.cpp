#include "replay/report/run_reporter.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "replay/report/ansi.h"
#include "replay/text/files.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using replay_test::TempDir;

using replay::ReportOptions;
using replay::RunProgress;
using replay::RunReporter;
using replay::Status;
using replay::TranscriptVerdict;

namespace {

TranscriptVerdict Verdict(std::string path, Status status) {
  TranscriptVerdict verdict;
  verdict.path = path;
  verdict.status = status;
  verdict.examples = 1;
  if (status == Status::kFailed || status == Status::kError) {
    verdict.message = path + ":1: " + replay::StatusName(status);
    verdict.diff = "--- " + path + " (expected)\n+++ " + path + " (actual)\n@@ -1 +1 @@\n-a\n+b\n";
  }
  if (status == Status::kSkipped) verdict.message = path + ": skipped";
  if (status == Status::kInterrupted) verdict.message = path + ":1: interrupted";
  if (status == Status::kFailed) verdict.failures = 1;
  return verdict;
}

std::string Slurp(const fs::path& path) {
  replay::Expected<std::string> content = replay::ReadFile(path.string());
  REQUIRE(content);
  return *content;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("verdicts added out of order are printed in the order of the files") {
  std::ostringstream out, err;
  RunReporter reporter(ReportOptions{}, out, err);
  reporter.Add(2, Verdict("c.pycon", Status::kFailed));
  CHECK(out.str().empty());
  reporter.Add(0, Verdict("a.pycon", Status::kError));
  CHECK(out.str().find("ERROR a.pycon:1: error\n") == 0);
  CHECK(out.str().find("c.pycon") == std::string::npos);
  reporter.Add(1, Verdict("b.pycon", Status::kFailed));
  std::string text = out.str();
  size_t a = text.find("ERROR a.pycon:1: error\n");
  size_t b = text.find("FAIL b.pycon:1: failed\n");
  size_t c = text.find("FAIL c.pycon:1: failed\n");
  REQUIRE(b != std::string::npos);
  REQUIRE(c != std::string::npos);
  CHECK(a < b);
  CHECK(b < c);
  CHECK(text.find("-a\n+b\n", b) < c);  // b's diff follows its headline
  CHECK(reporter.failures() == 3);
  CHECK(reporter.Finish(false, 0) == replay::ExitStatus::kFailed);
  CHECK(err.str().empty());
}

TEST_CASE("the summary line counts the run; all passed or skipped is exit status 0") {
  std::ostringstream out, err;
  RunReporter reporter(ReportOptions{}, out, err);
  reporter.Add(0, Verdict("a.pycon", Status::kPassed));
  reporter.Add(1, Verdict("b.pycon", Status::kSkipped));
  reporter.Add(2, Verdict("c.pycon", Status::kPassed));
  CHECK(reporter.failures() == 0);
  CHECK(reporter.Finish(false, 1.5) == replay::ExitStatus::kPassed);
  // A passed file prints nothing; a skipped one its headline.
  CHECK(out.str() == "SKIP b.pycon: skipped\n2 passed, 0 failed, 0 errors, 1 skipped in 1.50 s\n");
  CHECK(err.str().empty());
}

TEST_CASE("a failure or an error makes exit status 1") {
  for (Status status : {Status::kFailed, Status::kError}) {
    std::ostringstream out, err;
    RunReporter reporter(ReportOptions{}, out, err);
    reporter.Add(0, Verdict("a.pycon", Status::kPassed));
    reporter.Add(1, Verdict("b.pycon", status));
    CHECK(reporter.failures() == 1);
    CHECK(reporter.Finish(false, 0.25) == replay::ExitStatus::kFailed);
    std::string summary = status == Status::kFailed
                              ? "1 passed, 1 failed, 0 errors, 0 skipped in 0.25 s\n"
                              : "1 passed, 0 failed, 1 errors, 0 skipped in 0.25 s\n";
    CHECK(out.str().find(summary) != std::string::npos);
  }
}

TEST_CASE("an interrupted run reports what finished and exits with 130") {
  std::ostringstream out, err;
  RunReporter reporter(ReportOptions{}, out, err);
  reporter.Add(0, Verdict("a.pycon", Status::kPassed));
  // File 2 finished and waits for file 1, which the interrupt ended; file 3
  // never started.
  reporter.Add(2, Verdict("c.pycon", Status::kFailed));
  CHECK(out.str().empty());
  reporter.Add(1, Verdict("b.pycon", Status::kInterrupted));
  CHECK(reporter.Finish(true, 2, 1) == replay::ExitStatus::kInterrupted);
  std::string text = out.str();
  size_t b = text.find("INTERRUPTED b.pycon:1: interrupted\n");
  size_t c = text.find("FAIL c.pycon:1: failed\n");
  size_t summary = text.find(
      "1 passed, 1 failed, 0 errors, 0 skipped, 1 interrupted, 1 not run in 2.00 s "
      "(interrupted)\n");
  REQUIRE(b != std::string::npos);
  REQUIRE(c != std::string::npos);
  REQUIRE(summary != std::string::npos);
  CHECK(b < c);
  CHECK(c < summary);
}

TEST_CASE("the JSON and JUnit reports hold every verdict, in the order of the files") {
  TempDir dir("run-reporter");
  ReportOptions options;
  options.json_path = (dir.path / "report.json").string();
  options.junit_path = (dir.path / "junit.xml").string();
  std::ostringstream out, err;
  RunReporter reporter(options, out, err);
  reporter.Add(1, Verdict("b.pycon", Status::kFailed));
  reporter.Add(2, Verdict("c.pycon", Status::kSkipped));
  reporter.Add(0, Verdict("a.pycon", Status::kPassed));
  reporter.Add(3, Verdict("d.pycon", Status::kError));
  CHECK(reporter.Finish(false, 3) == replay::ExitStatus::kFailed);
  CHECK(err.str().empty());

  nlohmann::json json = nlohmann::json::parse(Slurp(options.json_path));
  CHECK(json["summary"]["total"] == 4);
  CHECK(json["summary"]["passed"] == 1);
  CHECK(json["summary"]["failed"] == 1);
  CHECK(json["summary"]["errors"] == 1);
  CHECK(json["summary"]["skipped"] == 1);
  CHECK(json["summary"]["interrupted"] == false);
  REQUIRE(json["transcripts"].size() == 4);
  CHECK(json["transcripts"][0]["path"] == "a.pycon");
  CHECK(json["transcripts"][1]["path"] == "b.pycon");
  CHECK(json["transcripts"][1]["status"] == "failed");
  CHECK(json["transcripts"][2]["path"] == "c.pycon");
  CHECK(json["transcripts"][3]["path"] == "d.pycon");
  CHECK(json["transcripts"][3]["status"] == "error");

  std::string junit = Slurp(options.junit_path);
  CHECK(junit.find("<?xml") == 0);
  CHECK(junit.find("tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"1\"") != std::string::npos);
  CHECK(Count(junit, "<testcase ") == 4);
  size_t a = junit.find("name=\"a.pycon\"");
  size_t b = junit.find("name=\"b.pycon\"");
  size_t c = junit.find("name=\"c.pycon\"");
  size_t d = junit.find("name=\"d.pycon\"");
  CHECK(a < b);
  CHECK(b < c);
  CHECK(c < d);
  CHECK(d != std::string::npos);
  CHECK(junit.find("</testsuites>\n") == junit.size() - std::string("</testsuites>\n").size());
}

TEST_CASE("an empty run still writes valid reports") {
  TempDir dir("run-reporter");
  ReportOptions options;
  options.json_path = (dir.path / "report.json").string();
  std::ostringstream out, err;
  RunReporter reporter(options, out, err);
  CHECK(reporter.Finish(false, 0) == replay::ExitStatus::kPassed);
  nlohmann::json json = nlohmann::json::parse(Slurp(options.json_path));
  CHECK(json["summary"]["total"] == 0);
  CHECK(json["transcripts"].empty());
  CHECK(out.str() == "0 passed, 0 failed, 0 errors, 0 skipped in 0.00 s\n");
}

TEST_CASE("a report that cannot be written makes exit status 2 and says why") {
  TempDir dir("run-reporter");
  ReportOptions options;
  std::string json_path = (dir.path / "missing" / "report.json").string();
  options.json_path = json_path;
  options.junit_path = (dir.path / "junit.xml").string();
  std::ostringstream out, err;
  RunReporter reporter(options, out, err);
  reporter.Add(0, Verdict("a.pycon", Status::kPassed));
  CHECK(reporter.Finish(false, 0) == replay::ExitStatus::kUsageOrIo);
  CHECK(err.str().find("replay: " + json_path + ": ") == 0);
  // The other report is still written.
  CHECK(fs::exists(dir.path / "junit.xml"));
}

TEST_CASE("no progress line is kept unless asked for") {
  std::ostringstream out, err;
  RunReporter reporter(ReportOptions{}, out, err);
  reporter.Progress(RunProgress{0, 2, 1, "a.pycon", 0.5});
  reporter.Add(0, Verdict("a.pycon", Status::kFailed));
  reporter.Progress(RunProgress{1, 2, 1, "b.pycon", 0.5});
  reporter.Finish(false, 0);
  CHECK(err.str().empty());
  CHECK(out.str().find(replay::kClearLine) == std::string::npos);
}

TEST_CASE("the progress line shows the run, and is cleared before a verdict is printed") {
  std::ostringstream terminal;  // the verdicts and the progress line share a terminal
  ReportOptions options;
  options.progress = true;
  RunReporter reporter(options, terminal, terminal);
  reporter.Progress(RunProgress{0, 2, 2, "slow.pycon", 1.25});
  std::string progress = "[0/2] 0 failed | running 2, slowest: slow.pycon (1.2 s)";
  CHECK(terminal.str() == std::string(replay::kClearLine) + progress);
  reporter.Add(0, Verdict("a.pycon", Status::kFailed));
  std::string text = terminal.str();
  CHECK(text.find(progress + replay::kClearLine + "FAIL a.pycon:1: failed\n") != std::string::npos);
  reporter.Progress(RunProgress{1, 2, 1, "slow.pycon", 2});
  CHECK(terminal.str().find("[1/2] 1 failed") != std::string::npos);
  reporter.Finish(false, 0);
  text = terminal.str();
  // The closing lines start on a cleared line.
  CHECK(text.find(std::string(replay::kClearLine) + "failed:\n  a.pycon\n0 passed, 1 failed") !=
        std::string::npos);
}

TEST_CASE("the run ends with one list of the files that failed or errored, as FILE:LINE") {
  std::ostringstream out, err;
  RunReporter reporter(ReportOptions{}, out, err);
  TranscriptVerdict failed = Verdict("a.md", Status::kFailed),
                    error = Verdict("b.py", Status::kError);
  failed.line = 7;
  TranscriptVerdict odd = Verdict("c\x1b[2J.pycon", Status::kFailed);
  odd.line = 3;
  reporter.Add(0, failed);
  reporter.Add(1, Verdict("ok.md", Status::kPassed));
  reporter.Add(2, error);  // line 0: the file as a whole
  reporter.Add(3, odd);
  reporter.Finish(false, 0);
  std::string text = out.str();
  size_t list =
      text.find("failed:\n  a.md:7\n  b.py\n  c\\x1b[2J.pycon:3\n1 passed, 2 failed, 1 errors");
  INFO(text);
  CHECK(list != std::string::npos);
  CHECK(Count(text, "failed:\n") == 1);
  std::ostringstream passed_out;
  RunReporter passing(ReportOptions{}, passed_out, err);
  passing.Add(0, Verdict("ok.md", Status::kPassed));
  passing.Finish(false, 0);
  CHECK(passed_out.str().find("failed:") == std::string::npos);
}

TEST_CASE("files without examples are counted on one line; -v lists them and passing files") {
  auto no_examples = [](std::string path) {
    TranscriptVerdict verdict = Verdict(path, Status::kSkipped);
    verdict.message = path + ": " + replay::kNoExamples;
    return verdict;
  };
  for (bool verbose : {false, true}) {
    std::ostringstream out, err;
    ReportOptions options;
    options.verbose = verbose;
    RunReporter reporter(options, out, err);
    reporter.Add(0, no_examples("a.md"));
    reporter.Add(1, Verdict("ok.md", Status::kPassed));
    reporter.Add(2, no_examples("b.md"));
    reporter.Add(3, Verdict("c.md", Status::kSkipped));  // another reason: always shown
    reporter.Finish(false, 0);
    std::string text = out.str();
    CHECK((text.find("SKIP a.md: no examples\n") != std::string::npos) == verbose);
    CHECK((text.find("PASS ok.md\n") != std::string::npos) == verbose);
    CHECK((text.find("2 files without examples\n") != std::string::npos) == !verbose);
    CHECK(text.find("SKIP c.md: skipped\n") != std::string::npos);
    CHECK(text.find("1 passed, 0 failed, 0 errors, 3 skipped") != std::string::npos);
  }
}

TEST_CASE("the progress line is cut to the terminal's width") {
  std::ostringstream out, err;
  ReportOptions options;
  options.progress = true;
  options.width = 20;
  RunReporter reporter(options, out, err);
  reporter.Progress(RunProgress{3, 10, 4, "a/very/long/path/name.pycon", 12});
  std::string line = err.str().substr(std::string(replay::kClearLine).size());
  CHECK(line.size() < 20);
  CHECK(line == std::string("[3/10] 0 failed | running 4").substr(0, 19));
}
