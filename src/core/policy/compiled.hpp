// The engine's side of a compiled Policy: the loaded packs and their summaries. Internal to
// reqcheck_core (check.cpp chooses and applies packs from it).
#pragma once

#include <vector>

#include "policy/pack.hpp"
#include "reqcheck/policy.hpp"

namespace reqcheck {

struct Policy::Impl {
  /// Platform packs (the user's first, else newest first) and profiles, loaded and validated.
  std::vector<policy::Pack> platforms, profiles;
  /// Summaries in the order of `Policy::packs()`.
  std::vector<PackInfo> infos;
  std::vector<report::Finding> errors;
  /// Said in every report (e.g. that the user's pack/1 file was converted).
  std::vector<std::string> notes;
  std::string user_pack_id;
  /// The user's platform pack forces the platform choice.
  bool user_platform = false;
};

}  // namespace reqcheck
