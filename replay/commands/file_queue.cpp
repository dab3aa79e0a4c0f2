#include "replay/commands/file_queue.h"

#include "replay/text/discovery.h"
#include "replay/text/file_update.h"
#include "replay/text/files.h"
#include "replay/text/lines.h"
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
  ++asked_;
  if (options_.exit_first && reporter_.failures() > 0) {
    ++not_started_;
    return std::nullopt;
  }
  Expected<std::optional<std::string>> other = VersionFileMismatch(planned.path, python_version_);
  if (!other) return Report(index, Status::kError, other.error());
  if (*other) return Report(index, Status::kSkipped, Diagnostic{planned.path, 0, 0, **other});
  FileIdentity identity;
  // The expected side is bounded as the actual side is: a transcript
  // longer than the output a run may show could never pass (twice: a CRLF
  // file's line ends take two bytes).
  Expected<std::string> bytes =
      ReadFile(planned.path, &identity, 2 * options_.isolation.max_output,
               "twice --max-output, which bounds expected text as output");
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
      ModeFile{planned.path, planned.line, std::move(*text), std::move(*setup), identity};
  return planned.mode->Prepare(file);
}

void FileQueue::Finish(size_t index, SessionOutcome outcome) {
  const PlannedFile& planned = files_[index];
  const ModeFile& file = running_.at(index);
  if (outcome.end == SessionOutcome::End::kInterrupted) {
    // No verdict, no update: the file and the line it was running.
    running_.erase(index);
    Report(index, Status::kInterrupted,
           Diagnostic{planned.path, 0, 0, outcome.Describe(options_.isolation)});
    return;
  }
  TranscriptVerdict verdict = planned.mode->Judge(file, outcome);
  UpdateRequest what;
  what.outputs = (options_.update || options_.update_version) && verdict.status == Status::kFailed;
  what.prompts = options_.fix_prompts && outcome.end == SessionOutcome::End::kFinished;
  what.version_file = options_.update_version;
  if (what.outputs || what.prompts) Update(planned, file, outcome, what, verdict);
  verdict.notes = planned.mode->Notes(file);
  // Never a silent green: a file with nothing run but lines not tested
  // (IPython prompts, Sphinx directives' code) says so in its verdict.
  if (verdict.status == Status::kSkipped && !verdict.notes.empty() &&
      EndsWith(verdict.message, kNoExamples)) {
    verdict.message += " run (" + Plural(static_cast<int>(verdict.notes.size()), "note") +
                       " on what doctest leaves out)";
  }
  running_.erase(index);
  Add(index, std::move(verdict));
}

/// Reports file `index`'s verdict, and records it for --last-failed: a file
/// run whole is recorded as failed or not; a file of which one example ran
/// (FILE:LINE) only if it failed, as its other examples did not run.
void FileQueue::Add(size_t index, TranscriptVerdict verdict) {
  if (verdict.status == Status::kInterrupted) return reporter_.Add(index, std::move(verdict));
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

/// --update, --fix-prompts: what the mode makes of the session, written over
/// the file (or --update-version's file) keeping its owner, mode and links,
/// unless someone deleted, replaced or changed the file meanwhile, or it is
/// read-only.
void FileQueue::Update(const PlannedFile& planned, const ModeFile& file,
                       const SessionOutcome& outcome, const UpdateRequest& what,
                       TranscriptVerdict& verdict) const {
  std::optional<std::string> text = planned.mode->Updated(file, outcome, what);
  if (std::string refused = planned.mode->UpdateRefused(file, what); !refused.empty()) {
    // Said only where there was something to write: --fix-prompts asks of
    // every file, --update of failed ones.
    if (what.outputs || text) verdict.not_updated = refused;
    return;
  }
  verdict.examples_not_updated = planned.mode->UpdateRefusals(file, outcome, what);
  if (!text) return;
  // Someone (an editor, another replay) may have deleted, replaced or
  // changed the file since it was read: their edit wins.
  if (std::string refused = UpdateRefusal(file.path, file.identity); !refused.empty()) {
    verdict.not_updated = refused;
    return;
  }
  Expected<std::string> now = ReadFile(file.path);
  if (!now || *now != EncodeTranscript(file.text)) {
    verdict.not_updated = now ? "changed during the run" : now.error().message;
    return;
  }
  TranscriptText updated = file.text;
  updated.text = std::move(*text);
  std::string target =
      options_.update_version ? VersionFileFor(file.path, python_version_) : file.path;
  if (target != file.path) {
    verdict.updated_path = target;
    if (std::string refused = UnwritableReason(target); !refused.empty()) {
      verdict.not_updated = target + ": " + refused;
      return;
    }
  }
  if (Expected<std::string> written = UpdateFile(target, EncodeTranscript(updated))) {
    verdict.updated = true;
    verdict.updated_in_place = *written;
  } else {
    verdict.not_updated = written.error().message;
    verdict.update_unwritable = true;
  }
}

}  // namespace replay
