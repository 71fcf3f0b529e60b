// A diagnostic of the engine's own checks as a report finding: `INPUT` (the request text),
// `PACK` (a pack) or `ENGINE` (a fault of reqcheck's). Internal to the engine; shared by the
// check and the policy compiler so both phrase these findings alike.
#pragma once

#include <string_view>

#include "parse/diagnostic.hpp"
#include "reqcheck/report.hpp"

namespace reqcheck::report {

/// The finding of diagnostic `d` under `rule` (`INPUT`, `PACK` or `ENGINE`): status `review`
/// when `d.review`, else `fail`; title and legal source of that rule; code, message, help,
/// pointer, line and column of `d`.
Finding diagnostic_finding(const parse::Diagnostic& d, std::string_view rule);

}  // namespace reqcheck::report
