#include "replay/text/transcript_text.h"

#include <catch2/catch.hpp>

using replay::DecodeTranscript;
using replay::Diagnostic;
using replay::TranscriptText;

namespace {

TranscriptText Decoded(std::string_view bytes) {
  auto result = DecodeTranscript(bytes, "t.pycon");
  REQUIRE(result);
  return *result;
}

Diagnostic Error(std::string_view bytes) {
  auto result = DecodeTranscript(bytes, "t.pycon");
  REQUIRE_FALSE(result);
  return result.error();
}

}  // namespace

TEST_CASE("plain LF text is kept as it is") {
  TranscriptText text = Decoded(">>> 1\n1\n");
  CHECK(text.text == ">>> 1\n1\n");
  CHECK_FALSE(text.crlf);
  CHECK_FALSE(text.bom);
}

TEST_CASE("a file whose every line ends in CRLF is read as CRLF and written back so") {
  TranscriptText text = Decoded(">>> 1\r\n1\r\n");
  CHECK(text.text == ">>> 1\n1\n");
  CHECK(text.crlf);
  CHECK(replay::EncodeTranscript(text) == ">>> 1\r\n1\r\n");
}

TEST_CASE("mixed line endings are not CRLF: the carriage returns stay text") {
  TranscriptText text = Decoded(">>> 1\r\n1\n");
  CHECK_FALSE(text.crlf);
  CHECK(text.text == ">>> 1\r\n1\n");
}

TEST_CASE("a UTF-8 BOM is accepted and remembered") {
  TranscriptText text = Decoded("\xEF\xBB\xBF>>> 'é'\n'é'\n");
  CHECK(text.bom);
  CHECK(text.text == ">>> 'é'\n'é'\n");
  CHECK(replay::EncodeTranscript(text) == "\xEF\xBB\xBF>>> 'é'\n'é'\n");
}

TEST_CASE("invalid UTF-8 names the file, line and column of the bad byte") {
  Diagnostic error = Error(">>> 1\n1\n>>> '\xff'\n");
  CHECK(error.ToString() == "t.pycon:3:6: invalid UTF-8 (byte 0xFF)");
}

TEST_CASE("overlong encodings, surrogates and truncated sequences are invalid") {
  CHECK(Error("\xC0\xAF").column == 1);
  CHECK(Error("ab\xED\xA0\x80").column == 3);
  CHECK(Error("abc\xE2\x82").column == 4);
  CHECK(Error("\xF4\x90\x80\x80").line == 1);
}

TEST_CASE("a NUL byte is an error naming where it is") {
  using namespace std::string_view_literals;
  Diagnostic error = Error(">>> x\nab\0y\n"sv);
  CHECK(error.ToString() == "t.pycon:2:3: NUL byte: not a text file");
}
