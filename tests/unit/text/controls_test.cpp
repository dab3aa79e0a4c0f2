// Control characters in human-readable output: shown escaped.
#include "replay/text/controls.h"

#include <catch2/catch.hpp>

using replay::EscapeControls;

TEST_CASE("controls: CR, ESC, other C0, DEL and C1 are shown escaped; newline and tab kept") {
  CHECK(EscapeControls("a\r::error file=README.md,line=1::forged\n") ==
        "a\\r::error file=README.md,line=1::forged\n");
  CHECK(EscapeControls("\x1b[8m1 passed\x1b[0m") == "\\x1b[8m1 passed\\x1b[0m");
  CHECK(EscapeControls(std::string("\0\x07\x7f", 3)) == "\\x00\\x07\\x7f");
  CHECK(EscapeControls("x\xc2\x9b"
                       "31m") == "x\\u009b31m");  // C1 CSI
  CHECK(EscapeControls("tab\there\nnext") == "tab\there\nnext");
  CHECK(EscapeControls("caf\xc3\xa9 \xc2\xa0 \xff") == "caf\xc3\xa9 \xc2\xa0 \xff");
}
