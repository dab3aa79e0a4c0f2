#include "replay/text/transcript_text.h"

#include <algorithm>
#include <cstdio>

#include "replay/text/lines.h"
#include "replay/text/utf8.h"

namespace replay {

namespace {

Diagnostic At(std::string_view bytes, size_t offset, std::string_view file, std::string message) {
  int line = LineOfOffset(bytes, offset);
  size_t line_start = bytes.substr(0, offset).rfind('\n');
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  int column = 1 + static_cast<int>(offset - line_start);
  return Diagnostic{std::string(file), line, column, std::move(message)};
}

}  // namespace

Expected<TranscriptText> DecodeTranscript(std::string_view bytes, std::string_view display_name) {
  TranscriptText result;
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  std::string_view body = bytes;
  if (body.substr(0, kBom.size()) == kBom) {
    result.bom = true;
    body.remove_prefix(kBom.size());
  }
  if (size_t nul = body.find('\0'); nul != std::string_view::npos) {
    return At(body, nul, display_name, "NUL byte: not a text file");
  }
  if (size_t bad = FindInvalidUtf8(body); bad != std::string_view::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(body[bad]));
    return At(body, bad, display_name, std::string("invalid UTF-8 (byte ") + hex + ")");
  }
  size_t newlines = std::count(body.begin(), body.end(), '\n');
  size_t crlfs = 0;
  for (size_t i = body.find("\r\n"); i != std::string_view::npos; i = body.find("\r\n", i + 2)) {
    ++crlfs;
  }
  bool ends_open = !body.empty() && body.back() != '\n';
  result.crlf = newlines > 0 && crlfs == newlines && !(ends_open && body.back() == '\r');
  if (result.crlf) {
    result.text.reserve(body.size());
    for (size_t i = 0; i < body.size(); ++i) {
      if (body[i] == '\r' && i + 1 < body.size() && body[i + 1] == '\n') continue;
      result.text += body[i];
    }
  } else {
    result.text = std::string(body);
  }
  return result;
}

std::string EncodeTranscript(const TranscriptText& transcript) {
  std::string out = transcript.bom ? "\xEF\xBB\xBF" : "";
  for (char c : transcript.text) {
    if (c == '\n' && transcript.crlf) out += '\r';
    out += c;
  }
  return out;
}

}  // namespace replay
