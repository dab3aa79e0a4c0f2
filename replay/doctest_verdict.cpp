#include "doctest_verdict.h"

namespace replay {

TranscriptVerdict JudgeDoctest(const std::string& path, const SessionOutcome& outcome,
                               const IsolationOptions& options, PromptPolicy) {
  TranscriptVerdict verdict;
  verdict.path = path;
  verdict.mode = "doctest";
  verdict.status = Status::kError;
  verdict.message = path + ": " + (outcome.end == SessionOutcome::End::kFinished
                                       ? std::string("doctest mode is not implemented yet")
                                       : outcome.Describe(options));
  verdict.duration_s = outcome.duration_s;
  return verdict;
}

}  // namespace replay
