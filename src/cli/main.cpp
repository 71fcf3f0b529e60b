// reqcheck command line: checks request files (or stdin) and prints reports; lists and explains
// rules; tallies batches. All judgement is in reqcheck_core (a Policy compiled once per run,
// `check_each` per file, results rows and tallies, the core's renderers); this file only reads
// files, parses the command line (CLI11) and maps verdicts to exit codes: 0 meets, 1 does not
// meet, 3 needs review, 2 invalid input or usage error. Printing a run's reports: output.cpp.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <thread>

#include "output.hpp"
#include "reqcheck/engine.hpp"
#include "reqcheck/results.hpp"
#include "reqcheck/tally.hpp"

namespace {

constexpr int kExitMeets = 0, kExitFails = 1, kExitInvalid = 2, kExitReview = 3;

/// Largest file read, in bytes: the engine's batch limit (1 GiB, up to 100,000 requests).
constexpr std::uintmax_t kMaxFileBytes = reqcheck::kMaxBatchFileBytes;

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
  // read straight into one string of the file's size: a batch file is held once, not copied
  std::string text(static_cast<std::size_t>(std::filesystem::file_size(path, ec)), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.gcount() == static_cast<std::streamsize>(text.size()) && in.peek() != std::char_traits<char>::eof()) {
    ss << in.rdbuf();  // it grew while read (or is no regular file): the rest too
    text += ss.str();
  }
  return text;
}

struct CheckArgs {
  std::vector<std::string> files;
  std::string format = "text";
  std::string pack;
  std::string now;
  std::string from;
  /// Requests checked at a time (threads); 0: as many as the machine has cores.
  unsigned jobs = 0;
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

/// Reads each file and checks its requests one at a time (`check_each`), handing each item to
/// `on_item`; a file that cannot be read is said on stderr and ends the run (false).
bool check_files(const CheckArgs& a, const reqcheck::Policy& policy, reqcheck::CheckOptions options,
                 const std::function<void(const std::string&)>& on_file, const std::function<void(reqcheck::BatchItem&&)>& on_item) {
  for (const auto& file : a.files) {
    std::string why;
    auto text = read_input(file, &why);
    if (!text) {
      std::cerr << "reqcheck: cannot read " << file << ": " << why << "\n";
      return false;
    }
    options.file = file;
    on_file(file);
    const unsigned jobs = a.jobs ? a.jobs : std::max(1u, std::thread::hardware_concurrency());
    reqcheck::check_each(policy, *text, options, on_item, jobs);
  }
  return true;
}

/// The options of a run (`--now`, `--from`) and its policy (`--pack`); nullopt, said on stderr,
/// when the pack is unusable.
std::optional<reqcheck::Policy> prepare(const CheckArgs& a, reqcheck::CheckOptions& options) {
  options.now = a.now;
  options.from = a.from == "auto" ? "" : a.from;
  return policy_of(a.pack, options);  // compiled once for every request of the run
}

int run_check(const CheckArgs& a) {
  reqcheck::CheckOptions options;
  // a row per request carries no digest: skip hashing each request (CheckOptions::input_digest)
  options.input_digest = a.format != "results-csv" && a.format != "results-json";
  const auto policy = prepare(a, options);
  if (!policy) return kExitInvalid;
  reqcheck::cli::ReportPrinter printer(a.format, std::cout, a.files.size() > 1);
  const bool read = check_files(
      a, *policy, options, [&](const std::string& file) { printer.begin_file(file); },
      [&](reqcheck::BatchItem&& item) { printer.add(std::move(item)); });
  printer.finish(std::cerr);
  return read ? exit_code(printer.worst()) : kExitInvalid;
}

/// `reqcheck tally`: counts every request of the files as a transparency report does. Exit 0
/// once tallied (the verdicts are counted, not judged), 2 when a file cannot be read.
int run_tally(const CheckArgs& a) {
  reqcheck::CheckOptions options;
  options.input_digest = false;  // tallies count; no report is rendered
  const auto policy = prepare(a, options);
  if (!policy) return kExitInvalid;
  reqcheck::Tally tally;
  const bool read = check_files(
      a, *policy, options, [](const std::string&) {},
      [&](reqcheck::BatchItem&& item) { tally.add(reqcheck::result_row(item.report, item.part)); });
  if (!read) return kExitInvalid;
  if (a.format == "json") std::cout << reqcheck::to_json(tally) << "\n";
  else if (a.format == "csv") std::cout << reqcheck::to_csv(tally);
  else std::cout << reqcheck::to_text(tally);
  return kExitMeets;
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
  cmd_check->add_option("-f,--format", check.format,
                        "output format: text (default), markdown, json (a batch: one array), ndjson (one report per line), csv (a row "
                        "per finding), results-csv or results-json (a row per request)")
      ->check(CLI::IsMember({"json", "ndjson", "text", "markdown", "csv", "results-csv", "results-json"}));
  const auto add_jobs = [](CLI::App* cmd, unsigned& jobs) {
    cmd->add_option("-j,--jobs", jobs, "requests of a batch checked at a time (threads; default 0: one per core); the output is the same")
        ->check(CLI::Range(0u, 256u));
  };
  add_jobs(cmd_check, check.jobs);
  cmd_check->add_option("-p,--pack", check.pack, "policy pack: a pack file, or a bundled id such as telegram-2018-08");
  cmd_check->add_option("--from", check.from, "input format: auto (default, detected from the content), reqcheck, or hi1 (ETSI TS 103 120, XML or JSON)")
      ->check(CLI::IsMember({"auto", "reqcheck", "hi1"}));
  const CLI::Validator now_validator(
      [](std::string& value) {
        const std::string why = reqcheck::checking_time_error(value);
        return why.empty() ? std::string() : "`" + value + "` is not an RFC 3339 date-time (" + why + "); give it like 2026-11-30T10:00:00Z";
      },
      "RFC 3339");
  cmd_check->add_option("--now", check.now, "checking time, RFC 3339 date-time (default: the clock); stands in for a missing received_at")
      ->check(now_validator);

  CheckArgs tally;
  tally.format = "text";
  auto* cmd_tally = app.add_subcommand(
      "tally", "count requests as a transparency report does: per quarter of received_at (UTC) and issuing country, and per rule");
  cmd_tally->add_option("files", tally.files, "request files (each a batch or a request), or - for standard input")->required();
  cmd_tally->add_option("-f,--format", tally.format, "output format: text (default), json, csv")->check(CLI::IsMember({"text", "json", "csv"}));
  add_jobs(cmd_tally, tally.jobs);
  cmd_tally->add_option("-p,--pack", tally.pack, "policy pack: a pack file, or a bundled id such as telegram-2018-08");
  cmd_tally->add_option("--from", tally.from, "input format: auto (default), reqcheck, or hi1")->check(CLI::IsMember({"auto", "reqcheck", "hi1"}));
  cmd_tally->add_option("--now", tally.now, "checking time, RFC 3339 date-time (default: the clock); never a request's quarter")
      ->check(now_validator);

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
  if (*cmd_tally) return run_tally(tally);
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
