#include "replay/commands/file_queue.h"

#include "replay/text/discovery.h"
#include "replay/text/files.h"
#include "replay/text/requirements.h"
#include "replay/text/transcript_text.h"
#include "replay/text/version_files.h"

namespace replay {

std::optional<std::string> SetupPathFor(const std::string& path, const RunOptions& options) {
  if (!options.setup.empty()) return options.setup;
  return FindUpwards(path, kSetupFileName, options.rootdir);
}

std::optional<Session> FileQueue::Prepare(size_t index) {
  const PlannedFile& planned = files_[index];
  if (options_.exit_first && reporter_.failures() > 0) {
    ++not_started_;
    return std::nullopt;
  }
  Expected<std::optional<std::string>> other = VersionFileMismatch(planned.path, python_version_);
  if (!other) return Report(index, Status::kError, other.error());
  if (*other) return Report(index, Status::kSkipped, Diagnostic{planned.path, 0, 0, **other});
  Expected<std::string> bytes = ReadFile(planned.path);
  if (!bytes) return Report(index, Status::kError, bytes.error());
  Expected<TranscriptText> text = DecodeTranscript(*bytes, planned.path);
  if (!text) return Report(index, Status::kError, text.error());
  Expected<std::optional<Diagnostic>> unmet =
      UnmetRequirement(text->text, planned.path, python_version_);
  if (!unmet) return Report(index, Status::kError, unmet.error());
  if (*unmet) return Report(index, Status::kSkipped, **unmet);
  Expected<SetupFile> setup = SetupFor(planned.path);
  if (!setup) return Report(index, Status::kError, setup.error());
  ModeFile& file = running_[index] =
      ModeFile{planned.path, planned.line, std::move(*text), std::move(*setup)};
  return planned.mode->Prepare(file);
}

void FileQueue::Finish(size_t index, SessionOutcome outcome) {
  const PlannedFile& planned = files_[index];
  const ModeFile& file = running_.at(index);
  TranscriptVerdict verdict = planned.mode->Judge(file, outcome);
  UpdateRequest what;
  what.outputs = (options_.update || options_.update_version) && verdict.status == Status::kFailed;
  what.prompts = options_.fix_prompts && outcome.end == SessionOutcome::End::kFinished;
  if (what.outputs || what.prompts) Update(planned, file, outcome, what, verdict);
  verdict.notes = planned.mode->Notes(file);
  running_.erase(index);
  Add(index, std::move(verdict));
}

/// Reports file `index`'s verdict, and records it for --last-failed: a file
/// run whole is recorded as failed or not; a file of which one example ran
/// (FILE:LINE) only if it failed, as its other examples did not run.
void FileQueue::Add(size_t index, TranscriptVerdict verdict) {
  bool failed = verdict.status == Status::kFailed || verdict.status == Status::kError;
  if (failed || files_[index].line == 0) ran_[files_[index].relative] = failed;
  reporter_.Add(index, std::move(verdict));
}

/// File `index` judged without running it: nothing to run.
std::nullopt_t FileQueue::Report(size_t index, Status status, const Diagnostic& why) {
  TranscriptVerdict verdict;
  verdict.path = files_[index].path;
  verdict.mode = files_[index].mode->Name();
  verdict.status = status;
  verdict.line = why.line;
  verdict.message = why.ToString();
  Add(index, std::move(verdict));
  return std::nullopt;
}

/// The setup file of the file `path`: --setup, else the nearest
/// replay_setup.py at or above its directory; none: an empty path.
Expected<SetupFile> FileQueue::SetupFor(const std::string& path) const {
  std::optional<std::string> setup_path = SetupPathFor(path, options_);
  if (!setup_path) return SetupFile{};
  Expected<std::string> source = ReadFile(*setup_path);
  if (!source) return source.error();
  return SetupFile{*setup_path, std::move(*source)};
}

/// --update, --fix-prompts: what the mode makes of the session, written over the file (or
/// --update-version's file), unless someone changed the file meanwhile.
void FileQueue::Update(const PlannedFile& planned, const ModeFile& file,
                       const SessionOutcome& outcome, const UpdateRequest& what,
                       TranscriptVerdict& verdict) const {
  std::optional<std::string> text = planned.mode->Updated(file, outcome, what);
  if (std::string refused = planned.mode->UpdateRefused(file); !refused.empty()) {
    // Said only where there was something to write: --fix-prompts asks of
    // every file, --update of failed ones.
    if (what.outputs || text) verdict.not_updated = refused;
    return;
  }
  if (!text) return;
  // Someone (an editor, another replay) may have changed the file since
  // it was read: their edit wins.
  Expected<std::string> now = ReadFile(file.path);
  if (now && *now != EncodeTranscript(file.text)) {
    verdict.not_updated = "changed during the run";
    return;
  }
  TranscriptText updated = file.text;
  updated.text = std::move(*text);
  std::string target =
      options_.update_version ? VersionFileFor(file.path, python_version_) : file.path;
  if (target != file.path) verdict.updated_path = target;
  if (Expected<void> written = WriteFileAtomically(target, EncodeTranscript(updated))) {
    verdict.updated = true;
  } else {
    verdict.not_updated = written.error().message;
    verdict.update_unwritable = true;
  }
}

}  // namespace replay
