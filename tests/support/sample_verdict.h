// Verdicts for the reporters' tests.
#pragma once

#include <string>
#include <vector>

#include "replay/report/verdict.h"

namespace replay_test {

/// A verdict on `path` with `status`, naming `line`, with `message`, `notes`
/// and `diff`.
inline replay::TranscriptVerdict SampleVerdict(std::string path, replay::Status status,
                                               std::string message = {}, int line = 0,
                                               std::vector<std::string> notes = {},
                                               std::string diff = {}) {
  replay::TranscriptVerdict verdict;
  verdict.path = std::move(path);
  verdict.status = status;
  verdict.message = std::move(message);
  verdict.line = line;
  verdict.notes = std::move(notes);
  verdict.diff = std::move(diff);
  return verdict;
}

}  // namespace replay_test
