// Verilator harness for fineq_core (docs/microarchitecture.md).
//
// Streams come from text files written by the Java testbench (io.fineq.tb):
//   act=FILE   one activation beat per line, hex, most significant digit first (C*ACT_W bits)
//   w=FILE     one weight beat per line: "<last> <hex>" (last is 0/1, hex is C*56 bits)
//   out=FILE   written: one result beat per line as hex (R*ACC_W bits, zero-extended to 32-bit
//              words), then "cycles <n>" where n = index of the cycle of the last result
//              handshake + 1, cycle 0 being the first rising edge after reset is released.
//   results=N  number of result beats to wait for
//   seed=S stall=P   with P > 0, each cycle each stream is independently stalled with
//              probability P/100 (input valid dropped, result ready dropped); xorshift64 PRNG
//   max_cycles=M     give up (exit 3) after M cycles
//   drain=D          after the last expected result, D more cycles with res_ready_i = 1; any
//                    result offered then is a duplicate/spurious beat, reported as "extra <k>"
//   trace=FILE       FST waveform (only when built with --trace-fst)
//   coverage=FILE    Verilator coverage counters (only when built with --coverage-toggle), zeroed
//                    after reset, so they count the job and the drain; the out file then also
//                    gets "simulated <n>", the number of cycles they cover
// Valid/data are applied while clk_i is low, handshakes are sampled after eval(), before the
// rising edge, exactly as a synchronous valid/ready protocol defines them.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "Vfineq_core.h"
#include "verilated.h"
#if VM_TRACE
#include "verilated_fst_c.h"
#endif
#if VM_COVERAGE
#include "verilated_cov.h"
#endif

namespace {

using Words = std::vector<uint32_t>;

Words parse_hex(const std::string& hex, const std::string& where) {
    Words w;
    int bits = 0;
    uint32_t cur = 0;
    for (auto it = hex.rbegin(); it != hex.rend(); ++it) {
        char c = *it;
        uint32_t v;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
        else {
            std::cerr << "error: " << where << ": bad hex digit '" << c << "'\n";
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
    uint64_t v = 0;
    if (!w.empty()) v = w[0];
    if (w.size() > 1 && sizeof(T) > 4) v |= static_cast<uint64_t>(w[1]) << 32;
    port = static_cast<T>(v);
}

template <std::size_t N>
void set_port(VlWide<N>& port, const Words& w) {
    for (std::size_t i = 0; i < N; ++i) port[i] = i < w.size() ? w[i] : 0u;
}

// Hex digits of every byte value: result beats are formatted by table lookup, two digits per
// byte, with no printf call per word (the result stream of a 64x64 job is ~1 MB of hex).
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
    char digits[8];
    for (int i = 0; i < 4; ++i) {
        const char* pair = kHex.pair[(v >> (24 - 8 * i)) & 0xffu];
        digits[2 * i] = pair[0];
        digits[2 * i + 1] = pair[1];
    }
    s.append(digits, 8);
}

template <typename T>
void put_port(std::string& s, const T& port) {
    const uint64_t v = static_cast<uint64_t>(port);
    if (sizeof(T) > 4) put_word(s, static_cast<uint32_t>(v >> 32));
    put_word(s, static_cast<uint32_t>(v));
}

template <std::size_t N>
void put_port(std::string& s, const VlWide<N>& port) {
    for (std::size_t i = N; i-- > 0;) put_word(s, static_cast<uint32_t>(port[i]));
}

std::string arg(int argc, char** argv, const std::string& key, const std::string& def) {
    const std::string prefix = key + "=";
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind(prefix, 0) == 0) return a.substr(prefix.size());
        if (a.rfind("+" + prefix, 0) == 0) return a.substr(prefix.size() + 1);
    }
    return def;
}

std::vector<std::string> read_lines(const std::string& file) {
    std::ifstream in(file);
    if (!in) {
        std::cerr << "error: cannot read " << file << "\n";
        std::exit(2);
    }
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

struct Prng {
    uint64_t s;
    explicit Prng(uint64_t seed) : s(seed ? seed : 0x9e3779b97f4a7c15ull) {}
    uint32_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return static_cast<uint32_t>(s >> 32);
    }
    bool stall(unsigned pct) { return pct && (next() % 100u) < pct; }
};

// Peak resident set of this process in kB (Linux /proc), or -1 where there is no such file.
long peak_rss_kb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
    }
    return -1;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string act_file = arg(argc, argv, "act", "");
    const std::string w_file = arg(argc, argv, "w", "");
    const std::string out_file = arg(argc, argv, "out", "");
    const long results = std::atol(arg(argc, argv, "results", "0").c_str());
    const unsigned stall = static_cast<unsigned>(std::atoi(arg(argc, argv, "stall", "0").c_str()));
    const long max_cycles = std::atol(arg(argc, argv, "max_cycles", "100000000").c_str());
    const long drain = std::atol(arg(argc, argv, "drain", "32").c_str());
    Prng prng(std::strtoull(arg(argc, argv, "seed", "1").c_str(), nullptr, 10));
    if (act_file.empty() || w_file.empty() || out_file.empty() || results <= 0) {
        std::cerr << "usage: act=FILE w=FILE out=FILE results=N [seed=S stall=P max_cycles=M trace=FILE]\n";
        return 2;
    }

    std::vector<Words> acts;
    for (const auto& l : read_lines(act_file)) acts.push_back(parse_hex(l, act_file));
    std::vector<Words> ws;
    std::vector<bool> wlast;
    for (const auto& l : read_lines(w_file)) {
        std::istringstream ls(l);
        int last = 0;
        std::string hex;
        if (!(ls >> last >> hex) || (last != 0 && last != 1)) {
            std::cerr << "error: " << w_file << ": expected '<0|1> <hex>' per line, got '" << l << "'\n";
            return 2;
        }
        wlast.push_back(last == 1);
        ws.push_back(parse_hex(hex, w_file));
    }

    auto ctx = std::make_unique<VerilatedContext>();
    ctx->commandArgs(argc, argv);
    auto top = std::make_unique<Vfineq_core>(ctx.get());
