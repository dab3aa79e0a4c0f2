// The option table: one declaration per option, read alike from the command
// line and from [tool.replay].
#include "replay/options/option_table.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "replay/config/project_config.h"
#include "temp_dir.h"

namespace {

using replay::OptionKind;
using replay::OptionSpec;
using replay::RunOptions;

/// Every field of `o` that an option sets, as text: two runs set alike
/// print alike.
std::string Dump(const RunOptions& o) {
  std::ostringstream out;
  for (const auto& p : o.paths) out << "path=" << p.path << ":" << p.line << ";";
  out << "mode=" << o.mode << ";";
  for (const auto& g : o.mode_globs) out << "glob=" << g.glob << "=" << g.mode << ";";
  for (const auto& f : o.option_flags) out << "flag=" << f << ";";
  out << "prompts=" << static_cast<int>(o.prompts) << ";jobs=" << o.isolation.jobs
      << ";timeout=" << o.isolation.timeout_s << ";max_output=" << o.isolation.max_output
      << ";max_memory=" << o.isolation.max_memory << ";color=" << static_cast<int>(o.color)
      << ";annotations=" << static_cast<int>(o.annotations) << ";";
  for (const auto& k : o.select) out << "k=" << k << ";";
  for (const auto& e : o.exclude) out << "exclude=" << e << ";";
  out << "shard=" << o.shard << ";x=" << o.exit_first << ";setup=" << o.setup
      << ";json=" << o.report_json << ";junit=" << o.junit << ";update=" << o.update
      << ";update_version=" << o.update_version << ";ellipsis=" << o.placeholders.ellipsis
      << ";console=" << static_cast<int>(o.console) << ";lf=" << o.last_failed
      << ";config=" << o.config << ";sandbox=" << o.sandbox;
  return out.str();
}

/// Values to try for each option taking a value that is not one of a
/// fixed set of names: some it takes, some it refuses.
const std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>>
    kSamples = {
        {"jobs", {{"0", "3", "4096"}, {"-1", "4097", "100000", "x", "2.5", ""}}},
        {"timeout", {{"0.5", "61", "1e3"}, {"0", "-1", "nan", "inf", "x", ""}}},
        {"max-output", {{"1", "15M", "2k", "1GB"}, {"0", "12Q", "-1", "", "99999999999999G"}}},
        {"max-memory", {{"0", "1", "3G"}, {"x", "-5", "1T"}}},
        {"setup", {{"setup.py"}, {"nothere.py", "."}}},
        {"paths", {{"a.txt", ".", "a.txt:3"}, {"nothere", "a.txt:0", "a.txt:00"}}},
        {"doctest-options", {{"ELLIPSIS"}, {}}},
        {"exclude", {{"_build/"}, {}}},
};

std::string TomlString(const std::string& text) { return "\"" + text + "\""; }

/// `key = value` of [tool.replay], as a user would write `text`.
std::string TomlLine(const OptionSpec& spec, const std::string& text) {
  switch (spec.kind) {
    case OptionKind::kFlag:
      return spec.config_key + " = " + text;
    case OptionKind::kList:
      return spec.config_key + " = [" + TomlString(text) + "]";
    default:
      return spec.config_key + " = " + TomlString(text);
  }
}

/// The options from `text` on the command line; the error (after the
/// option's name) if refused.
std::pair<std::string, std::string> FromCommandLine(const OptionSpec& spec,
                                                    const std::string& text) {
  RunOptions options;
  auto wrong = replay::ApplyCommandLine({{&spec, {text}}}, options);
  if (!wrong) return {Dump(options), ""};
  std::string prefix = spec.positional ? "" : spec.DisplayName() + ": ";
  REQUIRE(wrong->rfind(prefix, 0) == 0);
  return {"", wrong->substr(prefix.size())};
}

/// The options from `text` in [tool.replay] (the rootdir the current
/// directory); the error (after the key's name) if refused.
std::pair<std::string, std::string> FromConfig(const OptionSpec& spec, const std::string& text) {
  auto config =
      replay::ParseProjectConfig("[tool.replay]\n" + TomlLine(spec, text) + "\n", "pyproject.toml");
  REQUIRE(config);
  REQUIRE(*config);
  (*config)->rootdir = ".";
  RunOptions options;
  auto applied = replay::ApplyProjectConfig(**config, options);
  if (applied) return {Dump(options), ""};
  std::string prefix = "[tool.replay] " + spec.config_key + ": ";
  const std::string& message = applied.error().message;
  REQUIRE(message.rfind(prefix, 0) == 0);
  return {"", message.substr(prefix.size())};
}

}  // namespace

