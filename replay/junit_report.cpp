#include "junit_report.h"

#include <cstdio>

#include "utf8.h"

namespace replay {

namespace {

/// Text fit for an XML 1.0 attribute or element.
std::string Escape(std::string_view raw) {
  std::string text = ToValidUtf8(raw);
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
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

std::string JunitReport(const RunVerdicts& run) {
  std::string counts = " tests=\"" + std::to_string(run.transcripts.size()) + "\" failures=\"" +
                       std::to_string(run.Count(Status::kFailed)) + "\" errors=\"" +
                       std::to_string(run.Count(Status::kError)) + "\" skipped=\"" +
                       std::to_string(run.Count(Status::kSkipped)) + "\" time=\"" +
                       Seconds(run.duration_s) + "\"";
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"replay\"" +
                    counts + ">\n  <testsuite name=\"replay\"" + counts + ">\n";
  for (const TranscriptVerdict& verdict : run.transcripts) {
    xml += "    <testcase classname=\"replay." + verdict.mode + "\" name=\"" +
           Escape(verdict.path) + "\" file=\"" + Escape(verdict.path) + "\" time=\"" +
           Seconds(verdict.duration_s) + "\"";
    std::string message = Escape(verdict.message);
    std::string body = Escape(verdict.diff);
    switch (verdict.status) {
      case Status::kPassed:
        xml += "/>\n";
        break;
      case Status::kFailed:
        xml += ">\n      <failure message=\"" + message + "\" type=\"mismatch\">" + body +
               "</failure>\n    </testcase>\n";
        break;
      case Status::kError:
        xml += ">\n      <error message=\"" + message + "\" type=\"error\">" + body +
               "</error>\n    </testcase>\n";
        break;
      case Status::kSkipped:
        xml += ">\n      <skipped message=\"" + message + "\"/>\n    </testcase>\n";
        break;
    }
  }
  xml += "  </testsuite>\n</testsuites>\n";
  return xml;
}

}  // namespace replay
