// Enumerations of reqcheck.request/1, taken from the field table (request_format.cpp), and the
// "did you mean" matcher used for enum values and field names.
#include "parse/enums.hpp"

#include "ident/identifiers.hpp"
#include "reqcheck/request_format.hpp"

namespace reqcheck::parse {

namespace {

/// The allowed values of the table entry `pattern`: the request format is held only there.
std::vector<std::string_view> values_of(std::string_view pattern) {
  const FieldSpec* f = find_field(pattern);
  return f ? f->values : std::vector<std::string_view>{};
}

}  // namespace

const std::vector<std::string_view> kInstrumentTypes = values_of("/instrument/type");
const std::vector<std::string_view> kAuthorityTypes = values_of("/issuing_authority/type");
const std::vector<std::string_view> kChannels = values_of("/requester/channel");
const std::vector<std::string_view> kOffenceCategories = values_of("/case/offences/*/category");
const std::vector<std::string_view> kTargetTypes = values_of("/targets/*/type");
const std::vector<std::string_view> kTargetRoles = values_of("/targets/*/role");
const std::vector<std::string_view> kDataCategories = values_of("/data_requested/*/category");

std::string_view did_you_mean(std::string_view value, const std::vector<std::string_view>& candidates) {
  const std::size_t allowed = std::max<std::size_t>(1, value.size() / 3);
  std::string folded = ident::ascii_lower(value);
  for (auto& c : folded)
    if (c == '-' || c == ' ') c = '_';
  std::string_view best;
  std::size_t best_distance = std::string_view::npos;
  for (auto candidate : candidates) {
    // the distance is at least the difference in length: skip the O(n*m) search when that
    // alone rules the candidate out (a 64 KiB value against 19 enum values took 20M steps)
    const std::size_t gap = folded.size() > candidate.size() ? folded.size() - candidate.size() : candidate.size() - folded.size();
    if (gap > allowed) continue;
    const std::size_t d = ident::edit_distance(folded, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best_distance <= allowed ? best : std::string_view{};
}

}  // namespace reqcheck::parse
