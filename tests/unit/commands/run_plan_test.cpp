// Planning a run: which files, in which mode, after -k, exclude, FILE:LINE,
// --last-failed and the shard; with modes made up for the test, as a third
// mode would be.
#include "replay/commands/run_plan.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>

#include "replay/config/last_failed.h"
#include "replay/text/lines.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;

/// A mode taking files by extension, with a preload of its own.
class FakeMode : public replay::Mode {
 public:
  FakeMode(std::string name, std::string extension, bool lines, replay::Preload preload)
      : name_(std::move(name)),
        extension_(std::move(extension)),
        lines_(lines),
        preload_(std::move(preload)) {}
  std::string Name() const override { return name_; }
  bool ClaimsByName(const std::string& path) const override {
    return replay::EndsWith(path, extension_);
  }
  bool Searches(const std::string& path) const override { return ClaimsByName(path); }
  std::string SearchedFiles() const override { return "*" + extension_; }
  std::string LineSelectionRefused() const override { return lines_ ? "" : "no lines here"; }
  replay::Preload Preloads() const override { return preload_; }
  replay::Session Prepare(const replay::ModeFile&) const override { return {}; }
  replay::TranscriptVerdict Judge(const replay::ModeFile&,
                                  const replay::SessionOutcome&) const override {
    return {};
  }
  std::optional<std::string> Updated(const replay::ModeFile&, const replay::SessionOutcome&,
                                     const replay::UpdateRequest&) const override {
    return std::nullopt;
  }

 private:
  std::string name_, extension_;
  bool lines_;
  replay::Preload preload_;
};

struct Project {
  replay_test::TempDir dir{"run_plan"};
  replay::Modes modes;
  replay::RunOptions options;

  Project() {
    modes.push_back(std::make_unique<FakeMode>("console", ".pycon", false,
                                               replay::Preload{{}, {"readline"}, true}));
    modes.push_back(std::make_unique<FakeMode>("doctest", ".md", true,
                                               replay::Preload{{"doctest"}, {"readline"}, false}));
    for (const char* file :
         {"a.pycon", "b.md", "sub/c.pycon", "sub/d.md", "gen/e.pycon", "notes.log"}) {
      fs::create_directories((dir.path / file).parent_path());
      std::ofstream(dir.path / file) << "";
    }
    options.rootdir = dir.path.string();
  }
  std::string Path(const std::string& name) const { return (dir.path / name).string(); }

  /// The planned files, each as "relative:mode:line".
  std::vector<std::string> Planned(const std::vector<replay::PathArgument>& paths) {
    options.paths = paths;
    auto plan = replay::PlanRun(options, modes);
    REQUIRE(plan);
    std::vector<std::string> files;
    for (const auto& file : plan->files)
      files.push_back(file.relative + ":" + file.mode->Name() + ":" + std::to_string(file.line));
    return files;
  }
  std::string ErrorOf(const std::vector<replay::PathArgument>& paths) {
    options.paths = paths;
    auto plan = replay::PlanRun(options, modes);
    REQUIRE_FALSE(plan);
    return plan.error().ToString();
  }
};

using Files = std::vector<std::string>;

}  // namespace

TEST_CASE("run plan: files given by name take the mode that claims them, else the first") {
  Project p;
  CHECK(p.Planned({{p.Path("b.md")}, {p.Path("a.pycon")}, {p.Path("notes.log")}}) ==
        Files{"b.md:doctest:0", "a.pycon:console:0", "notes.log:console:0"});
  p.options.mode = "doctest";
  CHECK(p.Planned({{p.Path("a.pycon")}}) == Files{"a.pycon:doctest:0"});
}

TEST_CASE("run plan: a directory is searched for the files of the chosen mode (auto: the first)") {
  Project p;
  CHECK(p.Planned({{p.Path("")}}) ==
        Files{"a.pycon:console:0", "gen/e.pycon:console:0", "sub/c.pycon:console:0"});
  p.options.mode = "doctest";
  CHECK(p.Planned({{p.Path("")}}) == Files{"b.md:doctest:0", "sub/d.md:doctest:0"});
  p.options.mode = "nonesuch";
  CHECK(p.ErrorOf({{p.Path("")}}) == ": no mode is named 'nonesuch'");
}

TEST_CASE("run plan: globs of [tool.replay.modes] take files and set their mode") {
  Project p;
  p.options.mode_globs = {{"sub/*", "doctest"}, {"*.log", "doctest"}};
  CHECK(p.Planned({{p.Path("")}}) == Files{"a.pycon:console:0", "gen/e.pycon:console:0",
                                           "notes.log:doctest:0", "sub/c.pycon:doctest:0",
                                           "sub/d.md:doctest:0"});
}

TEST_CASE("run plan: exclude, -k, FILE:LINE") {
  Project p;
  p.options.exclude = {"gen/"};
  p.options.select = {"sub"};
  CHECK(p.Planned({{p.Path("")}}) == Files{"sub/c.pycon:console:0"});
  p.options.select = {"nothing"};
  p.options.paths = {{p.Path("")}};
  auto plan = replay::PlanRun(p.options, p.modes);
  REQUIRE(plan);
  CHECK(plan->files.empty());
  CHECK(plan->found == 2);
  CHECK(plan->excluded == 1);
  CHECK(replay::NothingSelected(p.options, p.modes, *plan) == "no file matches -k nothing");
  p.options.select.clear();
  // A file given by name is not excluded; a mode that cannot select lines
  // says so, naming the file and line.
  CHECK(p.Planned({{p.Path("gen/e.pycon")}, {p.Path("b.md"), 3}}) ==
        Files{"gen/e.pycon:console:0", "b.md:doctest:3"});
  CHECK(p.ErrorOf({{p.Path("a.pycon"), 3}}) == p.Path("a.pycon") + ":3: no lines here");
  CHECK(p.ErrorOf({{p.Path("sub"), 3}}) ==
        p.Path("sub") + ":3: a directory has no lines to select");
}

