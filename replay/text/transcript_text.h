// The bytes of a transcript file as text.
#pragma once

#include <string>
#include <string_view>

#include "replay/text/expected.h"

namespace replay {

/// A transcript's text with its line endings made "\n", and how the file
/// wrote it, so that it can be written back the same way.
struct TranscriptText {
  std::string text;
  bool crlf = false;  ///< every line ended in "\r\n"
  bool bom = false;   ///< the file started with a UTF-8 byte order mark
};

/// Decodes a transcript file's bytes: UTF-8 (a BOM is accepted), no NUL
/// bytes; if every line ends in CRLF the text is read as CRLF. Otherwise a
/// Diagnostic naming `display_name`, the line and column of the first bad
/// byte.
Expected<TranscriptText> DecodeTranscript(std::string_view bytes, std::string_view display_name);

/// The text as the file would hold it: CRLF and BOM restored.
std::string EncodeTranscript(const TranscriptText& transcript);

}  // namespace replay
