#include "replay/commands/record.h"

#include <unistd.h>

#include <iostream>
#include <iterator>

#include "pycon/python_session.h"
#include "replay/commands/host_interpreter.h"
#include "replay/commands/interactive_record.h"
#include "replay/console/result.h"
#include "replay/console/session.h"
#include "replay/runner/interrupt.h"
#include "replay/runner/isolated_runner.h"
#include "replay/text/files.h"
#include "replay/text/transcript_text.h"

namespace replay {

namespace {

/// The input lines, decoded; `name` is how messages call them.
Expected<TranscriptText> ReadInput(const RecordOptions& options, const std::string& name) {
  std::string bytes;
  if (name == "<stdin>") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else if (Expected<std::string> read = ReadFile(options.input)) {
    bytes = std::move(*read);
  } else {
    return read.error();
  }
  return DecodeTranscript(bytes, name);
}

/// Writes the transcript to `output` (empty: standard output).
Expected<void> WriteTranscript(const std::string& output, const std::string& transcript) {
  if (!output.empty()) return WriteFileAtomically(output, transcript);
  std::cout << transcript << std::flush;
  if (!std::cout) return Diagnostic{"<stdout>", 0, 0, "cannot write"};
  return {};
}

}  // namespace

int RecordCommand(const RecordOptions& options) {
  std::string name = options.input.empty() || options.input == "-" ? "<stdin>" : options.input;
  if (name == "<stdin>" && isatty(STDIN_FILENO)) {
    if (options.output.empty()) {
      std::cerr << "replay: recording at a terminal needs -o FILE\n";
      return 2;
    }
    return RecordInteractively(options.output, options.python);
  }
  Expected<TranscriptText> text = ReadInput(options, name);
  if (!text) {
    std::cerr << "replay: " << text.error().ToString() << "\n";
    return 2;
  }
  pycon::SessionOptions interpreter;
  interpreter.finalize = false;  // the process ends right after
  interpreter.executable = options.python;
  interpreter.install_signal_handlers = true;  // for the child, as in python3
  AdoptAsFresh(interpreter);
  pycon::PythonSession python(interpreter);
  InterruptSignals interrupt;
  std::optional<SessionOutcome> outcome =
      RunIsolatedOnce(InputLinesSession(name, text->text), options.isolation, interrupt.fd(),
                      pycon::PythonSession::Fork);
  if (!outcome) return 130;
  // The session as a transcript has it: without the prompt that found no
  // input (the result's substitutions say where it is).
  Expected<ConsoleResult> result = ConsoleResult::FromJson(outcome->result, name);
  text->text =
      result ? ApplySubstitutions(outcome->output, result->substitutions) : outcome->output;
  if (Expected<void> written = WriteTranscript(options.output, EncodeTranscript(*text)); !written) {
    std::cerr << "replay: " << written.error().ToString() << "\n";
    return 2;
  }
  if (outcome->end != SessionOutcome::End::kFinished) {
    std::cerr << "replay: " << name << ": " << outcome->Describe(options.isolation) << "\n";
    return 1;
  }
  return 0;
}

}  // namespace replay
