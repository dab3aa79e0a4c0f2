#include "replay/mode/mode.h"

#include <algorithm>

namespace replay {

namespace {

std::vector<std::string> InAll(const std::vector<Preload>& preloads,
                               std::vector<std::string> Preload::*field) {
  if (preloads.empty()) return {};
  std::vector<std::string> common;
  for (const std::string& module : preloads.front().*field) {
    bool everywhere = std::all_of(preloads.begin(), preloads.end(), [&](const Preload& p) {
      const std::vector<std::string>& modules = p.*field;
      return std::find(modules.begin(), modules.end(), module) != modules.end();
    });
    if (everywhere) common.push_back(module);
  }
  return common;
}

}  // namespace

Preload CommonPreload(const std::vector<Preload>& preloads) {
  bool ast_types = !preloads.empty() && std::all_of(preloads.begin(), preloads.end(),
                                                    [](const Preload& p) { return p.ast_types; });
  return {InAll(preloads, &Preload::modules), InAll(preloads, &Preload::if_present), ast_types};
}

}  // namespace replay
