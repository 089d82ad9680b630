// Verilator harness for fineq_temporal_encoder (combinational, docs/microarchitecture.md section 2).
//   out=FILE  written: for every mag_i in 0..3 and t_i in 0..3, a line "<mag> <t> <bit_o> <done_o>"
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "Vfineq_temporal_encoder.h"
#include "verilated.h"

int main(int argc, char** argv) {
    std::string out_file;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("out=", 0) == 0) out_file = a.substr(4);
    }
    std::ofstream out(out_file);
    if (out_file.empty() || !out) {
        std::cerr << "usage: out=FILE\n";
        return 2;
    }
    auto ctx = std::make_unique<VerilatedContext>();
    ctx->commandArgs(argc, argv);
    auto top = std::make_unique<Vfineq_temporal_encoder>(ctx.get());
    for (int mag = 0; mag < 4; ++mag) {
        for (int t = 0; t < 4; ++t) {
            top->mag_i = mag;
            top->t_i = t;
            top->eval();
            out << mag << ' ' << t << ' ' << static_cast<int>(top->bit_o) << ' ' << static_cast<int>(top->done_o) << '\n';
        }
    }
    top->final();
    return 0;
}
