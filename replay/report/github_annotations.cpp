#include "replay/report/github_annotations.h"

#include <cstdio>
#include <cstdlib>

#include "replay/text/controls.h"

namespace replay {

namespace {

/// `text` with `%`, CR, LF and other control characters escaped (%XX),
/// and, in a property, `:` and `,` too.
std::string Escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          // Other control characters: never raw in a log line.
          char hex[4];
          std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
          out += hex;
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string Command(const char* kind, const std::string& path, int line, const std::string& title,
                    const std::string& message) {
  std::string text = std::string("::") + kind + " file=" + Escape(path, true);
  if (line > 0) text += ",line=" + std::to_string(line);
  // The message is shown: its control characters escaped as on a terminal.
  return text + ",title=" + Escape(title, true) + "::" + Escape(EscapeControls(message), false) +
         "\n";
}

/// "path:12: rest" -> 12 and "rest"; 0 and the note if it names no line.
int NoteLine(const std::string& path, const std::string& note, std::string& rest) {
  rest = note;
  if (note.compare(0, path.size() + 1, path + ":") != 0) return 0;
  char* end = nullptr;
  long line = std::strtol(note.c_str() + path.size() + 1, &end, 10);
  if (end == nullptr || *end != ':') return 0;
  rest = std::string(end + 1);
  if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
  return static_cast<int>(line);
}

}  // namespace

std::string GithubAnnotations(const TranscriptVerdict& verdict) {
  std::string text;
  if (verdict.status == Status::kFailed || verdict.status == Status::kError) {
    std::string title = std::string("replay: ") + StatusName(verdict.status);
    std::string message = verdict.message;
    if (!verdict.diff.empty()) message += "\n" + verdict.diff;
    text += Command("error", verdict.path, verdict.line, title, message);
  }
  for (const std::string& note : verdict.notes) {
    std::string rest;
    int line = NoteLine(verdict.path, note, rest);
    text += Command("warning", verdict.path, line, "replay: not tested", rest);
  }
  return text;
}

}  // namespace replay
