#include "replay/report/github_annotations.h"

#include <cstdlib>

namespace replay {

namespace {

/// A workflow command's message: %, CR and LF escaped.
std::string EscapeData(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

/// A workflow command's property value: as data, and `:` and `,` too.
std::string EscapeProperty(std::string_view text) {
  std::string out;
  for (char c : EscapeData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Command(const char* kind, const std::string& path, int line, const std::string& title,
                    const std::string& message) {
  std::string text = std::string("::") + kind + " file=" + EscapeProperty(path);
  if (line > 0) text += ",line=" + std::to_string(line);
  return text + ",title=" + EscapeProperty(title) + "::" + EscapeData(message) + "\n";
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