TEST_CASE("run plan: nothing selected says what was searched, and what else could be") {
  Project p;
  fs::create_directories(p.dir.path / "empty");
  p.options.paths = {{p.Path("empty")}};
  auto plan = replay::PlanRun(p.options, p.modes);
  REQUIRE(plan);
  CHECK(replay::NothingSelected(p.options, p.modes, *plan) ==
        "the directories given hold no *.pycon file (use --mode doctest to search them for *.md)");
}

TEST_CASE("run plan: --last-failed keeps the files that failed, or all if none did") {
  Project p;
  p.options.last_failed = true;
  CHECK(p.Planned({{p.Path("sub")}}).size() == 1);
  REQUIRE(replay::WriteLastFailed(p.options.rootdir, {{"sub/c.pycon", true}, {"a.pycon", false}}));
  CHECK(p.Planned({{p.Path("")}}) == Files{"sub/c.pycon:console:0"});
}

TEST_CASE("run plan: a shard holds its part of the files, in their order") {
  Project p;
  std::map<std::string, int> seen;
  for (const char* shard : {"1/2", "2/2"}) {
    p.options.shard = shard;
    for (const std::string& file : p.Planned({{p.Path("")}})) ++seen[file];
  }
  CHECK(seen.size() == 3);
  for (const auto& [file, times] : seen) CHECK(times == 1);
  p.options.shard = "3/2";
  CHECK_FALSE(p.ErrorOf({{p.Path("")}}).empty());
}

TEST_CASE("run plan: the preload is what every mode of the files has in common") {
  Project p;
  auto preload_of = [&](const std::vector<replay::PathArgument>& paths) {
    p.options.paths = paths;
    auto plan = replay::PlanRun(p.options, p.modes);
    REQUIRE(plan);
    return replay::PreloadFor(*plan);
  };
  replay::Preload doctest = preload_of({{p.Path("b.md")}});
  CHECK(doctest.modules == std::vector<std::string>{"doctest"});
  CHECK_FALSE(doctest.ast_types);
  replay::Preload console = preload_of({{p.Path("a.pycon")}});
  CHECK(console.ast_types);
  replay::Preload mixed = preload_of({{p.Path("b.md")}, {p.Path("a.pycon")}});
  CHECK(mixed.modules.empty());
  CHECK(mixed.if_present == std::vector<std::string>{"readline"});
  CHECK_FALSE(mixed.ast_types);  // one mode's files may not create them before forking
}

TEST_CASE("run plan: a file given twice, or with its directory, runs once") {
  Project p;
  CHECK(p.Planned({{p.Path("a.pycon")}, {p.Path("./a.pycon")}, {p.Path("")}}) ==
        Files{"a.pycon:console:0", "gen/e.pycon:console:0", "sub/c.pycon:console:0"});
  // Two examples of one file are two selections.
  CHECK(p.Planned({{p.Path("b.md"), 3}, {p.Path("b.md"), 5}, {p.Path("b.md"), 3}}) ==
        Files{"b.md:doctest:3", "b.md:doctest:5"});
}

TEST_CASE("run plan: a search does not enter norecursedirs, __pycache__ or a virtual environment") {
  Project p;
  for (const char* file : {"build/f.pycon", ".venv/g.pycon", "env/lib/h.pycon", "env/pyvenv.cfg",
                           "__pycache__/i.pycon", "x.egg-info/j.pycon", "keep/k.pycon"}) {
    fs::create_directories((p.dir.path / file).parent_path());
    std::ofstream(p.dir.path / file) << "";
  }
  CHECK(p.Planned({{p.Path("")}}) == Files{"a.pycon:console:0", "gen/e.pycon:console:0",
                                           "keep/k.pycon:console:0", "sub/c.pycon:console:0"});
  // A directory given is searched whatever its name; the config replaces the list.
  CHECK(p.Planned({{p.Path("build")}}) == Files{"build/f.pycon:console:0"});
  p.options.norecursedirs = {"gen", "ke?p"};
  CHECK(p.Planned({{p.Path("")}}) == Files{".venv/g.pycon:console:0", "a.pycon:console:0",
                                           "build/f.pycon:console:0", "sub/c.pycon:console:0",
                                           "x.egg-info/j.pycon:console:0"});
}

TEST_CASE("run plan: a directory given that holds no file of the run is named, with the mode") {
  Project p;
  fs::create_directories(p.dir.path / "docs");
  std::ofstream(p.dir.path / "docs" / "guide.md") << "";
  p.options.paths = {{p.Path("docs")}, {p.Path("sub")}};
  auto plan = replay::PlanRun(p.options, p.modes);
  REQUIRE(plan);
  CHECK(plan->files.size() == 1);
  CHECK(plan->empty_directories == std::vector<std::string>{p.Path("docs")});
  CHECK(replay::NothingIn(p.options, p.modes, p.Path("docs")) ==
        "it holds no *.pycon file (--mode doctest would check 1 file of it, *.md; or give them "
        "a mode in [tool.replay.modes])");
  p.options.mode = "doctest";
  plan = replay::PlanRun(p.options, p.modes);
  REQUIRE(plan);
  CHECK(plan->empty_directories.empty());
}
