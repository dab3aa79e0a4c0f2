#include "replay/report/report_file.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "replay/text/files.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using replay_test::TempDir;

using replay::ReportFile;

namespace {

std::string Slurp(const fs::path& path) {
  replay::Expected<std::string> content = replay::ReadFile(path.string());
  REQUIRE(content);
  return *content;
}

}  // namespace

TEST_CASE("a report file is its head, its entries with separators between, and its tail") {
  TempDir dir("report-file");
  fs::path path = dir.path / "report.json";
  ReportFile report(path.string(), ",\n");
  report.Add("a");
  report.Add("b");
  report.Add("c");
  REQUIRE(report.Finish("[", "]"));
  CHECK(Slurp(path) == "[a,\nb,\nc]");
}

TEST_CASE("a report file without entries is its head and tail") {
  TempDir dir("report-file");
  fs::path path = dir.path / "report.xml";
  ReportFile report(path.string(), ",");
  REQUIRE(report.Finish("<head>", "</tail>"));
  CHECK(Slurp(path) == "<head></tail>");
}

TEST_CASE("a report file keeps many large entries whole and in order") {
  TempDir dir("report-file");
  fs::path path = dir.path / "big";
  ReportFile report(path.string(), "|");
  std::string want = "H";
  for (int k = 0; k < 300; ++k) {
    std::string entry = std::to_string(k) + std::string(1000, static_cast<char>('a' + k % 26));
    report.Add(entry);
    want += (k > 0 ? "|" : "") + entry;
  }
  want += "T";
  REQUIRE(report.Finish("H", "T"));
  CHECK(Slurp(path) == want);
}

TEST_CASE("a report file replaces the old report only when finished, leaving no temporary") {
  TempDir dir("report-file");
  fs::path path = dir.path / "report.json";
  REQUIRE(replay::WriteFileAtomically(path.string(), "old report\n"));
  ReportFile report(path.string(), ",");
  report.Add("1");
  report.Add("2");
  CHECK(Slurp(path) == "old report\n");
  REQUIRE(report.Finish("[", "]"));
  CHECK(Slurp(path) == "[1,2]");
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("finishing a report file where it cannot be written is an error naming it") {
  TempDir dir("report-file");
  REQUIRE(replay::WriteFileAtomically((dir.path / "file").string(), "x"));
  SECTION("under a regular file") {
    std::string path = (dir.path / "file" / "report.json").string();
    ReportFile report(path, ",");
    report.Add("entry");
    replay::Expected<void> written = report.Finish("[", "]");
    REQUIRE_FALSE(written);
    CHECK(written.error().file == path);
    CHECK(written.error().ToString().find(path + ": ") == 0);
  }
  SECTION("in a directory that does not exist") {
    std::string path = (dir.path / "missing" / "report.json").string();
    ReportFile report(path, ",");
    replay::Expected<void> written = report.Finish("[", "]");
    REQUIRE_FALSE(written);
    CHECK(written.error().file == path);
    CHECK_FALSE(fs::exists(dir.path / "missing"));
  }
  SECTION("a directory") {
    ReportFile report(dir.path.string(), ",");
    replay::Expected<void> written = report.Finish("[", "]");
    REQUIRE_FALSE(written);
    CHECK(fs::is_directory(dir.path));
  }
}
