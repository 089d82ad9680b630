// Drives one fineq_decoder: loads block A into the current buffer, then block B into the next
// buffer (A must stay readable: double buffering), prints A's 24 weight codes, swaps, prints
// B's 24 weight codes. Codes are the raw 3-bit {sign, mag[1:0]} values in row order 3j+i.
// Usage: decoder_tb <hex56 A> <hex56 B>
#include "Vfineq_decoder.h"
#include "verilated.h"
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// One clock cycle. The block buffers run on the core's gated clocks (fineq_core: u_cg_cur is
// enabled by load_cur | swap, u_cg_nxt by load_nxt), so the harness pulses them the same way.
static void tick(Vfineq_decoder* d, bool load_cur, bool load_nxt, bool swap) {
    d->load_cur_i = load_cur;
    d->clk_cur_i = 0;
    d->clk_nxt_i = 0;
    d->eval();
    d->clk_cur_i = load_cur || swap;
    d->clk_nxt_i = load_nxt;
    d->eval();
    d->clk_cur_i = 0;
    d->clk_nxt_i = 0;
    d->eval();
}

static void print_block(Vfineq_decoder* d, const char* label) {
    std::printf("%s", label);
    for (int j = 0; j < 8; ++j) {
        for (int i = 0; i < 3; ++i) {
            d->clu_i = j;
            d->pos_i = i;
            d->eval();
            std::printf(" %d", static_cast<int>(d->w_o));
        }
    }
    std::printf("\n");
}

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: decoder_tb <hex56 A> <hex56 B>\n");
        return 2;
    }
    const uint64_t a = std::strtoull(argv[1], nullptr, 16);
    const uint64_t b = std::strtoull(argv[2], nullptr, 16);
    Vfineq_decoder* d = new Vfineq_decoder;
    d->blk_i = a;
    tick(d, true, false, false);
    d->blk_i = b;
    tick(d, false, true, false);
    d->blk_i = 0;
    tick(d, false, false, false);
    print_block(d, "cur");
    tick(d, false, false, true);
    tick(d, false, false, false);
    print_block(d, "swapped");
    d->final();
    delete d;
    return 0;
}
