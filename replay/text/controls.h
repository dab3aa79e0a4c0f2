// Control characters shown, not obeyed: what a transcript prints must not
// move the cursor, hide text or forge lines of a terminal or a CI log.
#pragma once

#include <string>
#include <string_view>

namespace replay {

/// `text` with every control character but newline and tab shown escaped:
/// CR as `\r`, ESC as `\x1b`, other C0 characters and DEL as `\xNN`, C1
/// characters (U+0080 to U+009F, in UTF-8) as `\u00NN`. Other bytes,
/// including invalid UTF-8, are left as they are.
std::string EscapeControls(std::string_view text);

}  // namespace replay
