// The command line as CLI11 parses it: the option table's options, given as
// text to the table's setters; help and the manual without parser internals.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "replay/cli/commands.h"
#include "replay/cli/manual.h"

namespace {

/// `args` parsed as `replay ARGS...` by a fresh command line.
struct Parsed {
  replay::CommandLine line;
  explicit Parsed(std::vector<std::string> args) {
    args.insert(args.begin(), "replay");
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    line.app.parse(static_cast<int>(argv.size()), argv.data());
  }
  /// The run options given, as "name=value,value".
  std::vector<std::string> Given() const {
    std::vector<std::string> given;
    for (const auto& option : line.run->Given()) {
      std::string text = option.option->DisplayName() + "=";
      for (const std::string& value : option.values)
        text += (&value == &option.values.front() ? "" : ",") + value;
      given.push_back(text);
    }
    return given;
  }
};

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("command line: run's options reach the table in its order, as given") {
  Parsed p({"run", "--timeout", "5", "x.pycon", "-j", "2", "--lf", "-k", "a", "-k", "b",
            "docs/y.md:3", "--update"});
  CHECK(p.line.run_command->parsed());
  CHECK(p.Given() == Strings{"paths=x.pycon,docs/y.md:3", "--last-failed=true", "--jobs=2",
                             "--timeout=5", "-k=a,b", "--update=true"});
}

TEST_CASE("command line: a value given twice, the last wins; values are not checked here") {
  Parsed p({"run", "--timeout", "1", "--timeout", "2", "--color", "yes", "--mode", "2", "x"});
  CHECK(p.Given() == Strings{"paths=x", "--mode=2", "--timeout=2", "--color=yes"});
  replay::RunOptions options;
  auto given = p.line.run->Given();
  given.erase(given.begin());  // the path, which does not exist
  auto wrong = replay::ApplyCommandLine(given, options);
  REQUIRE(wrong);
  CHECK(*wrong == "--mode: '2' is not one of 'auto', 'console', 'doctest'");
}

TEST_CASE("command line: global options before or after the command; record's limits") {
  Parsed p({"run", "--python", "/usr/bin/python3", "-v", "a.pycon"});
  CHECK(p.line.global.python == "/usr/bin/python3");
  CHECK(p.line.global.verbose);
  Parsed r({"record", "--timeout", "3", "-o", "out.pycon", "in.txt"});
  CHECK(r.line.record_command->parsed());
  CHECK(r.line.record.output == "out.pycon");
  CHECK(r.line.record.input == "in.txt");
  REQUIRE(r.line.record_limits->Given().size() == 1);
  CHECK(r.line.record_limits->Given()[0].option->name == "timeout");
  CHECK_THROWS_AS(Parsed({"record", "--mode", "doctest"}), CLI::ParseError);
}

TEST_CASE("command line: help and the manual show the table's words, no parser internals") {
  replay::CommandLine line;
  std::string help = line.run_command->help();
  for (const char* internal : {"ENUM", "->", "Check ", "{0,1,2}", "TEXT", "INT", "FLOAT"}) {
    INFO(internal);
    CHECK(help.find(internal) == std::string::npos);
  }
  std::string man = replay::ManPage();
  std::string markdown = replay::RunOptionsMarkdown();
  for (const replay::OptionSpec& spec : replay::RunOptionTable()) {
    INFO(spec.DisplayName());
    if (!spec.name.empty() && !spec.positional) {
      std::string roff = "\\-\\-" + spec.name;
      for (size_t at = roff.find('-', 4); at != std::string::npos; at = roff.find('-', at + 2))
        roff.insert(at, "\\");
      CHECK(man.find(roff) != std::string::npos);
      CHECK(help.find("--" + spec.name) != std::string::npos);
      CHECK(markdown.find("--" + spec.name) != std::string::npos);
    }
    if (!spec.config_key.empty())
      CHECK(markdown.find("`" + spec.config_key + "`") != std::string::npos);
  }
}
