// A fixed loop for profilers (bench/profile.sh runs it under callgrind): N typed checks of one
// sample with the bundled policy compiled once, so that instruction counts split cleanly into
// compile, read, rules and report. Usage: reqcheck_profile <request file> [N=200]
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "reqcheck/engine.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: reqcheck_profile <request file> [N]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const int n = argc > 2 ? std::atoi(argv[2]) : 200;
  reqcheck::CheckOptions options;
  options.now = "2026-11-30T12:00:00Z";
  const reqcheck::Policy& policy = reqcheck::Policy::bundled();
  std::size_t findings = 0;
  for (int i = 0; i < n; ++i) findings += reqcheck::check(policy, text, options).findings.size();
  std::printf("%d checks, %zu findings\n", n, findings);
  return 0;
}
