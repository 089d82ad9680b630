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

// Hex digits of every byte value: result beats are formatted by table lookup, not printf.
struct HexTable {
    char pair[256][2];
    HexTable() {
        static const char digits[] = "0123456789abcdef";
        for (int b = 0; b < 256; ++b) {
            pair[b][0] = digits[b >> 4];
            pair[b][1] = digits[b & 15];
        }
    }
};
const HexTable kHex;

void put_word(std::string& s, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) s.append(kHex.pair[(v >> shift) & 0xffu], 2);
}

template <typename T>
void put_port(std::string& s, const T& port) {
    const uint64_t v = static_cast<uint64_t>(port);
    put_word(s, static_cast<uint32_t>(v >> 32));
    put_word(s, static_cast<uint32_t>(v));
}

template <std::size_t N>
void put_port(std::string& s, const VlWide<N>& port) {
    for (std::size_t i = N; i-- > 0;) put_word(s, static_cast<uint32_t>(port[i]));
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

    // The schedule is decoded once, before the clock loop (one op per cycle).
    struct Op {
        char kind;  // 'L', 'W' or 'I'
        uint32_t row;
        Words data;
    };
    std::vector<Op> ops;
    ops.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::istringstream ls(lines[i]);
        std::string op;
        ls >> op;
        if (op == "L") {
            long row;
            std::string hex;
            ls >> row >> hex;
            ops.push_back(Op{'L', static_cast<uint32_t>(row), parse_hex(hex)});
        } else if (op == "W") {
            std::string hex;
            ls >> hex;
            ops.push_back(Op{'W', 0u, parse_hex(hex)});
        } else if (op == "I") {
            ops.push_back(Op{'I', 0u, Words{}});
        } else {
            std::cerr << "error: " << sched_file << ": line " << (i + 1) << ": unknown op '" << op << "'\n";
            return 2;
        }
    }

    std::string results;
    long last = -1;
    const long total = static_cast<long>(ops.size()) + drain;
    for (long cycle = 0; cycle < total; ++cycle) {
        top->act_we_i = 0;
        top->w_valid_i = 0;
        if (cycle < static_cast<long>(ops.size())) {
            const Op& op = ops[cycle];
            if (op.kind == 'L') {
                top->act_we_i = 1;
                set_port(top->act_row_i, Words{op.row});
                set_port(top->act_i, op.data);
            } else if (op.kind == 'W') {
                top->w_valid_i = 1;
                set_port(top->w_i, op.data);
            }
        }
        top->clk_i = 0;
        top->eval();
        if (top->res_valid_o) {
            results += std::to_string(cycle);
            results += ' ';
            put_port(results, top->res_o);
            results += '\n';
            last = cycle;
        }
        top->clk_i = 1;
        top->eval();
    }
    top->final();
    out << results;
    out << "cycles " << (last + 1) << "\n";
#if VM_COVERAGE
    out << "simulated " << total << "\n";
    if (!cov_file.empty()) ctx->coveragep()->write(cov_file.c_str());
#endif
    return 0;
}
