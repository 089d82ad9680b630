// Verilator harness for fineq_decoder (docs/microarchitecture.md section 2).
//
//   blocks=FILE  one 56-bit block per line, 14 hex digits, byte 6 first
//   out=FILE     written: per block i, "cur <24 octal digits>": w_o for (clu, pos) = (0,0), (0,1),
//                (0,2), (1,0) ... (7,2) after the block became cur_q. Block i is loaded into cur_q
//                directly (load_cur) when i is even; when i is odd it is loaded into nxt_q first
//                (load_nxt), and the harness then writes "held <24 digits>" (cur_q must still
//                hold block i-1) before a swap moves it to cur_q.
// The block buffers run on the core's gated clocks (fineq_core: u_cg_cur enabled by
// load_cur | swap, u_cg_nxt by load_nxt); the harness pulses clk_cur_i / clk_nxt_i the same way,
// with load_cur_i selecting blk_i over nxt_q.
// While w_o is read, blk_i carries the complement of the block: w_o must depend on cur_q only.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "Vfineq_decoder.h"
#include "verilated.h"

namespace {

std::string arg(int argc, char** argv, const std::string& key) {
    const std::string prefix = key + "=";
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind(prefix, 0) == 0) return a.substr(prefix.size());
    }
    return "";
}

}  // namespace

int main(int argc, char** argv) {
    const std::string in_file = arg(argc, argv, "blocks");
    const std::string out_file = arg(argc, argv, "out");
    if (in_file.empty() || out_file.empty()) {
        std::cerr << "usage: blocks=FILE out=FILE\n";
        return 2;
    }
    std::ifstream in(in_file);
    std::ofstream out(out_file);
    if (!in || !out) {
        std::cerr << "error: cannot open " << in_file << " or " << out_file << "\n";
        return 2;
    }
    auto ctx = std::make_unique<VerilatedContext>();
    ctx->commandArgs(argc, argv);
    auto top = std::make_unique<Vfineq_decoder>(ctx.get());
    const uint64_t mask = (uint64_t{1} << 56) - 1;

    // One clock cycle with the given loads: a rising edge on each gated clock whose enable is set.
    auto tick = [&](bool load_cur, bool load_nxt, bool swap) {
        top->load_cur_i = load_cur;
        top->clk_cur_i = 0;
        top->clk_nxt_i = 0;
        top->eval();
        top->clk_cur_i = load_cur || swap;
        top->clk_nxt_i = load_nxt;
        top->eval();
        top->clk_cur_i = 0;
        top->clk_nxt_i = 0;
        top->load_cur_i = 0;
        top->eval();
    };
    auto dump = [&](const char* tag, uint64_t blk) {
        top->blk_i = ~blk & mask;
        out << tag << ' ';
        for (int clu = 0; clu < 8; ++clu) {
            for (int pos = 0; pos < 3; ++pos) {
                top->clu_i = clu;
                top->pos_i = pos;
                top->eval();
                out << static_cast<char>('0' + (top->w_o & 7));
            }
        }
        out << '\n';
    };

    top->clk_cur_i = 0;
    top->clk_nxt_i = 0;
    top->load_cur_i = 0;
    top->eval();
    std::string line;
    long i = 0;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const uint64_t blk = std::strtoull(line.c_str(), nullptr, 16) & mask;
        top->blk_i = blk;
        if (i % 2 == 0) {
            tick(true, false, false);
        } else {
            tick(false, true, false);
            dump("held", blk);
            tick(false, false, true);
        }
        dump("cur", blk);
        ++i;
    }
    top->final();
    return 0;
}
