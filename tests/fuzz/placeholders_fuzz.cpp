// Placeholders: OutputMatches on expected and actual output cut from the
// input at a NUL byte (libFuzzer's -timeout catches runaway matching).
//
// Properties: any text matches itself, with or without --ellipsis; without
// an address or "..." in either, matching is equality; "..." alone matches
// anything; an expected text with "..." between two parts matches an actual
// text that holds those parts around anything; an address matches any other.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "replay/console/placeholders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::Bytes bytes(data, size);
  std::string expected(bytes.Until('\0')), actual(bytes.Rest());
  const replay::Placeholders exact{false}, ellipsis{true};
  bool matches = replay::OutputMatches(expected, actual, exact);
  bool matches_ellipsis = replay::OutputMatches(expected, actual, ellipsis);
  FUZZ_CHECK(!matches || matches_ellipsis);  // --ellipsis only adds matches
  FUZZ_CHECK(replay::OutputMatches(actual, actual, exact));
  FUZZ_CHECK(replay::OutputMatches(actual, actual, ellipsis));
  auto plain = [](const std::string& s) {
    return s.find(" at 0x") == std::string::npos && s.find("...") == std::string::npos;
  };
  if (plain(expected) && plain(actual)) FUZZ_CHECK(matches == (expected == actual));
  FUZZ_CHECK(replay::OutputMatches("...", actual, ellipsis));
  std::string surrounded = expected + actual + expected;
  if (expected.find('.') == std::string::npos && surrounded.find(" at 0x") == std::string::npos) {
    FUZZ_CHECK(replay::OutputMatches(expected + "..." + expected, surrounded, ellipsis));
  }
  if (plain(expected)) {
    std::string address = " at 0x" + std::string(1 + size % 12, 'f');
    FUZZ_CHECK(
        replay::OutputMatches(expected + "<A" + address + ">", expected + "<A at 0x1>", exact));
  }
  return 0;
}
