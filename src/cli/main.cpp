// reqcheck command line: checks request files (or stdin) and prints reports; lists and explains
// rules. All judgement is in reqcheck_core (a Policy compiled once per run, `check_batch` per file,
// the core's renderers); this file only reads files, parses the
// command line (CLI11) and maps verdicts to exit codes: 0 meets, 1 does not meet, 3 needs
// review, 2 invalid input or usage error.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "reqcheck/engine.hpp"

namespace {

constexpr int kExitMeets = 0, kExitFails = 1, kExitInvalid = 2, kExitReview = 3;

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

/// Exit code of a verdict.
int exit_code(reqcheck::report::Verdict v) {
  using reqcheck::report::Verdict;
  switch (v) {
    case Verdict::meets_criteria: return kExitMeets;
    case Verdict::does_not_meet: return kExitFails;
    case Verdict::needs_review: return kExitReview;
    case Verdict::invalid_input: return kExitInvalid;
  }
  return kExitInvalid;
}

/// The policy of a `--pack` value: a pack file (compiled with the bundled profiles) or the
/// bundled policy with a platform pack forced by id; nullopt (said on stderr) when it is neither.
std::optional<reqcheck::Policy> policy_of(const std::string& pack, reqcheck::CheckOptions& options) {
  if (pack.empty()) return reqcheck::Policy::bundled();
  if (std::filesystem::is_regular_file(pack)) {
    std::string why;
    auto text = read_input(pack, &why);
    if (!text) {
      std::cerr << "reqcheck: cannot read " << pack << ": " << why << "\n";
      return std::nullopt;
    }
    return reqcheck::Policy::with_pack(*text);
  }
  for (const auto& p : reqcheck::Policy::bundled().packs())
    if (p.id == pack && p.kind == "platform") {
      options.pack_id = pack;
      return reqcheck::Policy::bundled();
    }
  std::cerr << "reqcheck: --pack " << pack << ": neither a file nor a bundled pack id (of a platform pack; see `reqcheck packs`)\n";
  return std::nullopt;
}

int run_check(const CheckArgs& a) {
  reqcheck::CheckOptions options;
  options.now = a.now;
  options.from = a.from == "auto" ? "" : a.from;
  const auto policy = policy_of(a.pack, options);  // compiled once for every request of the run
  if (!policy) return kExitInvalid;
  struct Item {
    std::string name;
    reqcheck::report::Report report;
  };
  std::vector<Item> items;
  bool batch = a.files.size() > 1;
  reqcheck::BatchResult all;
  for (const auto& file : a.files) {
    std::string why;
    auto text = read_input(file, &why);
    if (!text) {
      std::cerr << "reqcheck: cannot read " << file << ": " << why << "\n";
      return kExitInvalid;
    }
    auto result = reqcheck::check_batch(*policy, *text, options);
    const bool several = result.items.size() > 1;
    batch |= several;
    items.reserve(items.size() + result.items.size());
    for (std::size_t i = 0; i < result.items.size(); ++i) {
      auto& item = result.items[i];
      ++all.counts[static_cast<std::size_t>(item.report.verdict)];
      all.worst = reqcheck::report::worse(all.worst, item.report.verdict);
      items.push_back({several ? file + "#" + std::to_string(i + 1) : file, std::move(item.report)});
    }
  }
  if (a.format == "json") {
    if (batch) {
      std::vector<reqcheck::report::Report> reports;
      for (auto& item : items) reports.push_back(std::move(item.report));
      std::cout << reqcheck::report::to_json(reports) << "\n";
    } else {
      for (const auto& item : items) std::cout << reqcheck::report::to_json(item.report) << "\n";
    }
  } else if (a.format == "csv") {
    // one table for the whole run: a header, then each request's findings named by file (#n)
    std::cout << reqcheck::report::csv_header() << "\r\n";
    for (const auto& item : items) std::cout << reqcheck::report::to_csv(item.report, item.name, false);
  } else {
    for (const auto& item : items) {
      if (batch) std::cout << (a.format == "markdown" ? "\n<!-- " + item.name + " -->\n" : "\n== " + item.name + "\n");
      std::cout << (a.format == "markdown" ? reqcheck::report::to_markdown(item.report) : reqcheck::report::to_text(item.report));
    }
  }
  if (batch) (a.format == "json" || a.format == "csv" ? std::cerr : std::cout) << reqcheck::batch_summary(all) << "\n";
  return exit_code(all.worst);
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
  cmd_check->add_option("-f,--format", check.format, "output format")->check(CLI::IsMember({"json", "text", "markdown", "csv"}));
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
    reqcheck::CheckOptions unused;
    const auto policy = policy_of(rules_pack, unused);
    if (!policy) return kExitInvalid;
    if (!policy->ok()) {
      for (const auto& e : policy->errors())
        std::cerr << "pack error at " << e.pointer << " (line " << e.line << ") [" << e.code << "]: " << e.message << "\n";
      return kExitInvalid;
    }
    const std::string id = !unused.pack_id.empty() ? unused.pack_id : policy->user_pack_id();
    const auto rules = policy->rules(id);
    for (const auto& p : policy->packs())
      if (id.empty() ? p.kind == "platform" : p.id == id) {
        std::cout << p.id << " (version " << p.version << ")\n";
        break;
      }
    for (const auto& r : rules.value_or(std::vector<reqcheck::RuleInfo>{}))
      std::cout << "  " << r.id << "  " << r.title << "  [" << r.legal_ref << "]\n";
    return 0;
  }
  return kExitInvalid;
}
