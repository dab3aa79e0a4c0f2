#include "replay/commands/run_plan.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <tuple>

#include "replay/config/last_failed.h"
#include "replay/config/rootdir.h"
#include "replay/text/discovery.h"
#include "replay/text/lines.h"
#include "replay/text/selection.h"

namespace replay {

namespace {

const Mode* Named(const Modes& modes, const std::string& name) {
  for (const auto& mode : modes)
    if (mode->Name() == name) return mode.get();
  return nullptr;
}

/// The mode --mode chose; nullptr for auto.
Expected<const Mode*> ChosenMode(const RunOptions& options, const Modes& modes) {
  if (options.mode == kAutoMode) return static_cast<const Mode*>(nullptr);
  if (const Mode* mode = Named(modes, options.mode)) return mode;
  return Diagnostic{"", 0, 0, "no mode is named '" + options.mode + "'"};
}

const ModeGlob* GlobOf(const std::string& relative, const RunOptions& options) {
  for (const ModeGlob& glob : options.mode_globs)
    if (MatchesPathGlob(relative, glob.glob)) return &glob;
  return nullptr;
}

/// Plans one run: the options, the modes, and what has been found so far.
class Planner {
 public:
  Planner(const RunOptions& options, const Modes& modes, const Mode* chosen)
      : options_(options), modes_(modes), chosen_(chosen) {}

  /// The mode of `path` (`relative` to the rootdir).
  Expected<const Mode*> ModeOf(const std::string& path, const std::string& relative) const {
    if (const ModeGlob* glob = GlobOf(relative, options_)) {
      if (const Mode* mode = Named(modes_, glob->mode)) return mode;
      return Diagnostic{"", 0, 0, relative + ": no mode is named '" + glob->mode + "'"};
    }
    if (chosen_ != nullptr) return chosen_;
    for (const auto& mode : modes_)
      if (mode->ClaimsByName(path)) return mode.get();
    return modes_.front().get();
  }

  /// Whether a directory search takes `path`: by a glob of
  /// [tool.replay.modes], or as the chosen mode (auto: the first) searches.
  bool Wanted(const std::string& path) const {
    if (!options_.mode_globs.empty() && GlobOf(RelativeToRoot(path, options_.rootdir), options_))
      return true;
    return (chosen_ != nullptr ? chosen_ : modes_.front().get())->Searches(path);
  }

  /// The files under one path argument, less the excluded ones found by a
  /// directory search.
  Expected<std::vector<PlannedFile>> FilesOf(const PathArgument& given, Plan& plan) const {
    std::error_code error;
    bool searched = std::filesystem::is_directory(given.path, error);
    if (given.line > 0 && searched) {
      return Diagnostic{given.path + ":" + std::to_string(given.line), 0, 0,
                        "a directory has no lines to select"};
    }
    Expected<std::vector<std::string>> files = DiscoverFiles(
        {given.path}, [&](const std::string& file) { return Wanted(file); },
        [&](const std::string& dir) { return SearchEnters(dir, options_.norecursedirs); });
    if (!files) return files.error();
    std::vector<PlannedFile> planned;
    size_t found_before = plan.found;
    for (std::string& file : *files) {
      std::string relative = RelativeToRoot(file, options_.rootdir);
      bool excluded =
          std::any_of(options_.exclude.begin(), options_.exclude.end(),
                      [&](const std::string& glob) { return MatchesPathGlob(relative, glob); });
      if (searched && excluded) {
        ++plan.excluded;
        continue;
      }
      ++plan.found;
      Expected<const Mode*> mode = ModeOf(file, relative);
      if (!mode) return mode.error();
      if (given.line > 0) {
        if (std::string refused = (*mode)->LineSelectionRefused(); !refused.empty())
          return Diagnostic{file + ":" + std::to_string(given.line), 0, 0, refused};
      }
      if (MatchesAny(file, options_.select))
        planned.push_back({std::move(file), std::move(relative), *mode, given.line});
    }
    if (searched && plan.found == found_before) plan.empty_directories.push_back(given.path);
    return planned;
  }

