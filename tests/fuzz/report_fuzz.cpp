// JSON and JUnit reports of verdicts whose path, message and diff are any
// bytes (cut from the input at NUL bytes).
//
// Properties: the JSON report parses (nlohmann) and each string reads back
// as ToValidUtf8 of the input; the JUnit report is well-formed XML 1.0:
// only characters XML allows, every `&` an entity, no `<` in text or
// attributes, tags balanced (a small checker; the e2e tests parse real
// reports with Python's xml.etree too).
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "replay/report/json_report.h"
#include "replay/report/junit_report.h"
#include "replay/text/utf8.h"

namespace {

/// Whether code point `c` is a Char of XML 1.0.
bool XmlChar(uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/// The code points of valid UTF-8 `text`.
std::vector<uint32_t> CodePoints(std::string_view text) {
  std::vector<uint32_t> points;
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    uint32_t c = length == 1 ? byte : byte & (0x7F >> length);
    for (int k = 1; k < length; ++k)
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    points.push_back(c);
    i += static_cast<size_t>(length);
  }
  return points;
}

/// Checks that `xml` is well-formed for what the JUnit report holds:
/// elements, attributes in double quotes, text, the XML declaration.
void CheckWellFormed(const std::string& xml) {
  FUZZ_CHECK(replay::FindInvalidUtf8(xml) == std::string::npos);
  for (uint32_t c : CodePoints(xml)) FUZZ_CHECK(XmlChar(c));
  std::vector<std::string> open;
  size_t i = xml.find("?>") + 2;
  while (i < xml.size()) {
    if (xml[i] == '&') {
      size_t end = xml.find(';', i);
      FUZZ_CHECK(end != std::string::npos);
      std::string entity = xml.substr(i, end + 1 - i);
      FUZZ_CHECK(entity == "&amp;" || entity == "&lt;" || entity == "&gt;" || entity == "&quot;" ||
                 entity == "&apos;");
      i = end + 1;
    } else if (xml[i] == '>') {
      FUZZ_CHECK(false);  // escaped by the report, though XML would allow it in text
    } else if (xml[i] != '<') {
      ++i;
    } else if (xml.compare(i, 2, "</") == 0) {
      size_t end = xml.find('>', i);
      FUZZ_CHECK(end != std::string::npos && !open.empty());
      FUZZ_CHECK(xml.substr(i + 2, end - i - 2) == open.back());
      open.pop_back();
      i = end + 1;
    } else {
      size_t name_end = xml.find_first_of(" />", i + 1);
      FUZZ_CHECK(name_end != std::string::npos);
      std::string name = xml.substr(i + 1, name_end - i - 1);
      i = name_end;
      while (xml[i] == ' ') {
        size_t eq = xml.find("=\"", i);
        size_t close = xml.find('"', eq + 2);
        FUZZ_CHECK(eq != std::string::npos && close != std::string::npos);
        std::string value = xml.substr(eq + 2, close - eq - 2);
        FUZZ_CHECK(value.find('<') == std::string::npos);
        i = close + 1;
      }
      if (xml.compare(i, 2, "/>") == 0) {
        i += 2;
      } else {
        FUZZ_CHECK(xml[i] == '>');
        open.push_back(name);
        ++i;
      }
    }
  }
  FUZZ_CHECK(open.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Bytes bytes(data, size);
  replay::TranscriptVerdict verdict;
  verdict.status = static_cast<replay::Status>(bytes.Byte() % 4);
  verdict.mode = bytes.Byte() % 2 ? "doctest" : "console";
  verdict.duration_s = bytes.Byte() / 8.0;
  verdict.path = bytes.Until('\0');
  verdict.message = bytes.Until('\0');
  verdict.not_updated = bytes.Until('\0');
  verdict.diff = bytes.Rest();
  replay::RunSummary summary;
  summary.Add(verdict.status);

  nlohmann::json json = nlohmann::json::parse(replay::JsonReport(summary, {verdict}));
  const nlohmann::json& entry = json.at("transcripts").at(0);
  FUZZ_CHECK(entry.at("path") == replay::ToValidUtf8(verdict.path));
  FUZZ_CHECK(entry.at("message") == replay::ToValidUtf8(verdict.message));
  FUZZ_CHECK(entry.at("not_updated") == replay::ToValidUtf8(verdict.not_updated));
  FUZZ_CHECK(entry.at("diff") == replay::ToValidUtf8(verdict.diff));
  FUZZ_CHECK(entry.at("status") == replay::StatusName(verdict.status));
  FUZZ_CHECK(json.at("summary").at("total") == 1);

  CheckWellFormed(replay::JunitReport(summary, {verdict}));
  return 0;
}