#if VM_TRACE
    std::unique_ptr<VerilatedFstC> tfp;
    const std::string trace_file = arg(argc, argv, "trace", "");
    if (!trace_file.empty()) {
        ctx->traceEverOn(true);
        tfp = std::make_unique<VerilatedFstC>();
        top->trace(tfp.get(), 99);
        tfp->open(trace_file.c_str());
    }
#endif
    uint64_t sim_time = 0;
    auto tick_half = [&](int clk) {
        top->clk_i = clk;
        top->eval();
#if VM_TRACE
        if (tfp) tfp->dump(sim_time);
#endif
        ++sim_time;
    };

    // Reset: two cycles with rst_ni low, inputs idle.
    top->act_valid_i = 0;
    top->w_valid_i = 0;
    top->res_ready_i = 0;
    top->rst_ni = 0;
    for (int i = 0; i < 2; ++i) {
        tick_half(0);
        tick_half(1);
    }
    top->rst_ni = 1;
#if VM_COVERAGE
    const std::string cov_file = arg(argc, argv, "coverage", "");
    ctx->coveragep()->zero();
#endif

    std::ofstream out(out_file);
    if (!out) {
        std::cerr << "error: cannot write " << out_file << "\n";
        return 2;
    }
    // Result beats collect in memory and are written once at the end (room for all of them up
    // front: 2 hex digits per byte of the port, and a newline).
    std::string beats;
    beats.reserve(static_cast<std::size_t>(results) * (2 * sizeof(top->res_data_o) + 1) + 256);
    std::size_t ai = 0, wi = 0;
    // Input beats are copied into the ports when the stream advances, not every cycle (a
    // 64-column weight beat is 448 bytes).
    std::size_t act_set = SIZE_MAX, w_set = SIZE_MAX;
    long got = 0, last_cycle = -1;
    long cycle = 0;
    for (; cycle < max_cycles && got < results; ++cycle) {
        const bool act_v = ai < acts.size() && !prng.stall(stall);
        const bool w_v = wi < ws.size() && !prng.stall(stall);
        const bool res_r = !prng.stall(stall);
        top->act_valid_i = act_v;
        if (ai < acts.size() && ai != act_set) {
            set_port(top->act_data_i, acts[ai]);
            act_set = ai;
        }
        top->w_valid_i = w_v;
        if (wi < ws.size() && wi != w_set) {
            set_port(top->w_data_i, ws[wi]);
            top->w_last_i = wlast[wi];
            w_set = wi;
        }
        top->res_ready_i = res_r;
        tick_half(0);
        // Sample the handshakes of this cycle (ready/valid outputs depend on state only).
        const bool act_fire = act_v && top->act_ready_o;
        const bool w_fire = w_v && top->w_ready_o;
        if (top->res_valid_o && res_r) {
            put_port(beats, top->res_data_o);
            beats += '\n';
            ++got;
            last_cycle = cycle;
        }
        tick_half(1);
        if (act_fire) ++ai;
        if (w_fire) ++wi;
    }
    // Drain: every input idle, results accepted; nothing more may come out.
    long extra = 0;
    long drained = 0;
    if (got == results) {
        top->act_valid_i = 0;
        top->w_valid_i = 0;
        top->res_ready_i = 1;
        for (long d = 0; d < drain; ++d) {
            tick_half(0);
            if (top->res_valid_o) {
                beats += "extra_beat ";
                put_port(beats, top->res_data_o);
                beats += '\n';
                ++extra;
            }
            tick_half(1);
            ++drained;
        }
    }
#if VM_TRACE
    if (tfp) tfp->close();
#endif
    top->final();
    out << beats;
    if (got < results) {
        std::cerr << "error: timeout after " << cycle << " cycles: " << got << " of " << results
                  << " results, " << ai << " of " << acts.size() << " activation beats and " << wi << " of "
                  << ws.size() << " weight beats consumed\n";
        out << "timeout " << cycle << "\n";
        return 3;
    }
    out << "cycles " << (last_cycle + 1) << "\n";
    out << "consumed " << ai << " " << wi << "\n";
    out << "extra " << extra << "\n";
    // Peak resident memory of this process image, for the benchmark: VmHWM of /proc/self/status
    // (getrusage's ru_maxrss would include the forking JVM's, which Linux carries across exec).
    const long hwm = peak_rss_kb();
    if (hwm > 0) out << "peak_rss_kb " << hwm << "\n";
#if VM_COVERAGE
    out << "simulated " << (cycle + drained) << "\n";
    if (!cov_file.empty()) ctx->coveragep()->write(cov_file.c_str());
#endif
    return 0;
}
