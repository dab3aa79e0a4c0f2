#include "replay/cli/table_options.h"

namespace replay {

std::string Cli11Names(const OptionSpec& spec) {
  if (spec.positional) return spec.name;
  std::vector<std::string> names;
  if (!spec.short_name.empty()) names.push_back("-" + spec.short_name);
  if (!spec.alias.empty()) names.push_back("--" + spec.alias);
  if (!spec.name.empty()) names.push_back("--" + spec.name);
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : ",") + name;
  return joined;
}

TableOptions::TableOptions(CLI::App& cmd, const std::function<bool(const OptionSpec&)>& wanted) {
  for (const OptionSpec& spec : RunOptionTable()) {
    if (!wanted(spec) || (spec.name.empty() && spec.short_name.empty())) continue;
    Bound& bound = bound_.emplace_back();
    bound.spec = &spec;
    if (spec.kind == OptionKind::kFlag) {
      bound.option = cmd.add_flag(Cli11Names(spec), spec.help);
      continue;
    }
    bound.option = cmd.add_option(Cli11Names(spec), bound.values, spec.help);
    bound.option->type_name(spec.value_name);
    if (spec.kind == OptionKind::kValue)  // given again, the last wins
      bound.option->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    if (!spec.positional) bound.option->allow_extra_args(false);
  }
}

std::vector<OptionAssignment> TableOptions::Given() const {
  std::vector<OptionAssignment> given;
  for (const Bound& bound : bound_) {
    if (bound.option->count() == 0) continue;
    if (bound.spec->kind == OptionKind::kFlag)
      given.push_back({bound.spec, {"true"}});
    else
      given.push_back({bound.spec, bound.values});
  }
  return given;
}

}  // namespace replay
