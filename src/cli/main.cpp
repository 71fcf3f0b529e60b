// reqcheck command line: checks request files (or stdin) and prints reports; lists and explains
// rules. All judgement is in reqcheck_core's check_json; this file only reads files, parses the
// command line (CLI11) and maps verdicts to exit codes: 0 meets, 1 does not meet, 3 needs
// review, 2 invalid input or usage error.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "reqcheck/engine.hpp"

namespace {

constexpr int kExitMeets = 0, kExitFails = 1, kExitInvalid = 2, kExitReview = 3;

/// Exit code of a verdict.
int exit_code(const std::string& verdict) {
  if (verdict == "meets_criteria") return kExitMeets;
  if (verdict == "does_not_meet") return kExitFails;
  if (verdict == "needs_review") return kExitReview;
  return kExitInvalid;
}

/// Rank of exit codes for a batch: 2 > 1 > 3 > 0.
int severity(int code) { return code == kExitInvalid ? 3 : code == kExitFails ? 2 : code == kExitReview ? 1 : 0; }

/// Largest file read, in bytes: a batch of up to 1,000 requests (one request may have 4 MiB).
constexpr std::uintmax_t kMaxFileBytes = 64u << 20;

/// Reads a file (or stdin for `-`); on failure says why in `error`.
std::optional<std::string> read_input(const std::string& path, std::string* error = nullptr) {
  std::ostringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  std::string why;
  if (ec || !std::filesystem::exists(status)) why = "no such file";
  else if (std::filesystem::is_directory(status)) why = "it is a directory; give the request files in it";
  else if (std::filesystem::file_size(path, ec) > kMaxFileBytes)
    why = "it is larger than " + std::to_string(kMaxFileBytes >> 20) + " MiB, more than a batch of requests holds";
  std::ifstream in(path, std::ios::binary);
  if (why.empty() && !in) why = "permission denied or unreadable";
  if (!why.empty()) {
    if (error) *error = why;
    return std::nullopt;
  }
  ss << in.rdbuf();
  return ss.str();
}

struct CheckArgs {
  std::vector<std::string> files;
  std::string format = "text";
  std::string pack;
  std::string now;
  std::string from;
};

int run_check(const CheckArgs& a) {
  reqcheck::CheckOptions options;
  options.now = a.now;
  options.from = a.from == "auto" ? "" : a.from;
  std::string pack_text;
  if (!a.pack.empty()) {
    if (std::filesystem::is_regular_file(a.pack)) {
      pack_text = read_input(a.pack).value_or("");
    } else if (!reqcheck::bundled_pack_text(a.pack).empty()) {
      options.pack_id = a.pack;
    } else {
      std::cerr << "reqcheck: --pack " << a.pack << ": neither a file nor a bundled pack id (see `reqcheck packs`)\n";
      return kExitInvalid;
    }
  }
  struct Item {
    std::string name;
    std::string report;
  };
  std::vector<Item> items;
  bool batch = a.files.size() > 1;
  for (const auto& file : a.files) {
    std::string why;
    auto text = read_input(file, &why);
    if (!text) {
      std::cerr << "reqcheck: cannot read " << file << ": " << why << "\n";
      return kExitInvalid;
    }
    const auto requests = reqcheck::split_batch(*text);
    batch |= requests.size() > 1;
    for (std::size_t i = 0; i < requests.size(); ++i) {
      auto part_options = options;  // lines and columns name the file's, not the element's
      part_options.first_line = requests[i].line;
      part_options.first_column = requests[i].column;
      items.push_back({requests.size() > 1 ? file + "#" + std::to_string(i + 1) : file, reqcheck::check_json(requests[i].text, pack_text, part_options)});
    }
  }
  int worst = kExitMeets;
  std::map<std::string, int> counts;
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& item : items) {
    const auto report = nlohmann::ordered_json::parse(item.report);
    const std::string verdict = report.value("verdict", "invalid_input");
    ++counts[verdict];
    if (severity(exit_code(verdict)) > severity(worst)) worst = exit_code(verdict);
    if (a.format == "json") {
      if (batch) array.push_back(report);
      else std::cout << item.report << "\n";
    } else {
      if (batch) std::cout << (a.format == "markdown" ? "\n<!-- " + item.name + " -->\n" : "\n== " + item.name + "\n");
      std::cout << (a.format == "markdown" ? reqcheck::report_to_markdown(item.report) : reqcheck::report_to_text(item.report));
    }
  }
  if (batch) {
    if (a.format == "json") std::cout << array.dump(2) << "\n";
    std::ostringstream summary;
    summary << items.size() << " requests: " << counts["meets_criteria"] << " meets_criteria, " << counts["needs_review"] << " needs_review, "
            << counts["does_not_meet"] << " does_not_meet, " << counts["invalid_input"] << " invalid_input";
    (a.format == "json" ? std::cerr : std::cout) << summary.str() << "\n";
  }
  return worst;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"reqcheck " + std::string(reqcheck::version()) +
               ": checks a legal request for user data against a platform's criteria, locally"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(reqcheck::version()));

  CheckArgs check;
  auto* cmd_check = app.add_subcommand(
      "check", "check request files (reqcheck JSON, a JSON array or NDJSON batch, or an ETSI HI-1 message; - for stdin)");
  cmd_check->add_option("files", check.files, "request files, or - for standard input")->required();
  cmd_check->add_option("-f,--format", check.format, "output format")->check(CLI::IsMember({"json", "text", "markdown"}));
  cmd_check->add_option("-p,--pack", check.pack, "policy pack: a pack file, or a bundled id such as telegram-2018-08");
  cmd_check->add_option("--from", check.from, "input format: auto (default, detected from the content), reqcheck, or hi1 (ETSI TS 103 120, XML or JSON)")
      ->check(CLI::IsMember({"auto", "reqcheck", "hi1"}));
  cmd_check->add_option("--now", check.now, "checking time, RFC 3339 date-time (default: the clock); stands in for a missing received_at")
      ->check(CLI::Validator(
          [](std::string& value) {
            const std::string why = reqcheck::checking_time_error(value);
            return why.empty() ? std::string() : "`" + value + "` is not an RFC 3339 date-time (" + why + "); give it like 2026-11-30T10:00:00Z";
          },
          "RFC 3339"));

  std::string rules_pack;
  auto* cmd_rules = app.add_subcommand("rules", "list the rules of a pack");
  cmd_rules->add_option("-p,--pack", rules_pack, "pack file or bundled id (default: the newest bundled pack)");

  std::string rule_id;
  auto* cmd_explain = app.add_subcommand("explain", "print the documentation of a rule");
  cmd_explain->add_option("rule", rule_id, "rule id, e.g. AUTH-01")->required();

  auto* cmd_packs = app.add_subcommand("packs", "list the bundled policy packs");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitInvalid;
  }

  if (*cmd_check) return run_check(check);
  if (*cmd_packs) {
    std::cout << reqcheck::bundled_packs_json() << "\n";
    return 0;
  }
  if (*cmd_explain) {
    std::string upper = rule_id;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::string doc = reqcheck::rule_doc(upper);
    if (doc.empty()) {
      std::cerr << "reqcheck: no rule " << rule_id << " (see `reqcheck rules`)\n";
      return kExitInvalid;
    }
    std::cout << doc;
    return 0;
  }
  if (*cmd_rules) {
    std::string text;
    if (!rules_pack.empty()) {
      if (std::filesystem::is_regular_file(rules_pack)) text = read_input(rules_pack).value_or("");
      else text = reqcheck::bundled_pack_text(rules_pack);
      if (text.empty()) {
        std::cerr << "reqcheck: --pack " << rules_pack << ": neither a file nor a bundled pack id\n";
        return kExitInvalid;
      }
    }
    const auto j = nlohmann::json::parse(reqcheck::rules_json(text));
    if (j.contains("error")) {
      for (const auto& e : j["errors"]) std::cerr << "pack error at " << e["pointer"].get<std::string>() << " (line " << e["line"] << "): " << e["message"].get<std::string>() << "\n";
      return kExitInvalid;
    }
    std::cout << j["pack"]["id"].get<std::string>() << " (version " << j["pack"]["version"].get<std::string>() << ")\n";
    for (const auto& r : j["rules"])
      std::cout << "  " << r["id"].get<std::string>() << "  " << r["title"].get<std::string>() << "  [" << r["legal_ref"].get<std::string>() << "]\n";
    return 0;
  }
  return kExitInvalid;
}
