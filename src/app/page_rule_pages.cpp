// The page's stand-in for the rule pages the engine compiles in (src/core/embed.cmake writes
// them to a file of their own): none, so the wasm does not carry 30 KB gzip of Markdown that
// few visitors read. The rules panel fetches a rule's page from dist/rules/ when it shows it
// (state/app_state.cpp, rule_page). Linked ahead of libreqcheck_core, this definition is the
// one used and the library's is never pulled in.
#include <string_view>
#include <utility>
#include <vector>

namespace reqcheck::embedded {
extern const std::vector<std::pair<std::string_view, std::string_view>> kRuleDocs;
const std::vector<std::pair<std::string_view, std::string_view>> kRuleDocs = {};
}  // namespace reqcheck::embedded
