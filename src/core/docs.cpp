// rule_doc: the Markdown pages of assets/rules/, compiled in (src/core/embed.cmake) so the CLI's
// `explain` and the web app's rules browser show the same text without reading files.
#include <utility>
#include <vector>

#include "reqcheck/policy.hpp"

namespace reqcheck::embedded {
/// Generated: rule id → Markdown page.
extern const std::vector<std::pair<std::string_view, std::string_view>> kRuleDocs;
}  // namespace reqcheck::embedded

namespace reqcheck {

std::string rule_doc(std::string_view rule_id) {
  for (const auto& [id, text] : embedded::kRuleDocs)
    if (id == rule_id) return std::string(text);
  return {};
}

}  // namespace reqcheck
