// --last-failed: which files failed in the last run, kept in the rootdir.
#pragma once

#include <map>
#include <set>
#include <string>

#include "replay/text/expected.h"

namespace replay {

/// The cache file, relative to the rootdir.
inline constexpr char kLastFailedFile[] = ".replay_cache/lastfailed";

/// The files (relative to `rootdir`) the cache records as failed or errored;
/// none if there is no cache, or if the cache directory or a file of it is
/// a symbolic link.
std::set<std::string> ReadLastFailed(const std::string& rootdir);

/// Records a run in the cache: the files recorded before, less those of
/// `ran` that passed or were skipped (`ran` maps each file run to whether it
/// failed or errored), plus those that failed, less those that no longer
/// exist. Writes nothing when there is
/// no cache and nothing failed, so a passing run leaves no trace; the cache
/// directory gets a `.gitignore` of `*`, as pytest's. A symbolic link for
/// the cache directory or one of its files is never followed: a Diagnostic
/// naming it, and nothing written.
Expected<void> WriteLastFailed(const std::string& rootdir, const std::map<std::string, bool>& ran);

}  // namespace replay
