// diagnostic_finding: the one place INPUT, PACK and ENGINE findings get their title and source.
#include "report/diagnostic_finding.hpp"

namespace reqcheck::report {

Finding diagnostic_finding(const parse::Diagnostic& d, std::string_view rule) {
  Finding f;
  f.rule = std::string(rule);
  f.code = d.code;
  f.status = d.review ? Status::review : Status::fail;
  if (rule == "INPUT") {
    f.title = "input can be read";
    f.legal_ref = "reqcheck.request/1 (request format)";
  } else if (rule == "PACK") {
    f.title = "policy pack can be used";
    f.legal_ref = "reqcheck.pack/2 (policy pack format)";
  } else {
    f.title = "the engine reached a conclusion";
    f.legal_ref = "reqcheck engine";
  }
  f.message = d.message;
  f.help = d.help;
  f.pointer = d.pointer;
  f.line = d.line;
  f.column = d.column;
  return f;
}

}  // namespace reqcheck::report
