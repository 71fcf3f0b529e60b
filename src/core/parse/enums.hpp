// The enumerations of `reqcheck.request/1` (shared request-format.md), in the order the
// format lists them: copies of the values of the field table (reqcheck/request_format.hpp) under
// the names the rules and the pack loader use to check pack parameters.
#pragma once

#include <string_view>
#include <vector>

namespace reqcheck::parse {

/// `instrument.type`
extern const std::vector<std::string_view> kInstrumentTypes;
/// Authority `type` and `instrument.signatory.role`
extern const std::vector<std::string_view> kAuthorityTypes;
/// `requester.channel`
extern const std::vector<std::string_view> kChannels;
/// `case.offences[].category`
extern const std::vector<std::string_view> kOffenceCategories;
/// `targets[].type`
extern const std::vector<std::string_view> kTargetTypes;
/// `targets[].role`
extern const std::vector<std::string_view> kTargetRoles;
/// `data_requested[].category`
extern const std::vector<std::string_view> kDataCategories;

/// The closest of `candidates` to `value` if it is a plausible misspelling (edit distance at
/// most a third of its length, at least 1, or a case/separator variant), else empty.
std::string_view did_you_mean(std::string_view value, const std::vector<std::string_view>& candidates);

}  // namespace reqcheck::parse
