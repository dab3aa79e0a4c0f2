// GitHub Actions workflow commands: annotations on the files of a run.
#pragma once

#include <string>

#include "replay/report/verdict.h"

namespace replay {

/// The annotations of `verdict`, one workflow command a line: for a failed
/// or errored file `::error file=PATH,line=N,title=replay: failed::MESSAGE`
/// (with its diff), for each note a `::warning` at its line; nothing for
/// other files. Values escaped as the runner reads them (`%`, CR, LF; in
/// properties also `:` and `,`).
std::string GithubAnnotations(const TranscriptVerdict& verdict);

}  // namespace replay
