// The files of a run as sessions for the isolated runner, each judged by its
// mode as it ends and handed to the reporter.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "replay/commands/run_plan.h"
#include "replay/report/run_reporter.h"
#include "replay/runner/isolated_runner.h"

namespace replay {

/// The setup file of the file `path`: --setup, else the nearest
/// replay_setup.py at or above its directory, up to the rootdir (never
/// above it: a file planted in /tmp or a shared parent is not run); none if
/// there is none.
std::optional<std::string> SetupPathFor(const std::string& path, const RunOptions& options);

class FileQueue : public SessionQueue {
 public:
  /// The files of `plan`, run as `python_version` (X.Y.Z) for version files
  /// and requirements; `reporter` gets each verdict.
  FileQueue(const std::vector<PlannedFile>& files, const RunOptions& options,
            std::string python_version, RunReporter& reporter)
      : files_(files),
        options_(options),
        python_version_(std::move(python_version)),
        reporter_(reporter) {}

  size_t size() const override { return files_.size(); }
  /// Reads file `index`, and skips it (another Python's version file, an
  /// unmet requirement), reports an error (unreadable, undecodable, a setup
  /// file that cannot be read), or gives its mode's session.
  std::optional<Session> Prepare(size_t index) override;
  /// Judges file `index` by its mode, updates it if asked, reports it.
  void Finish(size_t index, SessionOutcome outcome) override;
  void Progress(const RunProgress& progress) override { reporter_.Progress(progress); }

  /// Files -x did not start.
  size_t not_started() const { return not_started_; }
  /// Files the run never came to (it was interrupted first).
  size_t never_reached() const { return files_.size() - asked_; }

  /// Each file that got a verdict (relative to the rootdir), and whether it
  /// failed or errored: for --last-failed.
  const std::map<std::string, bool>& ran() const { return ran_; }

 private:
  void Add(size_t index, TranscriptVerdict verdict);
  std::nullopt_t Report(size_t index, Status status, const Diagnostic& why);
  Expected<SetupFile> SetupFor(const std::string& path) const;
  void Update(const PlannedFile& planned, const ModeFile& file, const SessionOutcome& outcome,
              const UpdateRequest& what, TranscriptVerdict& verdict) const;

  const std::vector<PlannedFile>& files_;
  const RunOptions& options_;
  std::string python_version_;
  RunReporter& reporter_;
  std::map<size_t, ModeFile> running_;  ///< the files whose sessions run
  size_t not_started_ = 0;
  size_t asked_ = 0;
  std::map<std::string, bool> ran_;
};

}  // namespace replay
