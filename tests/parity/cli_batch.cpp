// The reqcheck command line (src/cli/main.cpp, its `main` renamed reqcheck_cli_main by
// tests/parity/CMakeLists.txt) run for many argument lists in one process, so that the parity
// test starts the WebAssembly module under node once instead of once per comparison.
//   reqcheck_wasm_cli --jobs <file> <out dir>   one job per line of <file>: the arguments after
//                                               `reqcheck`, separated by tabs; job n (from 1)
//                                               leaves n.out, n.err and n.code in <out dir>
//   reqcheck_wasm_cli <arguments>               the command line itself, as one run
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int reqcheck_cli_main(int argc, char** argv);

namespace {

int run(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  return reqcheck_cli_main(static_cast<int>(args.size()), argv.data());
}

void write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

int run_jobs(const std::string& jobs_file, const std::string& out_dir) {
  std::ifstream jobs(jobs_file);
  if (!jobs) {
    std::cerr << "cli_batch: cannot read " << jobs_file << "\n";
    return 2;
  }
  std::string line;
  int n = 0;
  while (std::getline(jobs, line)) {
    std::vector<std::string> args{"reqcheck"};
    for (std::size_t pos = 0;;) {
      const auto tab = line.find('\t', pos);
      args.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
      if (tab == std::string::npos) break;
      pos = tab + 1;
    }
    // the CLI writes only through std::cout and std::cerr (CLI11's messages too)
    std::ostringstream out, err;
    auto* cout_buf = std::cout.rdbuf(out.rdbuf());
    auto* cerr_buf = std::cerr.rdbuf(err.rdbuf());
    const int code = run(std::move(args));
    std::cout.rdbuf(cout_buf);
    std::cerr.rdbuf(cerr_buf);
    const std::string base = out_dir + "/" + std::to_string(++n);
    write(base + ".out", out.str());
    write(base + ".err", err.str());
    write(base + ".code", std::to_string(code) + "\n");
  }
  std::cout << "cli_batch: " << n << " jobs\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "--jobs") return run_jobs(argv[2], argv[3]);
  std::vector<std::string> args(argv, argv + argc);
  return run(std::move(args));
}
