#include "replay/commands/interactive_record.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <utility>

#include "pycon/bridge.h"
#include "pycon/interactive_console.h"
#include "pycon/python_session.h"
#include "pycon/temporary_attribute.h"
#include "replay/commands/host_interpreter.h"
#include "replay/commands/programs.h"

namespace replay {

namespace {

/// The transcript file, written as the session goes.
class TranscriptFile {
 public:
  explicit TranscriptFile(int fd) : fd_(fd) {}
  void Append(std::string_view text) {
    if (!recording_) return;
    size_ += text.size();
    while (!text.empty() && error_ == 0) {
      ssize_t n = write(fd_, text.data(), text.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) error_ = n < 0 ? errno : EIO;
      if (n > 0) text.remove_prefix(static_cast<size_t>(n));
    }
  }
  size_t size() const { return size_; }
  /// The first write error (errno), 0 if none: the file then holds only
  /// what was written before it (a full disk).
  int error() const { return error_; }
  /// Drops what was written after `size`.
  void Truncate(size_t size) {
    if (size >= size_) return;
    size_ = size;
    if (ftruncate(fd_, static_cast<off_t>(size)) == 0)
      lseek(fd_, static_cast<off_t>(size), SEEK_SET);
  }
  void set_recording(bool recording) { recording_ = recording; }

 private:
  int fd_;
  size_t size_ = 0;
  bool recording_ = true;
  int error_ = 0;
};

/// sys.stdout and sys.stderr wrapped in Tees (replay/commands/tee.py) that
/// hand what is written to `file`, while it lives.
class TeeStreams {
 public:
  explicit TeeStreams(TranscriptFile& file) {
    pycon::PyRef globals = pycon::NewNamespace();
    // "<string>", as it was run before it was a file: the Tee's frames show
    // in tracebacks that a session records.
    pycon::Exec(kTeeSource, "<string>", globals, "Tee");
    pycon::PyRef tee = pycon::GetItem(globals, "Tee");
    pycon::PyRef record =
        pycon::MakeFunction("record", [&file](const std::vector<pycon::PyRef>& args) {
          if (args.size() != 1) throw std::invalid_argument("record takes one argument");
          file.Append(pycon::Str(args[0]));
          return pycon::PyRef();
        });
    pycon::PyRef sys = pycon::Import("sys");
    for (const char* name : {"stdout", "stderr"}) {
      pycon::PyRef wrapped = pycon::Call(tee, {pycon::SysAttr(name), record}, "Tee()");
      streams_.emplace_back(sys, name, wrapped);
    }
  }

 private:
  std::vector<pycon::TemporaryAttribute> streams_;
};

/// Whether Ctrl-C was pressed: Python's SIGINT handler, replaced by one that
/// notes it and raises KeyboardInterrupt as signal.default_int_handler does
/// (a builtin function, so no frame of ours shows in the traceback).
class InterruptWatch {
 public:
  InterruptWatch() {
    Install(pycon::MakeFunction("interrupted",
                                [this](const std::vector<pycon::PyRef>&) -> pycon::PyRef {
                                  seen_ = true;
                                  throw pycon::KeyboardInterruptError();
                                }));
  }
  /// Python's own handler again: ours points into this object.
  ~InterruptWatch() {
    try {
      Install(pycon::GetAttr(pycon::Import("signal"), "default_int_handler"));
    } catch (const std::exception&) {
      // The recording is over, and Python with it: no Ctrl-C reaches ours.
    }
  }
  InterruptWatch(const InterruptWatch&) = delete;
  InterruptWatch& operator=(const InterruptWatch&) = delete;
  /// True if Ctrl-C was pressed since the last call.
  bool Take() { return std::exchange(seen_, false); }

 private:
  static void Install(const pycon::PyRef& handler) {
    pycon::CallMethod(pycon::Import("signal"), "signal", {pycon::MakeInt(SIGINT), handler},
                      "signal.signal()");
  }
  bool seen_ = false;
};

/// The console's line source while recording: input() with readline, each
/// line written to `file` with its prompt. A statement during which Ctrl-C
/// was pressed, at one of its prompts or while it ran, cannot be replayed:
/// it is dropped from the file with all it wrote (the KeyboardInterrupt).
class RecordingLineSource {
 public:
  RecordingLineSource(const pycon::InteractiveConsole& console, TranscriptFile& file,
                      InterruptWatch& interrupts)
      : console_(console), file_(file), interrupts_(interrupts) {}

  std::optional<std::string> operator()(const std::string& prompt) {
    file_.set_recording(true);
    if (console_.buffer().empty()) {
      if (interrupts_.Take()) file_.Truncate(statement_start_);  // it ran until now
      statement_start_ = file_.size();
    }
    std::optional<std::string> line;
    try {
      line = pycon::ReadLine(prompt);
    } catch (const pycon::KeyboardInterruptError&) {
      file_.Truncate(statement_start_);
      file_.set_recording(false);
      throw;
    }
    if (!line) {
      file_.set_recording(false);  // the newline shown at end of file
      return std::nullopt;
    }
    file_.Append(prompt + *line + "\n");
    return line;
  }

 private:
  const pycon::InteractiveConsole& console_;
  TranscriptFile& file_;
  InterruptWatch& interrupts_;
  size_t statement_start_ = 0;
};

/// Runs the console until it ends; 1 if the console itself failed.
int RunRecordedConsole(pycon::InteractiveConsole& console, TranscriptFile& file) {
  TeeStreams tee(file);
  try {
    console.InteractAsCommand(std::string(), std::string());
  } catch (const pycon::SystemExitError& exit) {
    console.Write(exit.ExitMessage());
  } catch (const std::exception& error) {
    std::cerr << "replay: " << error.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int RecordInteractively(const std::string& output, const std::string& executable) {
  int fd = open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    std::cerr << "replay: cannot write " << output << ": " << std::strerror(errno) << "\n";
    return 2;
  }
  pycon::SessionOptions session_options;
  session_options.install_signal_handlers = true;
  session_options.executable = executable;
  AdoptAsIs(session_options);  // interactive: the host's signal handlers stay
  pycon::PythonSession python(session_options);
  try {
    pycon::Import("readline");  // line editing and history, as code.interact has them
  } catch (const pycon::PythonError&) {
    // Without readline, input() reads plain lines.
  }
  std::cerr << "Recording to " << output << " (Ctrl-D ends)\n";

  TranscriptFile file(fd);
  pycon::InteractiveConsole console;
  InterruptWatch interrupts;
  console.SetRawInput(RecordingLineSource(console, file, interrupts));
  int status = RunRecordedConsole(console, file);
  int error = file.error();
  if (close(fd) != 0 && error == 0) error = errno;
  if (error != 0) {
    std::cerr << "replay: cannot write " << output << ": " << std::strerror(error)
              << " (it holds only what was written before)\n";
    return 2;
  }
  std::cerr << "Wrote " << output << "\n";
  return status;
}

}  // namespace replay
