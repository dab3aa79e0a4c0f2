#include "record_command.h"

#include <unistd.h>

#include <iostream>
#include <iterator>

#include "atomic_file.h"
#include "console_session.h"
#include "interactive_record.h"
#include "isolated_runner.h"
#include "python_session.h"
#include "transcript_text.h"

namespace replay {

int RecordCommand(const RecordOptions& options) {
  std::string name = options.input.empty() || options.input == "-" ? "<stdin>" : options.input;
  if (name == "<stdin>" && isatty(STDIN_FILENO)) {
    if (options.output.empty()) {
      std::cerr << "replay: recording at a terminal needs -o FILE\n";
      return 2;
    }
    return RecordInteractively(options.output, options.python_executable);
  }
  std::string bytes, error;
  if (name == "<stdin>") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else if (!ReadFile(options.input, bytes, error)) {
    std::cerr << "replay: " << name << ": cannot read: " << error << "\n";
    return 2;
  }
  auto decoded = DecodeTranscript(bytes, name);
  if (auto* diagnostic = std::get_if<Diagnostic>(&decoded)) {
    std::cerr << "replay: " << diagnostic->ToString() << "\n";
    return 2;
  }
  TranscriptText text = std::get<TranscriptText>(std::move(decoded));

  pycon::SessionOptions session_options;
  session_options.executable = options.python_executable;
  session_options.finalize = false;  // the process ends right after
  pycon::PythonSession python(session_options);
  IsolationOptions isolation;
  isolation.jobs = 1;
  isolation.timeout_s = options.timeout_s;
  isolation.max_output = options.max_output;
  SessionOutcome result;
  RunIsolated(
      1, [&](size_t) { return InputLinesSession(name, text.text); },
      [&](size_t, SessionOutcome&& outcome) { result = std::move(outcome); }, isolation, {},
      nullptr);

  text.text = result.output;
  std::string transcript = EncodeTranscript(text);
  if (options.output.empty()) {
    std::cout << transcript << std::flush;
  } else if (std::string failure = WriteFileAtomically(options.output, transcript);
             !failure.empty()) {
    std::cerr << "replay: " << failure << "\n";
    return 2;
  }
  if (result.end != SessionOutcome::End::kFinished) {
    std::cerr << "replay: " << name << ": " << result.Describe(isolation) << "\n";
    return 1;
  }
  return 0;
}

}  // namespace replay
