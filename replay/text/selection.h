// Which of a run's files are selected: -k patterns and shards.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "replay/text/expected.h"

namespace replay {

/// Whether `path` is selected by `-k` patterns `patterns`: by any of them
/// (none: every path). A pattern with a glob character (`*`, `?`, `[`) is
/// a shell glob (fnmatch, `*` crossing `/`) matching the whole path or the
/// whole of a part of it that starts after a `/`; any other is a substring
/// of the path.
bool MatchesAny(std::string_view path, const std::vector<std::string>& patterns);

/// Whether `relative` (a path relative to the rootdir) is matched by glob
/// `glob`: fnmatch, `*` crossing `/`, against the whole path or a tail of it
/// starting after a `/`, or against a directory part of these (so `_build`
/// or `_build/` matches everything under a `_build` directory). A glob
/// ending in `/` matches directories only.
bool MatchesPathGlob(const std::string& relative, const std::string& glob);

/// `given` split into a path and the line of `PATH:LINE` (1 to 6 digits),
/// if `given` itself does not exist; else `given` and 0.
std::pair<std::string, int> SplitPathLine(const std::string& given);

/// One of `count` shards of a run, `index` in 0..count-1.
struct Shard {
  size_t index = 0;
  size_t count = 1;
};

/// `K/N` (1 <= K <= N) as shard K-1 of N; a Diagnostic saying what is
/// expected otherwise.
Expected<Shard> ParseShard(std::string_view text);

/// The files of `files` in `shard`: every file whose position in the sorted
/// list of paths is `index` modulo `count`, in their order in `files`, so
/// that the shards of one set of files split it whatever its order.
std::vector<std::string> FilesInShard(const std::vector<std::string>& files, Shard shard);

}  // namespace replay
