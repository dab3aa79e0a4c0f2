#include "replay/runner/session.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace replay {

namespace {

std::string SignalName(int signal_number) {
  const char* abbrev = sigabbrev_np(signal_number);
  const char* description = strsignal(signal_number);
  std::string name =
      abbrev != nullptr ? std::string("SIG") + abbrev : "signal " + std::to_string(signal_number);
  if (description != nullptr) name += std::string(" (") + description + ")";
  return name;
}

std::string FormatSeconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", seconds);
  return text;
}

std::string FormatBytes(size_t bytes) {
  if (bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MiB";
  if (bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

std::string SessionOutcome::Describe(const IsolationOptions& options) const {
  std::string at = line > 0 ? " at line " + std::to_string(line) : "";
  switch (end) {
    case End::kFinished:
      return {};
    case End::kTimedOut:
      return "timed out after " + FormatSeconds(options.timeout_s) + " s" + at;
    case End::kSignaled:
      return "killed by " + SignalName(code) + at;
    case End::kExited:
      return "the process exited with status " + std::to_string(code) + at +
             " before the transcript ended";
    case End::kOutputLimit:
      return "output exceeded the limit of " + FormatBytes(options.max_output) + at;
    case End::kFileSizeLimit:
      return "a file it wrote reached the file size limit of " + FormatBytes(options.max_output) +
             " (RLIMIT_FSIZE, which --max-output sets)" + at;
    case End::kMemoryLimit:
      return "memory limit of " + FormatBytes(options.max_memory) + " exceeded" + at;
    case End::kWorkFailed:
      return "the console failed" + at + ": " + error;
    case End::kNotStarted:
      return "could not run: " + error;
    case End::kInterrupted:
      return "interrupted after " + FormatSeconds(std::round(duration_s * 10) / 10) + " s" + at +
             ": no verdict";
    case End::kSignaledRunner:
      return "sent " + SignalName(code) + " to replay's runner" + at +
             "; the runner ended the transcript";
  }
  return {};
}

}  // namespace replay