TEST_CASE("option table: every option of both places takes and refuses values alike") {
  replay_test::TempDir dir("option_table");
  std::ofstream(dir.path / "a.txt") << "";
  std::ofstream(dir.path / "setup.py") << "";
  auto was = std::filesystem::current_path();
  std::filesystem::current_path(dir.path);
  size_t compared = 0;
  for (const OptionSpec& spec : replay::RunOptionTable()) {
    if (spec.config_key.empty() || (spec.name.empty() && spec.short_name.empty())) continue;
    std::vector<std::string> good, bad;
    if (spec.kind == OptionKind::kFlag) {
      good = {"true", "false"};
    } else if (!spec.choices.empty()) {
      good = spec.choices;
      bad = {"nonsense", "0", "", spec.choices.front() + "x"};
    } else {
      auto samples = kSamples.find(spec.config_key);
      INFO("no samples for option " << spec.DisplayName() << ": add them to kSamples");
      REQUIRE(samples != kSamples.end());
      good = samples->second.first;
      bad = samples->second.second;
    }
    for (const std::string& text : good) {
      INFO(spec.DisplayName() << " " << text);
      auto cli = FromCommandLine(spec, text);
      auto config = FromConfig(spec, text);
      CHECK(cli.second == "");
      CHECK(cli == config);
      bool is_default =
          text == "false" || text == "0" || (!spec.choices.empty() && text == spec.choices.front());
      CHECK((cli.first != Dump(RunOptions()) || is_default));
      ++compared;
    }
    for (const std::string& text : bad) {
      INFO(spec.DisplayName() << " " << text);
      auto cli = FromCommandLine(spec, text);
      CHECK(cli.second != "");
      CHECK(cli == FromConfig(spec, text));
      ++compared;
    }
  }
  std::filesystem::current_path(was);
  CHECK(compared > 50);
}

TEST_CASE("option table: names are unique, and each option can be given somewhere") {
  std::set<std::string> names, keys;
  for (const OptionSpec& spec : replay::RunOptionTable()) {
    CHECK(static_cast<bool>(spec.set));
    CHECK_FALSE(spec.help.empty());
    CHECK((!spec.name.empty() || !spec.short_name.empty() || !spec.config_key.empty()));
    for (const std::string& name : {spec.name, spec.short_name, spec.alias}) {
      if (!name.empty()) CHECK(names.insert(name).second);
    }
    if (!spec.config_key.empty()) CHECK(keys.insert(spec.config_key).second);
  }
  CHECK(replay::ConfigKeys() == std::vector<std::string>(keys.begin(), keys.end()));
}

TEST_CASE("option table: --mode forgets the modes of [tool.replay.modes]") {
  auto config = replay::ParseProjectConfig("[tool.replay.modes]\n\"*.txt\" = \"console\"\n",
                                           "pyproject.toml");
  RunOptions options;
  REQUIRE(config);
  REQUIRE(*config);
  REQUIRE(replay::ApplyProjectConfig(**config, options));
  CHECK(options.mode_globs.size() == 1);
  const OptionSpec* mode = replay::OptionForConfigKey("mode");
  REQUIRE(mode);
  CHECK_FALSE(replay::ApplyCommandLine({{mode, {"doctest"}}}, options));
  CHECK(options.mode_globs.empty());
  CHECK(options.mode == "doctest");
}

TEST_CASE("option table: byte counts") {
  using replay::ParseByteCount;
  CHECK(ParseByteCount("10") == std::optional<size_t>(10));
  CHECK(ParseByteCount("2K") == std::optional<size_t>(2048));
  CHECK(ParseByteCount("16mb") == std::optional<size_t>(16u << 20));
  CHECK(ParseByteCount("1G") == std::optional<size_t>(size_t{1} << 30));
  CHECK_FALSE(ParseByteCount(""));
  CHECK_FALSE(ParseByteCount("K"));
  CHECK_FALSE(ParseByteCount("3 apples"));
}
