// Verilator harness for the MAC baseline array mac_array (docs/hwcost.md).
//
//   sched=FILE  one line per clock cycle, written by io.fineq.hwcost.mac.MacSchedule:
//                 "L <row> <hex>"  load activation row <row> (C*ACT_W bits, hex, MSB first)
//                 "W <hex>"        issue one weight vector (3*C bits, column c at [3c +: 3])
//                 "I"              idle
//   out=FILE    written: one line per cycle with res_valid_o = 1: "<cycle> <hex of res_o>",
//               then "cycles <n>", n = last result cycle + 1 (cycle 0 = first edge after reset).
//   drain=N     idle cycles simulated after the schedule ends (results still in flight)
//   coverage=FILE  toggle-coverage counters of the schedule and the drain (only when built with
//               --coverage-toggle), zeroed after reset; the out file then also gets
//               "simulated <n>", the cycles they cover
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "Vmac_array.h"
#include "verilated.h"
#if VM_COVERAGE
#include "verilated_cov.h"
#endif

namespace {

using Words = std::vector<uint32_t>;

Words parse_hex(const std::string& hex) {
    Words w;
    int bits = 0;
    uint32_t cur = 0;
    for (auto it = hex.rbegin(); it != hex.rend(); ++it) {
        const char c = *it;
        uint32_t v;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
        else {
            std::cerr << "error: bad hex digit '" << c << "'\n";
            std::exit(2);
        }
        cur |= v << bits;
        bits += 4;
        if (bits == 32) {
            w.push_back(cur);
            cur = 0;
            bits = 0;
        }
    }
    if (bits) w.push_back(cur);
    return w;
}

template <typename T>
void set_port(T& port, const Words& w) {
    uint64_t v = w.empty() ? 0 : w[0];
    if (w.size() > 1 && sizeof(T) > 4) v |= static_cast<uint64_t>(w[1]) << 32;
    port = static_cast<T>(v);
}

template <std::size_t N>
void set_port(VlWide<N>& port, const Words& w) {
    for (std::size_t i = 0; i < N; ++i) port[i] = i < w.size() ? w[i] : 0u;
}

template <typename T>
std::string get_port(const T& port) {
    char buf[32];
    const uint64_t v = static_cast<uint64_t>(port);
    std::snprintf(buf, sizeof buf, "%08x%08x", static_cast<unsigned>(v >> 32), static_cast<unsigned>(v));
    return buf;
}

template <std::size_t N>
std::string get_port(const VlWide<N>& port) {
    std::string s;
    char buf[16];
    for (std::size_t i = N; i-- > 0;) {
        std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(port[i]));
        s += buf;
    }
    return s;
}

std::string arg(int argc, char** argv, const std::string& key, const std::string& def) {
    const std::string prefix = key + "=";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.rfind(prefix, 0) == 0) return a.substr(prefix.size());
    }
    return def;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string sched_file = arg(argc, argv, "sched", "");
    const std::string out_file = arg(argc, argv, "out", "");
    const long drain = std::atol(arg(argc, argv, "drain", "0").c_str());
    if (sched_file.empty() || out_file.empty()) {
        std::cerr << "usage: sched=FILE out=FILE [drain=N]\n";
        return 2;
    }
    std::ifstream in(sched_file);
    if (!in) {
        std::cerr << "error: cannot read " << sched_file << "\n";
        return 2;
    }
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) {
        if (!l.empty()) lines.push_back(l);
    }
    std::ofstream out(out_file);
    if (!out) {
        std::cerr << "error: cannot write " << out_file << "\n";
        return 2;
    }

    auto ctx = std::make_unique<VerilatedContext>();
    auto top = std::make_unique<Vmac_array>(ctx.get());
    auto tick = [&]() {
        top->clk_i = 0;
        top->eval();
        top->clk_i = 1;
        top->eval();
    };
    top->act_we_i = 0;
    top->w_valid_i = 0;
    top->rst_ni = 0;
    tick();
    tick();
    top->rst_ni = 1;
#if VM_COVERAGE
    const std::string cov_file = arg(argc, argv, "coverage", "");
    ctx->coveragep()->zero();
#endif

    long last = -1;
    const long total = static_cast<long>(lines.size()) + drain;
    for (long cycle = 0; cycle < total; ++cycle) {
        top->act_we_i = 0;
        top->w_valid_i = 0;
        if (cycle < static_cast<long>(lines.size())) {
            std::istringstream ls(lines[cycle]);
            std::string op;
            ls >> op;
            if (op == "L") {
                long row;
                std::string hex;
                ls >> row >> hex;
                top->act_we_i = 1;
                set_port(top->act_row_i, Words{static_cast<uint32_t>(row)});
                set_port(top->act_i, parse_hex(hex));
            } else if (op == "W") {
                std::string hex;
                ls >> hex;
                top->w_valid_i = 1;
                set_port(top->w_i, parse_hex(hex));
            } else if (op != "I") {
                std::cerr << "error: " << sched_file << ": line " << (cycle + 1) << ": unknown op '" << op << "'\n";
                return 2;
            }
        }
        top->clk_i = 0;
        top->eval();
        if (top->res_valid_o) {
            out << cycle << " " << get_port(top->res_o) << "\n";
            last = cycle;
        }
        top->clk_i = 1;
        top->eval();
    }
    top->final();
    out << "cycles " << (last + 1) << "\n";
#if VM_COVERAGE
    out << "simulated " << total << "\n";
    if (!cov_file.empty()) ctx->coveragep()->write(cov_file.c_str());
#endif
    return 0;
}
