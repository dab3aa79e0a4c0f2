#include "replay/report/junit_report.h"

#include <cstdio>

#include "replay/text/utf8.h"

namespace replay {

namespace {

/// Text fit for an XML 1.0 attribute or element.
std::string Escape(std::string_view raw) {
  std::string text = ToValidUtf8(raw);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    // U+FFFE and U+FFFF are valid UTF-8 but not XML 1.0 characters.
    if (text.compare(i, 2, "\xEF\xBF") == 0 && i + 2 < text.size() &&
        (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
      out += text[i + 2] == '\xBE' ? "\\ufffe" : "\\uffff";
      i += 2;
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\t':
      case '\n':
      case '\r':
        out += static_cast<char>(c);
        break;
      default:
        // Control characters are not allowed in XML 1.0 at all.
        if (c < 0x20 || c == 0x7F) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
          out += escaped;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

std::string Seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", seconds);
  return text;
}

}  // namespace

std::string JunitReportHead(const RunSummary& summary) {
  std::string counts = " tests=\"" + std::to_string(summary.total()) + "\" failures=\"" +
                       std::to_string(summary.failed) + "\" errors=\"" +
                       std::to_string(summary.errors + summary.interrupted_files) +
                       "\" skipped=\"" + std::to_string(summary.skipped) + "\" time=\"" +
                       Seconds(summary.duration_s) + "\"";
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"replay\"" + counts +
         ">\n  <testsuite name=\"replay\"" + counts + ">\n";
}

std::string JunitReportEntry(const TranscriptVerdict& verdict) {
  std::string xml = "    <testcase classname=\"replay." + verdict.mode + "\" name=\"" +
                    Escape(verdict.path) + "\" file=\"" + Escape(verdict.path) + "\" time=\"" +
                    Seconds(verdict.duration_s) + "\"";
  if (verdict.line > 0) xml += " line=\"" + std::to_string(verdict.line) + "\"";
  std::string message = Escape(verdict.message);
  std::string body = Escape(verdict.diff);
  std::string notes;
  for (const std::string& note : verdict.notes) notes += "NOTE " + Escape(note) + "\n";
  if (!notes.empty()) notes = "      <system-out>" + notes + "</system-out>\n";
  std::string end = notes + "    </testcase>\n";
  switch (verdict.status) {
    case Status::kPassed:
      return notes.empty() ? xml + "/>\n" : xml + ">\n" + end;
    case Status::kFailed:
      return xml + ">\n      <failure message=\"" + message + "\" type=\"mismatch\">" + body +
             "</failure>\n" + end;
    case Status::kError:
      return xml + ">\n      <error message=\"" + message + "\" type=\"error\">" + body +
             "</error>\n" + end;
    case Status::kSkipped:
      return xml + ">\n      <skipped message=\"" + message + "\"/>\n" + end;
    case Status::kInterrupted:
      return xml + ">\n      <error message=\"" + message + "\" type=\"interrupted\"/>\n" + end;
  }
  return xml + "/>\n";
}

std::string JunitReport(const RunSummary& summary, const std::vector<TranscriptVerdict>& verdicts) {
  std::string xml = JunitReportHead(summary);
  for (const TranscriptVerdict& verdict : verdicts) xml += JunitReportEntry(verdict);
  return xml + kJunitReportTail;
}

}  // namespace replay
