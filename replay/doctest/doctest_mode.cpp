#include "replay/doctest/doctest_mode.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "replay/doctest/session.h"
#include "replay/doctest/text.h"
#include "replay/doctest/update.h"
#include "replay/text/lines.h"
#include "replay/text/spelling.h"

namespace replay {

namespace {

bool IsDocumentation(const std::string& path) {
  return EndsWith(path, ".txt") || EndsWith(path, ".rst") || EndsWith(path, ".md");
}

}  // namespace

bool DoctestMode::ClaimsByName(const std::string& path) const {
  return IsDocumentation(path) || EndsWith(path, ".py");
}

bool DoctestMode::Searches(const std::string& path) const {
  std::error_code error;
  if (EndsWith(path, ".py"))
    // Not __main__.py: importing it runs the program (pytest skips it too).
    return std::filesystem::path(path).filename() != "__main__.py" &&
           std::filesystem::is_regular_file(
               std::filesystem::path(path).parent_path() / "__init__.py", error);
  return IsDocumentation(path);
}

Expected<void> DoctestMode::CheckOptions() const {
  if (option_flags_.empty()) return {};
  std::vector<std::string> known = DoctestOptionFlagNames();
  for (const std::string& flag : option_flags_) {
    if (std::find(known.begin(), known.end(), flag) != known.end()) continue;
    std::string text = origin_ + " " + flag + ": not a doctest option flag";
    if (std::optional<std::string> meant = DidYouMean(flag, known))
      text += " (did you mean " + *meant + "?)";
    return Diagnostic{"", 0, 0, text + "; known: " + Join(known, ", ")};
  }
  return {};
}

std::vector<std::string> DoctestMode::Notes(const ModeFile& file) const {
  return NotTestedNotes(file.path, file.text.text);
}

Session DoctestMode::Prepare(const ModeFile& file) const {
  DoctestOptions options;
  options.option_flags = option_flags_;
  options.setup = file.setup;
  options.line = file.line;
  options.check_prompts = prompts_ != PromptPolicy::kOff;
  return DoctestSession(file.path, file.text, std::move(options));
}

TranscriptVerdict DoctestMode::Judge(const ModeFile& file, const SessionOutcome& outcome) const {
  return JudgeDoctest(file.path, outcome, isolation_, prompts_, file.text.text);
}

namespace {

/// What --update makes of `file` after `outcome`; nothing if it did not finish.
DoctestUpdate UpdateOf(const ModeFile& file, const SessionOutcome& outcome,
                       const UpdateRequest& what) {
  if (outcome.end != SessionOutcome::End::kFinished) return {};
  Expected<DoctestResult> result = DoctestResult::FromJson(outcome.result, "");
  if (!result || result->refusal) return {};
  return UpdateDoctest(file.text.text, *result, what.outputs, what.prompts,
                       EndsWith(file.path, ".py"));
}

}  // namespace

std::string DoctestMode::UpdateRefused(const ModeFile& file, const UpdateRequest& what) const {
  if (what.version_file && EndsWith(file.path, ".py"))
    return "--update-version does not write a version-specific copy of a Python module "
           "(an import takes the module itself): use --update";
  return {};
}

std::optional<std::string> DoctestMode::Updated(const ModeFile& file, const SessionOutcome& outcome,
                                                const UpdateRequest& what) const {
  return UpdateOf(file, outcome, what).text;
}

std::vector<std::string> DoctestMode::UpdateRefusals(const ModeFile& file,
                                                     const SessionOutcome& outcome,
                                                     const UpdateRequest& what) const {
  std::vector<std::string> refusals;
  for (Diagnostic& refused : UpdateOf(file, outcome, what).refused) {
    refused.file = file.path;
    refusals.push_back(refused.ToString());
  }
  return refusals;
}

}  // namespace replay