 private:
  const RunOptions& options_;
  const Modes& modes_;
  const Mode* chosen_;
};

/// The shard of the run: --shard, else Bazel's TEST_SHARD_INDEX (0-based)
/// of TEST_TOTAL_SHARDS, told that replay shards by touching
/// TEST_SHARD_STATUS_FILE; none: the whole run.
Expected<std::optional<Shard>> ShardOf(const RunOptions& options) {
  std::string text = options.shard;
  const char* total = std::getenv("TEST_TOTAL_SHARDS");
  if (text.empty() && total != nullptr && *total != '\0') {
    const char* index = std::getenv("TEST_SHARD_INDEX");
    text =
        std::to_string(std::strtoul(index != nullptr ? index : "0", nullptr, 10) + 1) + "/" + total;
    const char* status = std::getenv("TEST_SHARD_STATUS_FILE");
    if (status != nullptr && *status != '\0') std::ofstream{status, std::ios::app};
  }
  if (text.empty()) return std::optional<Shard>();
  Expected<Shard> shard = ParseShard(text);
  if (!shard) return shard.error();
  return std::optional<Shard>(*shard);
}

/// --last-failed: the files of `files` that failed last time; all of them
/// if none did (as pytest). Says which in `plan.last_failed`.
void KeepLastFailed(const RunOptions& options, std::vector<PlannedFile>& files, Plan& plan) {
  std::set<std::string> failed = ReadLastFailed(options.rootdir);
  std::vector<PlannedFile> kept;
  for (const PlannedFile& file : files)
    if (failed.count(file.relative) > 0) kept.push_back(file);
  if (kept.empty()) {
    plan.last_failed = "no file of this run failed last time: running all " +
                       Plural(static_cast<int>(files.size()), "file");
    return;
  }
  plan.last_failed = "running the " + Plural(static_cast<int>(kept.size()), "file") +
                     " that failed last time (" + std::to_string(files.size() - kept.size()) +
                     " deselected)";
  files = std::move(kept);
}

/// `files` with each file once (by device and inode, and the line
/// selected): `a.pycon ./a.pycon`, or a file and its directory, run it once.
std::vector<PlannedFile> Distinct(std::vector<PlannedFile> files) {
  std::set<std::tuple<dev_t, ino_t, int>> seen_files;
  std::set<std::pair<std::string, int>> seen_paths;  // files stat cannot see
  std::vector<PlannedFile> kept;
  for (PlannedFile& file : files) {
    struct stat info {};
    bool first = stat(file.path.c_str(), &info) == 0
                     ? seen_files.insert({info.st_dev, info.st_ino, file.line}).second
                     : seen_paths.insert({file.path, file.line}).second;
    if (first) kept.push_back(std::move(file));
  }
  return kept;
}

/// The files of `files` in `shard`, in their order.
std::vector<PlannedFile> InShard(std::vector<PlannedFile> files, const Shard& shard) {
  std::vector<std::string> paths;
  for (const PlannedFile& file : files) paths.push_back(file.path);
  std::vector<std::string> in_shard = FilesInShard(paths, shard);
  std::multiset<std::string> wanted(in_shard.begin(), in_shard.end());
  std::vector<PlannedFile> kept;
  for (PlannedFile& file : files) {
    auto it = wanted.find(file.path);
    if (it == wanted.end()) continue;
    wanted.erase(it);
    kept.push_back(std::move(file));
  }
  return kept;
}

}  // namespace

Expected<Plan> PlanRun(const RunOptions& options, const Modes& modes) {
  Expected<std::optional<Shard>> shard = ShardOf(options);
  if (!shard) return shard.error();
  Expected<const Mode*> chosen = ChosenMode(options, modes);
  if (!chosen) return chosen.error();
  Planner planner(options, modes, *chosen);
  Plan plan;
  std::vector<PlannedFile> matched;
  for (const PathArgument& given : options.paths) {
    Expected<std::vector<PlannedFile>> files = planner.FilesOf(given, plan);
    if (!files) return files.error();
    matched.insert(matched.end(), files->begin(), files->end());
  }
  matched = Distinct(std::move(matched));
  if (options.last_failed) KeepLastFailed(options, matched, plan);
  plan.matched = matched.size();
  plan.files = *shard ? InShard(std::move(matched), **shard) : std::move(matched);
  return plan;
}

std::string NothingSelected(const RunOptions& options, const Modes& modes, const Plan& plan) {
  if (plan.found > 0) return "no file matches -k " + Join(options.select, " or -k ");
  Expected<const Mode*> chosen = ChosenMode(options, modes);
  const Mode& searched = chosen && *chosen != nullptr ? **chosen : *modes.front();
  std::string text = "the directories given hold no " + searched.SearchedFiles() + " file";
  if (plan.excluded > 0)
    text += " (" + Plural(static_cast<int>(plan.excluded), "file") + " left out by exclude of " +
            options.config_file + ")";
  if (options.mode == kAutoMode) {
    for (const auto& mode : modes) {
      if (mode.get() == &searched) continue;
      text += " (use --mode " + mode->Name() + " to search them for " + mode->SearchedFiles() + ")";
    }
  }
  return text;
}

std::string NothingIn(const RunOptions& options, const Modes& modes, const std::string& directory) {
  Expected<const Mode*> chosen = ChosenMode(options, modes);
  const Mode& searched = chosen && *chosen != nullptr ? **chosen : *modes.front();
  std::string text = "it holds no " + searched.SearchedFiles() + " file";
  if (!options.exclude.empty()) text += " that exclude of " + options.config_file + " leaves in";
  auto enter = [&](const std::string& dir) { return SearchEnters(dir, options.norecursedirs); };
  for (const auto& mode : modes) {
    if (mode.get() == &searched) continue;
    Expected<std::vector<std::string>> other = DiscoverFiles(
        {directory}, [&](const std::string& file) { return mode->Searches(file); }, enter);
    if (!other || other->empty()) continue;
    text += " (--mode " + mode->Name() + " would check " +
            Plural(static_cast<int>(other->size()), "file") + " of it, " + mode->SearchedFiles() +
            "; or give them a mode in [tool.replay.modes])";
  }
  return text;
}

Preload PreloadFor(const Plan& plan) {
  std::vector<const Mode*> seen;
  std::vector<Preload> preloads;
  for (const PlannedFile& file : plan.files) {
    if (std::find(seen.begin(), seen.end(), file.mode) != seen.end()) continue;
    seen.push_back(file.mode);
    preloads.push_back(file.mode->Preloads());
  }
  return CommonPreload(preloads);
}

}  // namespace replay
