// Native benchmark (Google Benchmark) of each sample with the bundled policy compiled once:
// `check/` is the typed check (read, rules, report structs), `check_json/` adds the JSON
// rendering the JS API returns; `compile/bundled` is the one-off cost of compiling the packs.
// `check_nodigest/` is the typed check without the input's SHA-256 (what batch rows, tallies and
// bench/peers use); `floor/json_sax/` is nlohmann/json's SAX parser over the same text with a
// handler that does nothing: the least any check that reads the request with it can cost.
// Run with --benchmark_repetitions to get medians (bench/run.sh).
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "reqcheck/engine.hpp"
#include "samples.hpp"

namespace {

/// A SAX handler that accepts every event and keeps nothing.
struct NullSax : nlohmann::json_sax<nlohmann::json> {
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

}  // namespace

int main(int argc, char** argv) {
  const auto samples = load_samples();
  reqcheck::CheckOptions options;
  options.now = "2026-11-30T12:00:00Z";
  const reqcheck::Policy& policy = reqcheck::Policy::bundled();
  for (const auto& [name, text] : samples) {
    benchmark::RegisterBenchmark(("check/" + name).c_str(), [&text = text, &options, &policy](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(reqcheck::check(policy, text, options));
    })->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("check_nodigest/" + name).c_str(), [&text = text, &options, &policy](benchmark::State& state) {
      reqcheck::CheckOptions o = options;
      o.input_digest = false;
      for (auto _ : state) benchmark::DoNotOptimize(reqcheck::check(policy, text, o));
    })->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("floor/json_sax/" + name).c_str(), [&text = text](benchmark::State& state) {
      NullSax sax;
      for (auto _ : state) benchmark::DoNotOptimize(nlohmann::json::sax_parse(text, &sax));
    })->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("check_json/" + name).c_str(), [&text = text, &options](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(reqcheck::check_json(text, "", options));
    })->Unit(benchmark::kMicrosecond);
  }
  const std::string pack = reqcheck::bundled_pack_text("telegram-2024-09");
  benchmark::RegisterBenchmark("compile/telegram-2024-09", [&pack](benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(reqcheck::Policy::with_pack(pack));
  })->Unit(benchmark::kMicrosecond);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
