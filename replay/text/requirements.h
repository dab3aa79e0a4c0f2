// Where a transcript or doctest file applies: `# replay: requires` comments.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "replay/text/diagnostic.h"
#include "replay/text/expected.h"

namespace replay {

/// The first requirement of `text` that Python `version` ("3.11.7") does
/// not meet, as a Diagnostic naming file `path`, its line and the reason
/// ("requires python >= 3.12 (this is 3.11.7)"); none if all are met.
///
/// A requirement is an input line a console and doctest accept unchanged:
/// `>>> # replay: requires python OP VERSION` (after any indentation), OP one
/// of `>=`, `>`, `<=`, `<`, `==`, `!=`, VERSION one to three numbers
/// (`3.12`). Versions compare by as many numbers as the requirement gives, so
/// 3.12.1 meets `== 3.12` and not `< 3.12`. A malformed requirement (a
/// misspelt `pyhton`, a missing operator) is an error, naming its line and
/// saying what is expected: the file would otherwise be skipped for ever.
Expected<std::optional<Diagnostic>> UnmetRequirement(std::string_view text, std::string_view path,
                                                     std::string_view version);

}  // namespace replay
