// The one CSV writer (csv.hpp): RFC 4180 quoting and the guard against spreadsheet formulas.
#include "report/csv.hpp"

namespace reqcheck::report {

std::string csv_field(std::string_view v) {
  std::string s(v);
  // OWASP's list: a tab or a carriage return first also makes some spreadsheets read a formula
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')) s.insert(0, 1, '\'');
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_record(std::initializer_list<std::string_view> fields) {
  std::string out;
  bool first = true;
  for (const auto f : fields) {
    if (!first) out += ',';
    first = false;
    out += csv_field(f);
  }
  return out + "\r\n";
}

}  // namespace reqcheck::report
